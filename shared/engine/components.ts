import { centsToMoney } from '../money.js';
import { componentNames, type ClassComponents, type Components } from '../result.js';

export const COMPONENT_COUNT = componentNames.length;
export const C = Object.fromEntries(componentNames.map((name, i) => [name, i])) as Record<(typeof componentNames)[number], number>;

/** Component cents, `COMPONENT_COUNT` per group (fiscal year, class × fiscal year…). */
export type ComponentCents = Float64Array;

export function newComponentCents(groups: number): ComponentCents {
  return new Float64Array(groups * COMPONENT_COUNT);
}

export function groupTotal(cents: ComponentCents, group: number): number {
  let total = 0;
  for (let c = 0; c < COMPONENT_COUNT; c++) total += cents[group * COMPONENT_COUNT + c]!;
  return total;
}

export function toComponents(cents: ComponentCents, group: number): Components {
  const out = {} as Components;
  componentNames.forEach((name, c) => {
    out[name] = centsToMoney(cents[group * COMPONENT_COUNT + c]!);
  });
  out.total = centsToMoney(groupTotal(cents, group));
  return out;
}

/** A class's components (§9 per-class detail): `flat` left out, as no flat amount is a class's. */
export function toClassComponents(cents: ComponentCents, group: number): ClassComponents {
  const { flat, ...rest } = toComponents(cents, group);
  if (flat !== '0.00') throw new Error(`a class was charged a flat amount (${flat})`);
  return rest;
}

export function subtract(a: ComponentCents, b: ComponentCents): ComponentCents {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! - b[i]!;
  return out;
}

/** Sums groups into one (e.g. fiscal years into the term). */
export function sumGroups(cents: ComponentCents, groups: number): ComponentCents {
  const out = newComponentCents(1);
  for (let g = 0; g < groups; g++) for (let c = 0; c < COMPONENT_COUNT; c++) out[c]! += cents[g * COMPONENT_COUNT + c]!;
  return out;
}
