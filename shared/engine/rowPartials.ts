/**
 * What costing a range of roster rows contributes to a costing (COSTING.md §7): every figure the
 * report assembles is a sum over rows of exact per-row cents — rounding happens per row and
 * period (and per employee, fiscal year and component for a fund split), never on a sum — so the
 * partials of consecutive ranges add up, in row order, to the partials of the whole roster.
 * All arrays hold integer cents.
 */
export interface RowPartials {
  baseline: CostingPartials;
  /** Component cents per fiscal year of the baseline without step movement (§7). */
  baselineNoStep: Float64Array;
  /** Each fiscal year's cost with that year's schedule × 1.01, per fiscal year (0 for an empty year). */
  baselineValueOfOnePercent: Float64Array;
  proposals: ProposalPartials[];
}

/** One costing's component cents (see CostTotals) and its lift basis. */
export interface CostingPartials {
  byFiscalYear: Float64Array;
  byClass: Float64Array;
  byFund: Float64Array;
  byDepartment: Float64Array;
  rollups: Float64Array;
  annualAtLastPeriod: Float64Array;
}

export interface ProposalPartials {
  /** Row cost (all components, no flat amounts) per fiscal year after provisions 1..k: K × F. */
  prefixTotals: Float64Array;
  /** The whole proposal (the baseline when it has no provisions). */
  proposal: CostingPartials;
  /** Row cost per fiscal year the value of 1% is measured from: without retro pay (§3). */
  earnedTotals: Float64Array;
  /** Each fiscal year's row cost with that year's schedule × 1.01, per fiscal year. */
  valueOfOnePercent: Float64Array;
  /** Component cents per fiscal year without step movement (§7). */
  noStep: Float64Array;
}

/** The arrays of the partials, in one fixed order (the order `build` takes them in). */
function arraysOf(partials: RowPartials): Float64Array[] {
  const costing = (c: CostingPartials) => [c.byFiscalYear, c.byClass, c.byFund, c.byDepartment, c.rollups, c.annualAtLastPeriod];
  return [
    ...costing(partials.baseline),
    partials.baselineNoStep,
    partials.baselineValueOfOnePercent,
    ...partials.proposals.flatMap((p) => [p.prefixTotals, ...costing(p.proposal), p.earnedTotals, p.valueOfOnePercent, p.noStep]),
  ];
}

/** Partials for `proposalCount` proposals whose arrays `take` hands out in `arraysOf` order. */
function build(proposalCount: number, take: () => Float64Array): RowPartials {
  // Property initialisers run in source order, which is `arraysOf`'s order.
  const costing = (): CostingPartials => ({
    byFiscalYear: take(),
    byClass: take(),
    byFund: take(),
    byDepartment: take(),
    rollups: take(),
    annualAtLastPeriod: take(),
  });
  return {
    baseline: costing(),
    baselineNoStep: take(),
    baselineValueOfOnePercent: take(),
    proposals: Array.from({ length: proposalCount }, () => ({
      prefixTotals: take(),
      proposal: costing(),
      earnedTotals: take(),
      valueOfOnePercent: take(),
      noStep: take(),
    })),
  };
}

/** The partials of consecutive row ranges, listed in row order, added into one. */
export function addRowPartials(ranges: readonly RowPartials[]): RowPartials {
  const first = ranges[0];
  if (first === undefined) throw new Error('no row partials to add');
  const all = ranges.map(arraysOf);
  if (all.some((arrays) => arrays.length !== all[0]!.length)) throw new Error('row partials of different costings');
  let at = 0;
  return build(first.proposals.length, () => {
    const sum = new Float64Array(all[0]![at]!);
    for (const arrays of all.slice(1)) {
      const a = arrays[at]!;
      if (a.length !== sum.length) throw new Error('row partials of different costings');
      for (let j = 0; j < sum.length; j++) sum[j]! += a[j]!;
    }
    at++;
    return sum;
  });
}

/**
 * The partials as exact integers for another thread (never a float on the wire): a cent that is
 * not an integer would be a bug, and BigInt() refuses it.
 */
export interface TransferredPartials {
  proposalCount: number;
  lengths: number[];
  cents: BigInt64Array;
}

export function toTransfer(partials: RowPartials): TransferredPartials {
  const arrays = arraysOf(partials);
  const cents = new BigInt64Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) for (let j = 0; j < a.length; j++) cents[at++] = BigInt(a[j]!);
  return { proposalCount: partials.proposals.length, lengths: arrays.map((a) => a.length), cents };
}

export function fromTransfer(transferred: TransferredPartials): RowPartials {
  let array = 0;
  let at = 0;
  const partials = build(transferred.proposalCount, () => {
    const length = transferred.lengths[array++];
    if (length === undefined) throw new Error('transferred row partials do not fit their shape');
    const a = new Float64Array(length);
    for (let j = 0; j < length; j++) a[j] = Number(transferred.cents[at++]!);
    return a;
  });
  if (array !== transferred.lengths.length || at !== transferred.cents.length) throw new Error('transferred row partials do not fit their shape');
  return partials;
}
