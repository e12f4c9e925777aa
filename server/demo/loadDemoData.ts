import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { costScenario as engineCostScenario } from '../../shared/engine/costScenario.js';
import { parseScenario } from '../../shared/scenario.js';
import { scheduleSchema, type Scenario } from '../../shared/schemas/scenario.js';
import { DuplicateKeyError, type Role, type Store } from '../store/store.js';
import { issueToken } from '../services/apiTokens.js';
import { systemActor } from '../services/auditTrail.js';
import { costModelEtag } from '../services/costModelView.js';
import { approveCostModel, createCostModel, returnCostModel, submitCostModel, type CostScenario } from '../services/costModels.js';
import type { Principal } from '../services/principal.js';
import { publishSettlementSchedules } from '../services/publishSchedules.js';
import { importScheduleVersion } from '../services/scheduleVersions.js';
import { addUnit } from '../services/units.js';
import { addUser } from '../services/users.js';
import { demoUnits, type DemoUnit } from './demoCity.js';
import { demoRoster, demoScenario, demoSchedule, type DemoProposal } from './demoScenario.js';

export const DEMO_TOKENS_FILE = 'demo-tokens.json';

const demoUsers: { id: string; name: string; role: Role; units: string[] }[] = [
  { id: 'admin', name: 'Avery Admin (IT)', role: 'admin', units: [] },
  { id: 'analyst', name: 'Dana Okafor (budget analyst)', role: 'analyst', units: ['RPOA', 'RFFA', 'RMEA'] },
  { id: 'police-analyst', name: 'Pat Lindqvist (police budget analyst)', role: 'analyst', units: ['RPOA'] },
  { id: 'manager', name: 'Morgan Reyes (budget manager)', role: 'manager', units: ['RPOA', 'RFFA', 'RMEA'] },
  { id: 'police-negotiator', name: 'Nico Alvarez (chief negotiator, police)', role: 'negotiator', units: ['RPOA'] },
  { id: 'fire-negotiator', name: 'Frankie Chen (chief negotiator, fire)', role: 'negotiator', units: ['RFFA'] },
];

const modelPlan: { unit: string; title: string; state: 'draft' | 'submitted' | 'approved' | 'returned'; proposals: DemoProposal[]; publish?: boolean }[] = [
  {
    unit: 'RPOA',
    title: 'FY27-FY29 settlement: 3% / 3% / 2.5% and a $1,000 signing bonus',
    state: 'approved',
    publish: true,
    proposals: [
      {
        name: 'Tentative agreement',
        side: 'joint',
        provisions: [
          { type: 'gwi', percent: '0.03', effective: '2026-07-04', label: '3% July 2026' },
          { type: 'lumpSum', amount: '1000.00', payDate: '2026-12-15', prorateByFte: true, label: 'Signing bonus' },
          { type: 'gwi', percent: '0.03', effective: '2027-07-03', label: '3% July 2027' },
          { type: 'gwi', percent: '0.025', effective: '2028-07-01', label: '2.5% July 2028' },
        ],
      },
    ],
  },
  {
    unit: 'RPOA',
    title: 'RPOA opening proposal vs. City counter',
    state: 'submitted',
    proposals: [
      {
        name: 'RPOA opening proposal',
        side: 'union',
        provisions: [
          { type: 'gwi', percent: '0.05', effective: '2026-07-04', label: '5% year 1' },
          { type: 'gwi', percent: '0.04', effective: '2027-07-03', label: '4% year 2' },
          { type: 'addStep', percent: '0.05', effective: '2027-07-03', classes: ['PO'], label: 'New PO step 6' },
          { type: 'gwi', percent: '0.04', effective: '2028-07-01', label: '4% year 3' },
          { type: 'specialPay', code: 'POST_ADV', effective: '2026-07-04', percent: '0.09', pensionable: true, mode: 'set', label: 'Advanced POST to 9%' },
        ],
      },
      {
        name: 'City counter',
        side: 'management',
        provisions: [
          { type: 'gwi', percent: '0.025', effective: '2026-07-04' },
          { type: 'gwi', percent: '0.025', effective: '2027-07-03' },
          { type: 'gwi', percent: '0.02', effective: '2028-07-01' },
          { type: 'pensionRate', effective: '2026-07-04', tier: 'safety-classic', delta: '-0.02', label: 'Employee pick-up of 2%' },
        ],
      },
    ],
  },
  {
    unit: 'RFFA',
    title: 'Fire: Local 4410 proposal and City offer (working draft)',
    state: 'draft',
    proposals: [
      {
        name: 'Local 4410 proposal',
        side: 'union',
        provisions: [
          { type: 'gwi', percent: '0.045', effective: '2026-07-11' },
          { type: 'equity', percent: '0.03', effective: '2026-07-11', classes: ['CAPT'], label: 'Captain equity' },
          { type: 'gwi', percent: '0.04', effective: '2027-07-10' },
          { type: 'specialPay', code: 'EMT', effective: '2026-07-11', amount: '275.00', per: 'month', pensionable: true, mode: 'set' },
        ],
      },
      {
        name: 'City offer',
        side: 'management',
        provisions: [
          { type: 'gwi', percent: '0.03', effective: '2026-07-11' },
          { type: 'gwi', percent: '0.025', effective: '2027-07-10' },
          { type: 'stepFreeze', effective: '2026-07-11', months: 6, mode: 'slide', label: 'Six-month step freeze' },
        ],
      },
    ],
  },
  {
    unit: 'RMEA',
    title: 'Miscellaneous: 2.5% a year with a health contribution cap',
    state: 'returned',
    proposals: [
      {
        name: 'City offer',
        side: 'management',
        provisions: [
          { type: 'gwi', percent: '0.025', effective: '2026-07-01' },
          { type: 'gwi', percent: '0.025', effective: '2027-07-01' },
          { type: 'gwi', percent: '0.025', effective: '2028-07-01' },
          { type: 'health', effective: '2027-01-01', tier: 'family', monthly: '2200.00', label: 'Family cap' },
          { type: 'flat', amount: '25000.00', fiscalYears: ['FY2027'], label: 'Training fund' },
        ],
      },
    ],
  },
];

