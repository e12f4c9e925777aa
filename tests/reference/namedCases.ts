// Hand-built scenarios for the differential test: each exercises one reading of COSTING.md where
// the spec leaves room (see the notes at the top of referenceCosting.ts) or one edge found while
// comparing. Inputs are raw scenario documents (defaults applied by parseScenario).

/** A monthly scenario (rates per month) with a few dated assumptions; `over` replaces parts. */
const base = (over: Record<string, any>): unknown => ({
  format: 'bargaining-costing/scenario@1',
  unit: { id: 'U' },
  calendar: { payFrequency: 'monthly', ...over.calendar },
  term: over.term ?? { start: '2026-07-01', end: '2027-06-30' },
  schedule: {
    id: 'S',
    effective: '2025-07-01',
    rateBasis: 'monthly',
    ratePlaces: 2,
    classes: [
      { code: 'A', steps: ['5000.00', '5250.00', '5512.50'] },
      { code: 'B', steps: ['4000.1234', '4200.00'] },
    ],
    ...over.schedule,
  },
  roster: { extractDate: over.extractDate ?? '2026-05-31', rows: (over.rows ?? [{}]).map((r: any, i: number) => ({ id: `R${i}`, class: 'A', step: 1, ...r })) },
  assumptions: {
    id: 'AS',
    pension: {
      p: [
        { from: '2020-01-01', rate: '0.10' },
        { from: '2027-01-01', rate: '0.20' },
      ],
    },
    health: {
      h: [
        { from: '2020-01-01', monthly: '1000.00' },
        { from: '2027-01-01', monthly: '2000.00' },
      ],
    },
    socialSecurity: { rate: '0.062', wageBase: { '2025': '100000', '2026': '30000', '2027': '40000', '2028': '50000' } },
    specialPays: { X: { percent: '0.05', pensionable: true }, Y: { amount: '100', per: 'month' } },
    longevity: [{ years: 10, percent: '0.025' }],
    ...over.assumptions,
  },
  proposals: over.proposals ?? [{ name: 'P', ...over.proposal, provisions: over.provisions ?? [] }],
});
export const namedCases: Record<string, unknown> = {
  // One row's single code "X,Y" against another's two codes X and Y, with the same overtime: the
  // engine's overtime cache once keyed pays by their codes joined with commas, and gave both rows
  // the overtime of whichever it costed first.
  overtimeCommaInPayCode: base({
    rows: [
      { overtimeHours: '100', pays: ['X,Y'] },
      { overtimeHours: '100', pays: ['X', 'Y'] },
    ],
    assumptions: { specialPays: { X: { percent: '0.05', pensionable: true }, Y: { amount: '100', per: 'month' }, 'X,Y': { percent: '0.20' } } },
  }),
  // Split-fund rows whose proposal's later raises fall inside fiscal years: each provision prefix
  // resumes mid-year, yet the fund split must be taken on each employee's whole year (§7); the odd
  // shares and rates make round₂(part) + round₂(rest) differ from round₂(whole) splits.
  splitFundResumedMidYear: base({
    term: { start: '2026-07-01', end: '2028-06-30' },
    rows: [
      {
        fund: [
          { fund: 'GF', share: '0.3333' },
          { fund: 'GR', share: '0.6667' },
        ],
        pensionTier: 'p',
        healthTier: 'h',
        socialSecurity: true,
        medicare: true,
      },
      {
        class: 'B',
        fund: [
          { fund: 'GF', share: '0.1' },
          { fund: 'GR', share: '0.45' },
          { fund: 'X', share: '0.45' },
        ],
        pays: ['X'],
        pensionTier: 'p',
      },
      { fund: 'GF', step: 2 },
    ],
    provisions: [
      { type: 'gwi', percent: '0.0317', effective: '2026-07-01' },
      { type: 'gwi', percent: '0.0213', effective: '2026-11-01' },
      { type: 'lumpSum', amount: '777.77', payDate: '2027-02-15' },
      { type: 'gwi', percent: '0.0111', effective: '2027-09-01' },
      { type: 'pensionRate', tier: 'p', delta: '0.0123', effective: '2028-03-01' },
    ],
  }),
  lumpInLastPeriod: base({
    rows: [{ medicare: true, socialSecurity: true }],
    provisions: [{ type: 'lumpSum', amount: '1000.00', payDate: '2027-06-15' }],
    assumptions: { otherRollups: [{ name: 'WC', rate: '0.03', on: 'taxable' }] },
  }),
  zeroBandNoHire: base({ rows: [{}], provisions: [{ type: 'longevity', effective: '2026-07-01', bands: [{ years: 0, percent: '0.01' }] }] }),
  zeroBandInAssumptionsNoHire: base({ rows: [{}], assumptions: { longevity: [{ years: 0, percent: '0.01' }] } }),
  gwiZeroOn4Places: base({ rows: [{ class: 'B' }], provisions: [{ type: 'gwi', percent: '0', effective: '2027-01-01' }] }),
  gwiOtherClassOn4Places: base({ rows: [{ class: 'B' }], provisions: [{ type: 'gwi', percent: '0.01', effective: '2027-01-01', classes: ['A'] }] }),
  addPayClassesNewRow: base({
    rows: [{}, { pays: ['X'] }],
    provisions: [{ type: 'specialPay', code: 'X', percent: '0.02', mode: 'add', effective: '2026-07-01', classes: ['A'] }],
  }),
  setPayClassesNewCodeNoPensionable: base({
    rows: [{ pensionTier: 'p' }],
    provisions: [{ type: 'specialPay', code: 'NEW', percent: '0.02', effective: '2026-07-01', classes: ['A'] }],
  }),
  addPayNewCode: base({
    rows: [{ pensionTier: 'p' }],
    provisions: [{ type: 'specialPay', code: 'NEW', percent: '0.02', mode: 'add', effective: '2026-07-01', classes: ['A'] }],
  }),
  setPayKeepsPensionable: base({
    rows: [{ pensionTier: 'p', pays: ['X'] }],
    provisions: [{ type: 'specialPay', code: 'X', percent: '0.07', effective: '2026-07-01' }],
  }),
  compoundedClassGwi: base({
    provisions: [
      { type: 'gwi', percent: '0.03', effective: '2026-07-01', classes: ['B'] },
      { type: 'equity', percent: '0.02', effective: '2026-08-01', classes: ['A'] },
      { type: 'gwi', percent: '0.02', effective: '2026-06-30' },
    ],
  }),
  healthThenLaterAssumption: base({ rows: [{ healthTier: 'h' }], provisions: [{ type: 'health', tier: 'h', monthly: '1500.00', effective: '2026-09-01' }] }),
  pensionRateThenLaterAssumption: base({
    rows: [{ pensionTier: 'p' }],
    provisions: [{ type: 'pensionRate', tier: 'p', rate: '0.15', effective: '2026-09-01' }],
  }),
  pensionDeltaThenLaterAssumption: base({
    rows: [{ pensionTier: 'p' }],
    provisions: [{ type: 'pensionRate', tier: 'p', delta: '-0.03', effective: '2026-09-01' }],
  }),
  freezeSlideBeforeE: base({
    calendar: { payFrequency: 'biweekly', firstPeriodStart: '2026-06-20' },
    rows: [{ nextStepDate: '2026-08-30' }],
    provisions: [{ type: 'stepFreeze', effective: '2026-09-01', months: 3, mode: 'slide' }],
  }),
  // Slide where the due step date lies before the freeze: max(date + months, freeze end) (R4).
  freezeSlideBeforeE2: base({
    calendar: { payFrequency: 'biweekly', firstPeriodStart: '2026-06-20' },
    term: { start: '2026-07-01', end: '2028-06-30' },
    schedule: { classes: [{ code: 'A', steps: ['5000', '5100', '5200', '5300'] }] },
    rows: [{ nextStepDate: '2026-09-01' }],
    provisions: [{ type: 'stepFreeze', effective: '2026-09-10', months: 3, mode: 'slide' }],
  }),
  freezeContaining: base({
    calendar: { payFrequency: 'monthly', effectiveRule: 'periodContaining' },
    rows: [{ nextStepDate: '2026-08-10' }],
    provisions: [{ type: 'stepFreeze', effective: '2026-08-15', months: 1, mode: 'keep' }],
  }),
  freezeContaining2: base({
    calendar: { payFrequency: 'monthly', effectiveRule: 'periodContaining' },
    rows: [{ nextStepDate: '2026-07-10' }],
    provisions: [{ type: 'stepFreeze', effective: '2026-08-15', months: 1, mode: 'keep' }],
  }),
  freezeSlideTwice: base({
    term: { start: '2026-07-01', end: '2028-06-30' },
    schedule: { classes: [{ code: 'A', stepMonths: 6, steps: ['5000', '5100', '5200', '5300', '5400', '5500'] }] },
    rows: [{ nextStepDate: '2026-08-31' }],
    provisions: [
      { type: 'stepFreeze', effective: '2026-08-01', months: 2, mode: 'slide' },
      { type: 'stepFreeze', effective: '2026-11-01', months: 5, mode: 'slide' },
    ],
  }),
  addStepTopRow: base({
    rows: [
      { step: 3, nextStepDate: '2026-09-15' },
      { step: 3, nextStepDate: '2026-03-15' },
      { step: 3, vacant: true, nextStepDate: '2026-09-15' },
    ],
    provisions: [{ type: 'addStep', percent: '0.05', effective: '2026-07-01' }],
  }),
  addStepAfterDate: base({ rows: [{ step: 3, nextStepDate: '2026-09-15' }], provisions: [{ type: 'addStep', percent: '0.05', effective: '2026-10-01' }] }),
  vacantLump: base({ rows: [{ vacant: true }], provisions: [{ type: 'lumpSum', amount: '500', payDate: '2026-10-01' }] }),
  ssBinding: base({
    term: { start: '2026-07-01', end: '2028-06-30' },
    rows: [{ socialSecurity: true, count: 3, fte: '0.75' }],
    provisions: [{ type: 'gwi', percent: '0.1', effective: '2026-07-01' }],
  }),
  // Wage bases with fractions of a cent (§1: every input inside the bounds costs exactly): the
  // capped tax is round₂(rate × the exact base), in the year, the seed and the lift.
  ssBaseFractionOfCent: base({
    term: { start: '2026-07-01', end: '2028-06-30' },
    rows: [{ socialSecurity: true, count: 3, fte: '0.75' }],
    provisions: [{ type: 'gwi', percent: '0.1', effective: '2026-07-01' }],
    // round₂(0.062 × 30,000.0849) = 1,860.01 where 30,000.08 gives 1,860.00; round₂(0.062 × 40,000.725) =
    // 2,480.04 where 40,000.73 gives 2,480.05.
    assumptions: { socialSecurity: { rate: '0.062', wageBase: { '2025': '100000', '2026': '30000.0849', '2027': '40000.725', '2028': '50000' } } },
  }),
  ssBeforeHorizonWithLag: base({
    calendar: { payFrequency: 'semimonthly', payLagDays: 20 },
    rows: [{ socialSecurity: true }],
    provisions: [{ type: 'gwi', percent: '0.1', effective: '2026-01-01' }],
  }),
  fyJanuary: base({
    calendar: { fiscalYearStartMonth: 1, payFrequency: 'weekly', firstPeriodStart: '2026-01-03', payLagDays: 3 },
    term: { start: '2026-03-01', end: '2027-02-01' },
    rows: [{ socialSecurity: true, nextStepDate: '2026-06-01' }],
  }),
  provisionBeforeExtract: base({
    rows: [{}],
    provisions: [
      { type: 'gwi', percent: '0.03', effective: '2025-01-01' },
      { type: 'stepFreeze', effective: '2026-01-01', months: 12, mode: 'slide' },
    ],
  }),
  lumpBeforeHorizon: base({ rows: [{}], provisions: [{ type: 'lumpSum', amount: '500', payDate: '2026-06-15' }] }),
  flatOutside: base({ provisions: [{ type: 'flat', amount: '100.005', fiscalYears: ['FY2027', 'FY2030'] }] }),
  lumpOddCents: base({
    rows: [{ fte: '0.3333', count: 3 }],
    provisions: [
      { type: 'lumpSum', amount: '333.335', payDate: '2026-10-01', prorateByFte: true },
      { type: 'lumpSum', amount: '0.005', payDate: '2026-10-01' },
    ],
  }),
  negativeGwi: base({ rows: [{ socialSecurity: true }], provisions: [{ type: 'gwi', percent: '-0.2', effective: '2026-07-01' }] }),
  healthTierNoEntryYet: base({ rows: [{ healthTier: 'k' }], assumptions: { health: { k: [{ from: '2026-09-01', monthly: '100' }] } } }),
  healthTierProvisionCovers: base({
    rows: [{ healthTier: 'k' }],
    assumptions: { health: { k: [{ from: '2026-09-01', monthly: '100' }] } },
    provisions: [{ type: 'health', tier: 'k', monthly: '50', effective: '2026-01-01' }],
  }),
  ssMissingBase: base({ rows: [{ socialSecurity: true }], assumptions: { socialSecurity: { wageBase: { '2027': '100000' } } } }),
  // A pension delta listed before a rate override on the same date (reading A1).
  pensionDeltaThenRateSameDay: base({
    rows: [{ pensionTier: 'p' }],
    provisions: [
      { type: 'pensionRate', tier: 'p', delta: '-0.03', effective: '2026-09-01' },
      { type: 'pensionRate', tier: 'p', rate: '0.15', effective: '2026-09-01' },
    ],
  }),
  // A pay lag of 261 days: the Social Security YTD at the horizon's start counts periods worked
  // more than a year before the horizon (the reference once generated too few periods back).
  ssLongLag: base({
    calendar: { fiscalYearStartMonth: 6, payFrequency: 'biweekly', firstPeriodStart: '2020-01-01', payLagDays: 261 },
    term: { start: '2026-07-01', end: '2027-05-31' },
    schedule: { rateBasis: 'hourly', classes: [{ code: 'A', steps: ['41.10'] }] },
    extractDate: '2025-06-01',
    rows: [{ socialSecurity: true, medicare: false }],
    assumptions: { socialSecurity: { rate: '0.062', wageBase: { '2025': '192000', '2026': '198000', '2027': '204000', '2028': '210000' } } },
  }),
  // COSTING.md §8: $1,000,000 payroll, 3% a year for 3 years, 17.15% roll-up (monthly periods).
  guidePayroll: base({
    term: { start: '2026-07-01', end: '2029-06-30' },
    schedule: { rateBasis: 'annual', classes: [{ code: 'A', steps: ['1000000.00'] }] },
    rows: [{ pensionTier: 'all', medicare: false }],
    assumptions: { pension: { all: [{ from: '2020-01-01', rate: '0.1715' }] } },
    provisions: ['2026', '2027', '2028'].map((y) => ({ type: 'gwi', percent: '0.03', effective: `${y}-07-01` })),
  }),
  // COSTING.md §8: 3% on January 1 and 2% on July 1 of one (calendar) fiscal year.
  guideInYear: base({
    calendar: { fiscalYearStartMonth: 1 },
    term: { start: '2027-01-01', end: '2027-12-31' },
    schedule: { rateBasis: 'annual', classes: [{ code: 'A', steps: ['120000.00'] }] },
    rows: [{ medicare: false }],
    provisions: [
      { type: 'gwi', percent: '0.03', effective: '2027-01-01' },
      { type: 'gwi', percent: '0.02', effective: '2027-07-01' },
    ],
  }),
  // No roster rows: a zero baseline, so percentOfBase is null; only the flat amount costs.
  emptyRoster: base({
    rows: [],
    provisions: [
      { type: 'flat', amount: '2500.00', fiscalYears: ['FY2027'], label: 'pool' },
      { type: 'gwi', percent: '0.02', effective: '2026-07-01' },
    ],
  }),
  otHourlyAmountPays: base({
    schedule: { rateBasis: 'hourly', classes: [{ code: 'A', steps: ['30.00'] }] },
    rows: [{ overtimeHours: '100', pays: ['X', 'Y'], hireDate: '2010-01-01' }],
    assumptions: { specialPays: { X: { percent: '0.05', pensionable: true }, Y: { amount: '100', per: 'month' } } },
  }),

  // ---- COSTING.md 1.2: one case per reading most open to doubt (R19–R29 in referenceCosting.ts) ----
  // R21: a pensionable lump in the last costed period stays out of the lift, pension included.
  liftPensionableLumpLast: base({ rows: [{ pensionTier: 'p' }], provisions: [{ type: 'lumpSum', percent: '0.02', payDate: '2027-06-10', pensionable: true }] }),
  // R20: retro of a pay that is pensionable in the proposal only: the pensionable part is the difference.
  retroPensionablePayChange: base({
    term: { start: '2026-07-01', end: '2028-06-30' },
    rows: [
      { pensionTier: 'p', pays: ['Y'], socialSecurity: true },
      { vacant: true, pensionTier: 'p' },
    ],
    proposal: { retroPayDate: '2027-02-20' },
    provisions: [
      { type: 'specialPay', code: 'Y', amount: '150', per: 'month', pensionable: true, effective: '2026-09-01' },
      { type: 'gwi', percent: '0.04', effective: '2026-08-01' },
    ],
  }),
  // R26: the no-step costing's Social Security seed when a step date triggers the first costed period.
  stepAtFirstPeriodSeed: base({
    calendar: { payFrequency: 'semimonthly' },
    schedule: { rateBasis: 'annual', classes: [{ code: 'A', steps: ['150000', '170000', '190000'] }] },
    rows: [{ socialSecurity: true, nextStepDate: '2026-06-20' }],
    proposal: { retroPayDate: '2026-12-20' },
    provisions: [{ type: 'gwi', percent: '0.05', effective: '2026-07-01' }],
  }),
  // R22: filters (a row without a tier never matches pensionTiers), dated rates, a rate override on a single-rate roll-up.
  rollupFilters: base({
    rows: [{ pensionTier: 'p' }, {}, { class: 'B', pensionTier: 'p' }],
    assumptions: {
      otherRollups: [
        { name: 'OPEB', rate: '0.05', pensionTiers: ['p'] },
        {
          name: 'Dated',
          classes: ['B'],
          on: 'taxable',
          rates: [
            { from: '2026-01-01', rate: '0.1' },
            { from: '2026-11-01', rate: '0.12' },
          ],
        },
      ],
    },
    provisions: [
      { type: 'rollupRate', name: 'OPEB', rate: '0.07', effective: '2027-02-01' },
      { type: 'rollupRate', name: 'Dated', delta: '0.01', effective: '2026-09-01', classes: ['B'] },
    ],
  }),
  // R25: an annual floor on an hourly schedule (÷ H), only for class A.
  minimumAnnualFloor: base({
    schedule: {
      rateBasis: 'hourly',
      hoursPerYear: 2184,
      classes: [
        { code: 'A', steps: ['30.00', '31.00', '40.00'] },
        { code: 'B', steps: ['20.00'] },
      ],
    },
    rows: [{}, { step: 2 }, { class: 'B' }],
    provisions: [{ type: 'minimumRate', amount: '68000', rateBasis: 'annual', effective: '2026-10-01', classes: ['A'] }],
  }),
  // R23: dropSteps renumbers vacant rows too, under periodContaining, and a step date in the same period.
  dropStepsContaining: base({
    calendar: { effectiveRule: 'periodContaining' },
    rows: [
      { step: 2, nextStepDate: '2026-10-01' },
      { step: 3, vacant: true },
    ],
    provisions: [
      { type: 'dropSteps', classes: ['A'], count: 1, effective: '2026-10-15' },
      { type: 'addStep', percent: '0.1', effective: '2026-07-01', classes: ['A'] },
    ],
  }),
  // R27: "unassigned" appears only because another proposal's flat has no fund; keys in code-point order.
  fundKeysFromOtherProposal: base({
    rows: [
      { fund: 'aux', department: 'Zed' },
      {
        fund: [
          { fund: 'GF', share: '0.5' },
          { fund: 'Zoo', share: '0.5' },
        ],
        department: 'ab',
        count: 3,
        fte: '0.3333',
      },
    ],
    proposals: [
      { name: 'P', side: 'budget', provisions: [{ type: 'gwi', percent: '0.02', effective: '2026-07-01' }] },
      {
        name: 'Q',
        provisions: [
          {
            type: 'flat',
            amount: '999.99',
            fiscalYears: ['FY2027'],
            fund: [
              { fund: 'GF', share: '0.3' },
              { fund: 'NEW', share: '0.7' },
            ],
          },
          { type: 'lumpSum', days: '3', daysPerYear: '185', payDate: '2026-12-01' },
        ],
      },
      { name: 'R', provisions: [{ type: 'flat', amount: '10.01', fiscalYears: ['FY2027'] }] },
    ],
  }),
  // R18: a term costing with a biweekly calendar, 27-period years and a term that starts mid-year.
  termBiweekly: base({
    calendar: { payFrequency: 'biweekly', firstPeriodStart: '2026-01-02', payLagDays: 5 },
    term: { start: '2026-10-15', end: '2028-02-15', costs: 'term' },
    rows: [{ socialSecurity: true, pensionTier: 'p', nextStepDate: '2027-03-01' }],
    proposal: { retroPayDate: '2027-01-20' },
    provisions: [
      { type: 'gwi', percent: '0.03', effective: '2026-10-01' },
      { type: 'lumpSum', amount: '800', payDate: '2028-03-01' },
    ],
  }),
};
