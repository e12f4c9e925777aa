import { afterEach, describe, expect, it, vi } from 'vitest';
import { costFigure, fiscalYearName, valueOfOnePercent } from '../../addin/functions/costLookup.js';
import { digestCosting, type CostingDigest } from '../../addin/functions/costingDigest.js';
import { cellError } from '../../addin/functions/host.js';
import { LookupError } from '../../addin/functions/lookupError.js';
import { asOfDate, lookupRate, type RateSchedule } from '../../addin/functions/rateLookup.js';
import { scheduleFor, SCHEDULE_FRESH_MS } from '../../addin/functions/scheduleSource.js';
import { sharedState, publishLatestCosting, rememberSchedule } from '../../addin/runtime/sharedState.js';
import { CONNECTION_STORAGE_KEY, loadConnection, normaliseBaseUrl, saveConnection } from '../../addin/runtime/connection.js';
import { componentNames, type Components, type CostingResult } from '../../shared/result.js';

const schedule: RateSchedule = {
  id: 'POA-2025-07',
  effective: '2025-07-01',
  classes: [
    { code: 'PO', steps: ['45.12', '47.38', '49.75'] },
    { code: 'SGT', steps: ['55.00'] },
  ],
};

function components(total: string): Components {
  const c = Object.fromEntries(componentNames.map((n) => [n, '0.00'])) as Components;
  c.wages = total;
  c.total = total;
  return c;
}

const result = {
  fiscalYears: ['FY2027', 'FY2028'],
  periodsByFiscalYear: { FY2027: 26, FY2028: 26 },
  baseline: { FY2027: components('1000000.00'), FY2028: components('1020000.00') },
  baselineByClass: {},
  baselineAnnualAtLastPeriod: components('0.00'),
  proposals: [
    {
      name: 'City offer',
      side: 'management',
      byFiscalYear: { FY2027: components('1030000.00'), FY2028: components('1060000.00') },
      increase: { FY2027: components('30000.00'), FY2028: components('40000.00') },
      increaseTotal: components('70000.00'),
      byProvision: [],
      valueOfOnePercent: { FY2027: '10300.00', FY2028: '10600.00' },
      ongoingAnnualIncrease: '40000.00',
      ongoingAnnualIncreaseByComponent: components('40000.00'),
      compoundedWageIncrease: '0.030000',
      percentOfBase: { FY2027: '0.030000', FY2028: '0.040000' },
      byClass: {},
      increaseByClass: {},
    },
    {
      name: 'Union proposal',
      side: 'union',
      byFiscalYear: { FY2027: components('1050000.00'), FY2028: components('1090000.00') },
      increase: { FY2027: components('50000.00'), FY2028: components('70000.00') },
      increaseTotal: components('120000.00'),
      byProvision: [],
      valueOfOnePercent: { FY2027: '10500.00', FY2028: '10900.00' },
      ongoingAnnualIncrease: '70000.00',
      ongoingAnnualIncreaseByComponent: components('70000.00'),
      compoundedWageIncrease: '0.050000',
      percentOfBase: { FY2027: '0.050000', FY2028: '0.070000' },
      byClass: {},
      increaseByClass: {},
    },
  ],
  snapshot: { unit: 'POA', scheduleId: 'POA-2025-07', scheduleEffective: '2025-07-01', rosterExtractDate: '2026-05-31', assumptionsId: 'A' },
} satisfies CostingResult;

const digest: CostingDigest = digestCosting(result, new Date('2026-11-23T22:00:00Z'));

function lookupFailure(run: () => unknown): LookupError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LookupError);
    return error as LookupError;
  }
  throw new Error('expected a LookupError');
}

