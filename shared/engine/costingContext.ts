import { parseDay, type Day } from '../dates.js';
import { Decimal } from '../money.js';
import type { Provision, RosterRow, Scenario } from '../schemas/scenario.js';
import { exactRate, type ExactRate } from './exactRate.js';
import { fixed, type Fixed } from './fixedPoint.js';
import { KeyIds } from './keyIds.js';
import type { PayBasis } from './payAmounts.js';
import { longevityThresholds, rowLongevityLevels } from './longevity.js';
import { Timeline } from './timeline.js';

export interface DatedValue<T> {
  from: Day;
  value: T;
}

/** Everything about a roster row the costing loop needs, computed once per costing. */
export interface RowContext {
  row: RosterRow;
  rowIndex: number;
  classIndex: number;
  fte: Fixed;
  /** Interned FTE value, for caches. */
  fteId: number;
  overtimeHours: Fixed;
  count: number;
  /** Interned pay-relevant attributes (class, FTE, pays, overtime hours). */
  profileId: number;
  /** Interned overtime-relevant attributes (class, overtime hours, pays): the profile without FTE. */
  overtimeProfileId: number;
  pensionTier: number; // -1: none
  healthTier: number; // -1: none
  /** Costed period indices at which the row reaches each longevity threshold (ascending). */
  longevityLevelAt: number[];
}

/** Scenario-wide facts shared by every variant costing: calendar, parsed assumptions, rows. */
export class CostingContext {
  readonly timeline: Timeline;
  readonly periodsPerYear: number;
  readonly hoursPerYear: number;
  readonly classIndex = new Map<string, number>();
  readonly pensionTiers: string[] = [];
  readonly healthTiers: string[] = [];
  readonly pensionEntries: DatedValue<Decimal>[][] = [];
  readonly healthEntries: DatedValue<Decimal>[][] = [];
  readonly thresholds: number[];
  readonly rows: RowContext[];
  readonly medicareRate: ExactRate;
  readonly socialSecurityRate: ExactRate;
  readonly wageBaseCents = new Map<number, number>();
  readonly otherRollups: { rate: ExactRate; onTaxable: boolean }[];
  readonly overtimeMultiplier: Fixed;
  readonly extractDate: Day;
  readonly basis: PayBasis;
  private readonly fteIds = new KeyIds();

  constructor(readonly scenario: Scenario) {
    this.timeline = new Timeline(scenario);
    this.periodsPerYear = this.timeline.calendar.periodsPerYear;
    this.hoursPerYear = scenario.schedule.hoursPerYear;
    this.extractDate = parseDay(scenario.roster.extractDate);
    scenario.schedule.classes.forEach((c, i) => this.classIndex.set(c.code, i));
    const a = scenario.assumptions;

    for (const [tier, entries] of Object.entries(a.pension)) {
      this.pensionTiers.push(tier);
      this.pensionEntries.push(sortByFrom(entries.map((e) => ({ from: parseDay(e.from), value: new Decimal(e.rate) }))));
    }
    for (const [tier, entries] of Object.entries(a.health)) {
      this.healthTiers.push(tier);
      this.healthEntries.push(sortByFrom(entries.map((e) => ({ from: parseDay(e.from), value: new Decimal(e.monthly) }))));
    }
    for (const proposal of scenario.proposals) for (const p of proposal.provisions) this.registerTiers(p);

    this.medicareRate = exactRate(a.medicareRate);
    this.socialSecurityRate = exactRate(a.socialSecurity.rate);
    for (const [year, base] of Object.entries(a.socialSecurity.wageBase)) {
      this.wageBaseCents.set(Number(year), new Decimal(base).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
    }
    this.otherRollups = a.otherRollups.map((r) => ({ rate: exactRate(r.rate!), onTaxable: r.on === 'taxable' }));
    this.overtimeMultiplier = fixed(a.overtimeMultiplier);
    this.basis = {
      hoursPerYear: BigInt(this.hoursPerYear),
      periodsPerYear: BigInt(this.periodsPerYear),
      ratePerYear: BigInt({ hourly: this.hoursPerYear, annual: 1, monthly: 12, biweekly: 26 }[scenario.schedule.rateBasis]),
    };

    const bandSets = [a.longevity, ...scenario.proposals.flatMap((p) => p.provisions.flatMap((v) => (v.type === 'longevity' ? [v.bands] : [])))];
    this.thresholds = longevityThresholds(bandSets);

    const profiles = new KeyIds();
    const overtimeProfiles = new KeyIds();
    this.rows = scenario.roster.rows.map((row, rowIndex) => {
      const overtimeKey = `${row.class}|${row.overtimeHours}|${[...row.pays].sort().join(',')}`;
      return {
        row,
        rowIndex,
        classIndex: this.classIndex.get(row.class)!,
        fte: this.fixedOf(row.fte),
        fteId: this.fteIds.id(new Decimal(row.fte).toString()),
        overtimeHours: this.fixedOf(row.overtimeHours),
        count: row.count,
        profileId: profiles.id(`${overtimeKey}|${row.fte}`),
        overtimeProfileId: overtimeProfiles.id(overtimeKey),
        pensionTier: row.pensionTier === undefined ? -1 : this.tierIndex(this.pensionTiers, this.pensionEntries, row.pensionTier),
        healthTier: row.healthTier === undefined ? -1 : this.tierIndex(this.healthTiers, this.healthEntries, row.healthTier),
        longevityLevelAt: row.hireDate === undefined ? [] : rowLongevityLevels(parseDay(row.hireDate), this.thresholds, this.timeline),
      };
    });
  }

  private readonly fixedValues = new Map<string, Fixed>();

  /** Roster values repeat (FTE "1", overtime "0"): convert each distinct text once. */
  private fixedOf(text: string): Fixed {
    let value = this.fixedValues.get(text);
    if (value === undefined) {
      value = fixed(text);
      this.fixedValues.set(text, value);
    }
    return value;
  }

  private registerTiers(p: Provision): void {
    if (p.type === 'pensionRate') this.tierIndex(this.pensionTiers, this.pensionEntries, p.tier);
    if (p.type === 'health') this.tierIndex(this.healthTiers, this.healthEntries, p.tier);
  }

  private tierIndex(names: string[], entries: DatedValue<Decimal>[][], tier: string): number {
    let i = names.indexOf(tier);
    if (i === -1) {
      i = names.length;
      names.push(tier);
      entries.push([]);
    }
    return i;
  }
}

function sortByFrom<T>(entries: DatedValue<T>[]): DatedValue<T>[] {
  return entries.sort((a, b) => a.from - b.from);
}
