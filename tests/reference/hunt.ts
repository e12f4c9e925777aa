// Long differential hunts outside vitest: npx tsx tests/reference/hunt.ts <seed> <runs> [generator]
// generator: arbitrary (default) | wide | rounding | longTerm | manyProvisions | manySteps.
// Prints the shrunk counterexample and the figures that differ.
import fc from 'fast-check';
import { scenarioArb } from '../engine/arbitraryScenario.js';
import { compareInput } from './compareWithEngine.js';
import { longTermScenarioArb, manyProvisionsScenarioArb, manyStepsScenarioArb, roundingScenarioArb, wideScenarioArb } from './wideScenario.js';

const generators: Record<string, fc.Arbitrary<unknown>> = {
  arbitrary: scenarioArb,
  wide: wideScenarioArb,
  rounding: roundingScenarioArb,
  longTerm: longTermScenarioArb,
  manyProvisions: manyProvisionsScenarioArb,
  manySteps: manyStepsScenarioArb,
};
const seed = Number(process.argv[2] ?? Date.now() % 100000);
const generator = generators[process.argv[4] ?? 'arbitrary'];
if (generator === undefined) throw new Error(`generators: ${Object.keys(generators).join(', ')}`);
const res = fc.check(
  fc.property(generator, (input) => {
    const diffs = compareInput(input);
    if (diffs.length) throw new Error(diffs.slice(0, 20).join('\n'));
  }),
  { numRuns: Number(process.argv[3] ?? 500), seed },
);
console.log('seed', seed, 'failed', res.failed, 'runs', res.numRuns);
if (res.failed) {
  console.log(JSON.stringify(res.counterexample?.[0]));
  console.log(String(res.errorInstance));
}
