import { describe, expect, it } from 'vitest';
import { settlementSchedules } from '../../server/services/settlementSchedules.js';
import { parse, monthlyScenario } from './scenarioBuilder.js';

describe('settlement schedules come from the same published-schedule rule as costing', () => {
  it('one schedule per effective date; drops renumber, floors round up, set rates re-round', () => {
    const s = parse(
      monthlyScenario({
        provisions: [
          { type: 'gwi', percent: '0.03', effective: '2026-07-01' },
          { type: 'dropSteps', classes: ['A'], count: 1, effective: '2027-01-01' },
          { type: 'minimumRate', amount: '25.01', rateBasis: 'hourly', effective: '2027-01-01' },
          { type: 'setRate', class: 'A', step: 1, amount: '5500.005', effective: '2027-04-01' },
        ],
      }),
    );
    const schedules = settlementSchedules(s.schedule, s.proposals[0]!);
    expect(schedules.map((x) => x.effective)).toEqual(['2026-07-01', '2027-01-01', '2027-04-01']);
    // A: 5000 × 1.03 = 5150, 5250 × 1.03 = 5407.50, 5512.50 × 1.03 = 5677.875 → 5677.88; B: 4120, 4326.
    expect(schedules[0]!.classes.map((c) => c.steps)).toEqual([
      ['5150.00', '5407.50', '5677.88'],
      ['4120.00', '4326.00'],
    ]);
    // Jan 1: A drops 5150; floor 25.01 × 2080 / 12 = 4335.0666… → 4335.07 lifts B step 1 (4120) only.
    expect(schedules[1]!.classes.map((c) => c.steps)).toEqual([
      ['5407.50', '5677.88'],
      ['4335.07', '4335.07'],
    ]);
    // Apr 1: A step 1 (in the numbering then in force) = round₂(5500.005) = 5500.01.
    expect(schedules[2]!.classes[0]!.steps).toEqual(['5500.01', '5677.88']);
    expect(schedules[2]!.id).toBe('S1@2027-04-01');
  });
});