export interface DemoLoaded {
  tokensFile: string;
  units: string[];
}

/**
 * On an empty database: the City of Riverton (police, fire, miscellaneous), its schedules,
 * rosters and assumptions, demo users with API tokens, and cost models in each state. Every
 * scenario is validated and costed before anything is written, so a failure leaves the database
 * empty. The tokens go to DATA_DIR/demo-tokens.json (mode 600).
 */
export async function loadDemoData(store: Store, dataDir: string, now: Date, costScenario: CostScenario = engineCostScenario): Promise<DemoLoaded | undefined> {
  if ((await store.countUnits()) > 0) return undefined;

  const prepared = demoUnits.map((unit, index) => {
    const previous = scheduleSchema.parse(demoSchedule(unit, '2024-07-01', '0'));
    const current = scheduleSchema.parse(demoSchedule(unit, '2025-07-01', '0.03'));
    const roster = demoRoster(unit, 20261123 + index);
    const models = modelPlan
      .filter((m) => m.unit === unit.id)
      .map((m) => ({ ...m, scenario: validDemoScenario(unit, demoScenario(unit, current, roster, m.proposals)) }));
    return { unit, previous, current, roster, models };
  });
  for (const p of prepared) for (const m of p.models) if (m.state !== 'draft') await costScenario(m.scenario);

  const actor = systemActor('demo-loader');
  for (const [i, p] of prepared.entries()) {
    const unit = p.unit;
    try {
      await addUnit(store, actor, now, {
        id: unit.id,
        name: unit.name,
        profile: {
          calendar: unit.calendar,
          term: p.models[0]?.scenario.term ?? { start: '2026-07-01', end: '2029-06-30' },
          roster: p.roster,
          assumptions: unit.assumptions,
        },
      });
    } catch (error) {
      // Another instance starting at the same moment on the same PostgreSQL database won the race.
      if (i === 0 && error instanceof DuplicateKeyError) return undefined;
      throw error;
    }
    await importScheduleVersion(store, actor, now, { unitId: unit.id, schedule: p.previous, source: 'demo', dryRun: false });
    await importScheduleVersion(store, actor, now, { unitId: unit.id, schedule: p.current, source: 'demo', dryRun: false });
  }

  const tokens: Record<string, { name: string; role: Role; units: string[]; token: string }> = {};
  const principals = new Map<string, Principal>();
  for (const u of demoUsers) {
    const user = await addUser(store, actor, now, { id: u.id, name: u.name, role: u.role, unitIds: u.units });
    const issued = await issueToken(store, user.id, 'demo', now);
    tokens[u.id] = { name: u.name, role: u.role, units: u.role === 'admin' ? ['(all)'] : u.units, token: issued.token };
    principals.set(u.id, { userId: user.id, name: user.name, role: user.role, unitIds: user.role === 'admin' ? 'all' : user.unitIds, via: 'token' });
  }

  const ctx = { store, costScenario, now: () => now };
  const analyst = principals.get('analyst')!;
  const manager = principals.get('manager')!;
  for (const p of prepared) {
    for (const m of p.models) {
      const model = await createCostModel(ctx, analyst, { unitId: p.unit.id, title: m.title, scenario: m.scenario });
      if (m.state === 'draft') continue;
      // Each step names the revision it acts on, as a person's request must (If-Match).
      const submitted = await submitCostModel(ctx, analyst, model.id, costModelEtag(model));
      if (m.state === 'approved') await approveCostModel(ctx, manager, model.id, costModelEtag(submitted), 'Ratified by council; costing reviewed by Finance.');
      if (m.state === 'returned')
        await returnCostModel(
          ctx,
          manager,
          model.id,
          costModelEtag(submitted),
          'Please add the FY2027 training fund to the comparison and confirm the family-tier cap date.',
        );
      if (m.publish) await publishSettlementSchedules(ctx, manager, model.id, undefined);
    }
  }

  mkdirSync(dataDir, { recursive: true });
  const tokensFile = resolve(join(dataDir, DEMO_TOKENS_FILE));
  writeFileSync(
    tokensFile,
    `${JSON.stringify({ note: 'Demo API tokens: send as Authorization: Bearer <token>. Delete this file in production.', users: tokens }, null, 2)}\n`,
    { mode: 0o600 },
  );
  chmodSync(tokensFile, 0o600);
  return { tokensFile, units: prepared.map((p) => p.unit.id) };
}

function validDemoScenario(unit: DemoUnit, input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok)
    throw new Error(
      `demo scenario for ${unit.id} is invalid: ${parsed.issues
        .slice(0, 3)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}`,
    );
  return parsed.value;
}
