import { describe, expect, it } from 'vitest';
import { CostRunner, SupersededError } from '../../../addin/taskpane/costing/costRunner.js';
import type { CostReply, CostRequest } from '../../../addin/taskpane/costing/workerProtocol.js';
import { parseScenario, type Scenario } from '../../../shared/index.js';
import { syntheticUnit } from '../../../shared/syntheticUnit.js';
import type { CostingResult, IncreaseResult } from '../../../shared/result.js';

/** A worker double: keeps what the runner posts; the test answers when it likes, as a worker would. */
class WorkerDouble {
  readonly requests: CostRequest[] = [];
  onmessage: ((event: MessageEvent<CostReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(request: CostRequest): void {
    this.requests.push(request);
  }
  terminate(): void {}
  answer(reply: CostReply): void {
    this.onmessage?.({ data: reply } as MessageEvent<CostReply>);
  }
}

const parsed = parseScenario(syntheticUnit(20));
if (!parsed.ok) throw new Error('the synthetic unit is valid');
const unit = parsed.value;
const whatIf = (percent: string): Scenario => ({
  ...unit,
  proposals: [
    { ...unit.proposals[1]!, name: 'City offer (what-if)', provisions: unit.proposals[1]!.provisions.map((p, i) => (i === 0 ? { ...p, percent } : p)) },
  ],
});
const report = {} as CostingResult;
const increase = (name: string): IncreaseResult => ({
  fiscalYears: [],
  baseline: {},
  proposals: [{ name, increase: {}, increaseTotal: {} as never, byFiscalYear: {} }],
});

describe('the pane’s costing runner', () => {
  it('keeps a report costing when a what-if comes, and lets a newer what-if supersede an older one', async () => {
    const worker = new WorkerDouble();
    const runner = new CostRunner(() => worker as unknown as Worker);
    const costing = runner.cost(unit);
    const first = runner.costIncrease(whatIf('0.03'), 'what-if');
    const second = runner.costIncrease(whatIf('0.04'), 'what-if');
    await expect(first).rejects.toBeInstanceOf(SupersededError);

    // The whole scenario once; then only proposals, asking for the comparison's figures.
    expect(worker.requests.map((r) => [r.kind, r.figures])).toEqual([
      ['scenario', 'report'],
      ['proposals', 'increase'],
      ['proposals', 'increase'],
    ]);
    const [a, b, c] = worker.requests.map((r) => r.id);
    worker.answer({ id: a!, kind: 'result', result: report, milliseconds: 900 });
    worker.answer({ id: b!, kind: 'increase', result: increase('stale'), milliseconds: 40 }); // dropped: superseded
    worker.answer({ id: c!, kind: 'increase', result: increase('City offer (what-if)'), milliseconds: 35 });
    await expect(costing).resolves.toEqual({ result: report, milliseconds: 900 });
    await expect(second).resolves.toMatchObject({ result: { proposals: [{ name: 'City offer (what-if)' }] }, milliseconds: 35 });
  });

  it('refuses an answer of the wrong kind in words, and a refused input as its issues', async () => {
    const worker = new WorkerDouble();
    const runner = new CostRunner(() => worker as unknown as Worker);
    const wrong = runner.costIncrease(whatIf('0.03'), 'what-if');
    worker.answer({ id: worker.requests[0]!.id, kind: 'result', result: report, milliseconds: 1 });
    await expect(wrong).rejects.toThrow('The costing worker answered with the wrong figures. Reload the pane and try again.');
    const refused = runner.costIncrease(whatIf('0.03'), 'what-if');
    worker.answer({ id: worker.requests[1]!.id, kind: 'error', message: 'refused', issues: [{ path: 'proposals[0]', message: 'no such class' }] });
    await expect(refused).rejects.toMatchObject({ issues: [{ path: 'proposals[0]', message: 'no such class' }] });
  });
});
