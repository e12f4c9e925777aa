// The model's JSON is spliced from the stored scenario and result text; it must be exactly the view.
import { describe, expect, it } from 'vitest';
import { costScenario } from '../../shared/engine/costScenario.js';
import { parseScenario } from '../../shared/scenario.js';
import { costModelJsonText, viewCostModel } from '../../server/services/costModelView.js';
import type { CostModelRecord } from '../../server/store/store.js';
import { sampleScenario } from './support/sampleScenario.js';

const parsed = parseScenario(sampleScenario('A', 5));
if (!parsed.ok) throw new Error('sample scenario invalid');
const draft: CostModelRecord = {
  id: 'm1',
  unitId: 'A',
  title: 'Offer "A"',
  lineageId: 'm1',
  modelVersion: 1,
  supersedesId: null,
  scenarioJson: JSON.stringify(parsed.value),
  state: 'draft',
  revision: 1,
  resultJson: null,
  contentHash: null,
  createdBy: 'ana',
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedBy: 'ana',
  updatedAt: '2026-11-30T10:00:00.000Z',
  submittedBy: null,
  submittedAt: null,
  decidedBy: null,
  decidedAt: null,
  decisionComment: null,
};
const approved: CostModelRecord = {
  ...draft,
  state: 'approved',
  revision: 3,
  resultJson: JSON.stringify(costScenario(parsed.value)),
  contentHash: 'c'.repeat(64),
  submittedBy: 'ana',
  submittedAt: '2026-11-30T11:00:00.000Z',
  decidedBy: 'mia',
  decidedAt: '2026-11-30T12:00:00.000Z',
  decisionComment: 'ok',
};

describe('costModelJsonText', () => {
  it.each([
    ['a draft', draft, null],
    ['an approved, superseded model', approved, 'm2'],
  ] as const)('is viewCostModel as JSON for %s, in the same key order', (_what, model, successor) => {
    const text = costModelJsonText(model, successor);
    expect(JSON.parse(text)).toEqual(viewCostModel(model, successor));
    expect(text).toBe(JSON.stringify(viewCostModel(model, successor)));
  });
});
