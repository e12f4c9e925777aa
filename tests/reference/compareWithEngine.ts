// The comparison of the engine with the naive reference, shared by the differential test and
// the long hunts (hunt.ts): figure by figure, key order where §9 fixes it, refusal paths.
import { costScenario, parseScenario, type Scenario } from '../../shared/index.js';
import { ReferenceRefusal, referenceCost } from '../../shared/reference/referenceCosting.js';

type Outcome = { ok: true; value: unknown } | { ok: false; error: string; paths: string[] };

/** The paths an error names: the engine's issues, the reference's one path (R30), or none. */
function pathsOf(error: unknown): string[] {
  if (error instanceof ReferenceRefusal) return error.paths;
  const issues = (error as { issues?: unknown }).issues;
  return Array.isArray(issues) ? issues.map((i: { path?: unknown }) => String(i.path)) : [];
}

function run(f: () => unknown): Outcome {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    return { ok: false, error: (error as Error).message, paths: pathsOf(error) };
  }
}

/** Paths where the two results differ, "proposals.0.increase.FY2027.wages: engine 1.00 ≠ reference 1.01". */
function differences(engine: unknown, reference: unknown, path = ''): string[] {
  if (typeof engine === 'object' && engine !== null && typeof reference === 'object' && reference !== null) {
    const keys = new Set([...Object.keys(engine), ...Object.keys(reference)]);
    const order: string[] = [];
    // §9: fund and department keys in code-point order, roll-up names in listed order.
    const ordered = /(byFund|ByFund|byDepartment|ByDepartment)$/.test(path) || /RollupsByName\.[^.]+$/i.test(path);
    if (
      ordered &&
      Object.keys(engine).join('\u0000') !== Object.keys(reference).join('\u0000') &&
      keys.size === Object.keys(engine).length &&
      keys.size === Object.keys(reference).length
    ) {
      order.push(`${path}: keys in order ${JSON.stringify(Object.keys(engine))} ≠ reference ${JSON.stringify(Object.keys(reference))}`);
    }
    return [
      ...order,
      ...[...keys].flatMap((k) => differences((engine as Record<string, unknown>)[k], (reference as Record<string, unknown>)[k], path ? `${path}.${k}` : k)),
    ];
  }
  return engine === reference ? [] : [`${path}: engine ${JSON.stringify(engine)} ≠ reference ${JSON.stringify(reference)}`];
}

/** Both refuse, and the reference's path is among the engine's — or both cost, to the same figures. */
function agreement(engine: Outcome, reference: Outcome): string[] {
  if (!engine.ok && !reference.ok) {
    // The same input, named at the same depth or one naming a field of the other's object; the two
    // must name at least one problem in common (either may find more: the reference stops at its
    // first costing-time problem, and each side may list the provision problems of every proposal).
    const within = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
    if (reference.paths.length === 0 || engine.paths.some((e) => reference.paths.some((r) => within(e, r) || within(r, e)))) return [];
    return [
      `both refuse, at other paths: engine ${JSON.stringify(engine.paths.slice(0, 5))} (${engine.error.slice(0, 200)}); reference ${JSON.stringify(reference.paths)} (${reference.error})`,
    ];
  }
  if (!engine.ok || !reference.ok) {
    return [`engine ${engine.ok ? 'costed' : `refused: ${engine.error.slice(0, 300)}`}; reference ${reference.ok ? 'costed' : `refused: ${reference.error}`}`];
  }
  return differences(engine.value, reference.value);
}

export function compare(scenario: Scenario): string[] {
  return agreement(
    run(() => costScenario(scenario)),
    run(() => referenceCost(scenario)),
  );
}

/** A raw input: refused by parseScenario (the engine's validation) or costed by the engine; the reference reads the raw input. */
export function compareInput(input: unknown): string[] {
  const result = parseScenario(input);
  if (!result.ok) {
    const engine: Outcome = { ok: false, error: result.issues.map((i) => `${i.path}: ${i.message}`).join('; '), paths: result.issues.map((i) => i.path) };
    return agreement(
      engine,
      run(() => referenceCost(structuredClone(input))),
    );
  }
  return compare(result.value);
}
