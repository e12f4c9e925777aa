// Long differential hunts outside vitest: npx tsx tests/reference/hunt.ts <seed> <runs>
// (WIDE=1: the wider generator; WIDE=1 ROUND=1: odd numbers everywhere). Prints the shrunk counterexample.
import fc from 'fast-check';
import { costScenario, parseScenario } from '../../shared/index.js';
import { scenarioArb } from '../engine/arbitraryScenario.js';
import { roundingScenarioArb, wideScenarioArb } from './wideScenario.js';
import { referenceCost } from './referenceCosting.js';
function diffs(a: any, b: any, path = ''): string[] {
  if (typeof a === 'object' && a && typeof b === 'object' && b) return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => diffs(a[k], b[k], `${path}.${k}`));
  return a === b ? [] : [`${path}: engine ${a} ref ${b}`];
}
const skip = new Set(['byClass', 'increaseByClass', 'baselineByClass', 'baselineAnnualAtLastPeriod', 'ongoingAnnualIncreaseByComponent']);
const strip = (r: any) => JSON.parse(JSON.stringify(r, (k, v) => (skip.has(k) ? undefined : v)));
const seed = Number(process.argv[2] ?? Date.now() % 100000);
const res = fc.check(
  fc.property(process.env.ROUND ? roundingScenarioArb : process.env.WIDE ? wideScenarioArb : scenarioArb, (input) => {
    const p = parseScenario(input);
    if (!p.ok) return true;
    let e: any, r: any;
    try { e = strip(costScenario(p.value)); } catch (x) { e = 'THROW ' + (x as Error).message; }
    try { r = strip(referenceCost(p.value)); } catch (x) { r = 'THROW ' + (x as Error).message; }
    if (typeof e === 'string' || typeof r === 'string') { if (typeof e === typeof r) return true; throw new Error(`e=${JSON.stringify(e).slice(0,200)} r=${JSON.stringify(r).slice(0,200)}`); }
    const d = diffs(e, r);
    if (d.length) throw new Error(d.slice(0, 20).join('\n'));
    return true;
  }),
  { numRuns: Number(process.argv[3] ?? 500), seed },
);
console.log('seed', seed, 'failed', res.failed, 'runs', res.numRuns);
if (res.failed) { console.log(JSON.stringify(res.counterexample?.[0], null, 1)); console.log(String(res.errorInstance)); }