describe('BARGAIN.RATE lookup', () => {
  it('finds the rate of a class and step, class codes in any case', () => {
    expect(lookupRate(schedule, 'POA', 'PO', 1)).toBe(45.12);
    expect(lookupRate(schedule, 'POA', 'po', 3)).toBe(49.75);
    expect(lookupRate(schedule, 'POA', ' SGT ', 1)).toBe(55);
  });

  it('says which classes and steps exist', () => {
    const unknownClass = lookupFailure(() => lookupRate(schedule, 'POA', 'LT', 1));
    expect(unknownClass.kind).toBe('invalidValue');
    expect(unknownClass.message).toBe('Unit POA has no class "LT" in schedule POA-2025-07. Classes: PO, SGT.');
    expect(lookupFailure(() => lookupRate(schedule, 'POA', 'PO', 4)).message).toBe('Class PO has steps 1 to 3; step 4 does not exist.');
    expect(lookupFailure(() => lookupRate(schedule, 'POA', 'PO', 1.5)).message).toMatch(/step 1.5 does not exist/);
    expect(lookupFailure(() => lookupRate(schedule, 'POA', '', 1)).message).toMatch(/Give a classification code/);
  });

  it('reads asOf from a date text or an Excel date serial', () => {
    expect(asOfDate(undefined)).toBeUndefined();
    expect(asOfDate('')).toBeUndefined();
    expect(asOfDate('2026-07-01')).toBe('2026-07-01');
    expect(asOfDate(46204)).toBe('2026-07-01');
    expect(lookupFailure(() => asOfDate('2026-02-30')).message).toMatch(/not a date/);
    expect(lookupFailure(() => asOfDate('July 1')).message).toMatch(/YYYY-MM-DD/);
  });
});

describe('BARGAIN.COST and BARGAIN.VALUEOF1PCT lookups', () => {
  it('gives a proposal’s increase over the baseline, by component, and the baseline itself', () => {
    expect(costFigure(digest, 'City offer', 2027)).toBe(30000);
    expect(costFigure(digest, 'city OFFER', 'FY2028', 'wages')).toBe(40000);
    expect(costFigure(digest, 'Union proposal', 'fy28', 'Pension')).toBe(0);
    expect(costFigure(digest, 'Baseline', '2027')).toBe(1000000);
  });

  it('names what exists when a proposal, fiscal year or component does not', () => {
    expect(lookupFailure(() => costFigure(digest, 'Mediator', 2027)).message).toBe(
      'The latest costing has no proposal "Mediator". Proposals: Baseline, City offer, Union proposal.',
    );
    expect(lookupFailure(() => costFigure(digest, 'City offer', 2031)).message).toBe('The latest costing has no FY2031; it covers FY2027, FY2028.');
    expect(lookupFailure(() => costFigure(digest, 'City offer', 2027, 'salary')).message).toMatch(/^"salary" is not a cost component; use one of wages, /);
    expect(lookupFailure(() => costFigure(digest, 'City offer', 'next year')).message).toMatch(/is not a fiscal year/);
  });

  it('values one percent on the first proposal by default, or on the one named', () => {
    expect(valueOfOnePercent(digest, 2027)).toBe(10300);
    expect(valueOfOnePercent(digest, 'FY2028', 'Union proposal')).toBe(10900);
    const none = lookupFailure(() => valueOfOnePercent({ ...digest, proposals: [] }, 2027));
    expect(none.kind).toBe('notAvailable');
  });

  it('reads fiscal years as analysts type them', () => {
    expect(fiscalYearName(2027)).toBe('FY2027');
    expect(fiscalYearName('FY 2027')).toBe('FY2027');
    expect(fiscalYearName('fy27')).toBe('FY2027');
  });

  it('the digest keeps only what the functions read and is shared through the runtime', () => {
    expect(digest.proposals.map((p) => p.name)).toEqual(['City offer', 'Union proposal']);
    expect(JSON.stringify(digest).length).toBeLessThan(10_000);
    publishLatestCosting(digest);
    expect(sharedState().latestCosting).toBe(digest);
  });
});

describe('cell errors', () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  it('become CustomFunctions.Error with #VALUE! or #N/A and the message', () => {
    class FakeCfError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: FakeCfError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } };
    const value = cellError(new LookupError('invalidValue', 'Class PO has steps 1 to 3; step 4 does not exist.')) as FakeCfError;
    expect(value).toBeInstanceOf(FakeCfError);
    expect(value.code).toBe('#VALUE!');
    expect(value.message).toBe('Class PO has steps 1 to 3; step 4 does not exist.');
    expect((cellError(new LookupError('notAvailable', 'Not connected')) as FakeCfError).code).toBe('#N/A');
    expect((cellError(new Error('Could not read the latest costing: boom')) as FakeCfError).message).toBe('Could not read the latest costing: boom');
  });
});

