import { costScenario, parseScenario, type CostingResult, type Scenario, type ScenarioInput } from '../../shared/index.js';

type Input = ScenarioInput;
type Row = Input['roster']['rows'][number];
type Provision = NonNullable<Input['proposals']>[number]['provisions'][number];

/**
 * A small scenario that is easy to cost by hand: monthly pay, schedule rates per month (so base
 * pay = rate × FTE), FY2027 (July start), no roll-ups, Medicare off.
 */
export function monthlyScenario(
  overrides: {
    rows?: Partial<Row>[];
    provisions?: Provision[];
    calendar?: Partial<Input['calendar']>;
    term?: Input['term'];
    schedule?: Partial<Input['schedule']>;
    assumptions?: Partial<Input['assumptions']>;
    extractDate?: string;
  } = {},
): Input {
  return {
    format: 'bargaining-costing/scenario@1',
    unit: { id: 'T', name: 'Test unit' },
    calendar: { fiscalYearStartMonth: 7, payFrequency: 'monthly', ...overrides.calendar },
    term: overrides.term ?? { start: '2026-07-01', end: '2027-06-30' },
    schedule: {
      id: 'S1',
      effective: '2025-07-01',
      rateBasis: 'monthly',
      hoursPerYear: 2080,
      ratePlaces: 2,
      classes: [
        { code: 'A', title: 'Class A', steps: ['5000.00', '5250.00', '5512.50'] },
        { code: 'B', title: 'Class B', steps: ['4000.00', '4200.00'] },
      ],
      ...overrides.schedule,
    },
    roster: {
      extractDate: overrides.extractDate ?? '2026-05-31',
      rows: (overrides.rows ?? [{}]).map((r, i) => ({ id: `R${i + 1}`, class: 'A', step: 1, medicare: false, ...r })),
    },
    assumptions: { id: 'A1', ...overrides.assumptions },
    proposals: [{ name: 'Proposal', provisions: overrides.provisions ?? [] }],
  };
}

export function parse(input: Input): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed.value;
}

export function cost(input: Input): CostingResult {
  return costScenario(parse(input));
}

/** The first proposal's increase total in a fiscal year. */
export function increase(result: CostingResult, fy = 'FY2027', component: keyof CostingResult['baseline'][string] = 'total'): string {
  return result.proposals[0]!.increase[fy]![component];
}
