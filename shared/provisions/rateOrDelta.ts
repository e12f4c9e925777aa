import type { z } from 'zod';
import { plainDelta, plainPercent } from './wording.js';

/** pensionRate and rollupRate give exactly one of `rate` or `delta`. */
export function rateOrDeltaIssues(p: { rate?: string | undefined; delta?: string | undefined }, ctx: z.RefinementCtx): void {
  if ((p.rate === undefined) === (p.delta === undefined)) ctx.addIssue({ code: 'custom', path: ['rate'], message: 'give exactly one of rate or delta' });
}

export function plainRateOrDelta(p: { rate?: string | undefined; delta?: string | undefined }): string {
  return p.rate !== undefined ? `to ${plainPercent(p.rate)}` : `by ${plainDelta(p.delta ?? '0')}`;
}