describe('the synced schedule behind BARGAIN.RATE', () => {
  const connection = { baseUrl: 'https://costing.example.gov', token: 'tok' };
  const answer = { unitId: 'POA', version: 3, effective: '2025-07-01', schedule };

  function server(responses: Response[]) {
    const calls: { url: string; headers: Record<string, string> }[] = [];
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), headers: (init?.headers ?? {}) as Record<string, string> });
      const next = responses.shift();
      if (!next) throw new Error('no more responses');
      return next;
    });
    return { calls, fetch: fetch as unknown as typeof globalThis.fetch };
  }

  afterEach(() => {
    sharedState().schedules.clear();
    sharedState().inFlight.clear();
  });

  it('fetches once with the token, shares one request among many cells, then revalidates with the ETag', async () => {
    const s = server([new Response(JSON.stringify(answer), { status: 200, headers: { ETag: '"v3"' } }), new Response(null, { status: 304 })]);
    let now = 1_000_000;
    const deps = { connection: () => connection, fetch: s.fetch, now: () => now };
    const [a, b] = await Promise.all([scheduleFor('POA', undefined, deps), scheduleFor('poa', undefined, deps)]);
    expect(a.version).toBe(3);
    expect(b).toBe(a);
    expect(s.calls).toHaveLength(1);
    expect(s.calls[0]!.url).toBe('https://costing.example.gov/api/v1/units/POA/schedules/current');
    expect(s.calls[0]!.headers.Authorization).toBe('Bearer tok');
    await scheduleFor('POA', undefined, deps);
    expect(s.calls).toHaveLength(1);
    now += SCHEDULE_FRESH_MS + 1;
    const again = await scheduleFor('POA', undefined, deps);
    expect(s.calls).toHaveLength(2);
    expect(s.calls[1]!.headers['If-None-Match']).toBe('"v3"');
    expect(again.version).toBe(3);
    expect(again.checkedAt).toBe(now);
  });

  it('asks for the schedule in force on asOf', async () => {
    const s = server([new Response(JSON.stringify(answer), { status: 200 })]);
    await scheduleFor('POA', '2027-07-01', { connection: () => connection, fetch: s.fetch });
    expect(s.calls[0]!.url).toBe('https://costing.example.gov/api/v1/units/POA/schedules/current?asOf=2027-07-01');
  });

  it('uses a schedule the pane already pulled without a request', async () => {
    const s = server([]);
    rememberSchedule({ unitId: 'FIRE', version: 7, effective: '2026-01-01', schedule });
    const entry = await scheduleFor('FIRE', undefined, { connection: () => connection, fetch: s.fetch });
    expect(entry.version).toBe(7);
    expect(s.calls).toHaveLength(0);
  });

  it('explains an unknown unit, a unit out of scope, a rejected token, no connection and an unreachable server', async () => {
    const fail = async (response: Response | Error, conn: typeof connection | null = connection) => {
      const fetch = (async () => {
        if (response instanceof Error) throw response;
        return response;
      }) as unknown as typeof globalThis.fetch;
      const error = await scheduleFor('XYZ', undefined, { connection: () => conn ?? undefined, fetch }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(LookupError);
      return error as LookupError;
    };
    expect((await fail(new Response('{}', { status: 404 }))).message).toBe('Unit XYZ is unknown or has no schedule in force.');
    expect((await fail(new Response('{}', { status: 403 }))).message).toBe('Unit XYZ is not one of your bargaining units.');
    expect((await fail(new Response('{}', { status: 401 }))).kind).toBe('notAvailable');
    expect((await fail(new Response('{}', { status: 200 }), null)).message).toMatch(/^Not connected to the costing server/);
    expect((await fail(new TypeError('Failed to fetch'))).message).toBe('Could not reach the costing server at https://costing.example.gov: Failed to fetch');
    expect((await fail(new Response('{"hello":1}', { status: 200 }))).message).toMatch(/is not a schedule/);
  });
});

describe('the remembered connection', () => {
  function storage() {
    const map = new Map<string, string>();
    return {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
      map,
    };
  }

  it('round-trips through storage with a normalised address', () => {
    const s = storage();
    saveConnection({ baseUrl: ' https://costing.example.gov/ ', token: 't' }, s);
    expect(s.map.get(CONNECTION_STORAGE_KEY)).toBe('{"baseUrl":"https://costing.example.gov","token":"t"}');
    expect(loadConnection(s)).toEqual({ baseUrl: 'https://costing.example.gov', token: 't' });
    expect(loadConnection(storage())).toBeUndefined();
  });

  it('refuses plain http except on localhost, and says why', () => {
    expect(() => normaliseBaseUrl('http://costing.example.gov')).toThrow(/must start with https/);
    expect(normaliseBaseUrl('http://localhost:3000')).toBe('http://localhost:3000');
    expect(() => normaliseBaseUrl('costing')).toThrow(/is not a web address/);
  });
});
