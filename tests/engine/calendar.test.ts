import { describe, expect, it } from 'vitest';
import { PayCalendar, fiscalYearOfDay } from '../../shared/calendar.js';
import { addMonths, dayFromParts, dayParts, formatDay, isValidIsoDate, parseDay } from '../../shared/dates.js';
import { cost, increase, monthlyScenario, parse } from './scenarioBuilder.js';

describe('calendar (COSTING.md §2)', () => {
  it('names a fiscal year by the calendar year it ends in', () => {
    expect(fiscalYearOfDay(parseDay('2026-07-01'), 7)).toBe(2027);
    expect(fiscalYearOfDay(parseDay('2026-06-30'), 7)).toBe(2026);
    expect(fiscalYearOfDay(parseDay('2026-10-01'), 10)).toBe(2027);
    expect(fiscalYearOfDay(parseDay('2026-12-31'), 1)).toBe(2026);
  });

  it('converts days and civil dates as JavaScript Date does, every day from 1800 to 2400', () => {
    // Independent check: the integer algorithm against the platform's proleptic Gregorian calendar.
    const mismatches: string[] = [];
    for (let day = Date.UTC(1800, 0, 1) / 86_400_000; day <= Date.UTC(2400, 11, 31) / 86_400_000; day++) {
      const date = new Date(day * 86_400_000);
      const parts = dayParts(day);
      const expected = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      if (parts.year !== expected.year || parts.month !== expected.month || parts.day !== expected.day) mismatches.push(date.toISOString());
      if (dayFromParts(expected.year, expected.month, expected.day) !== day) mismatches.push(`from ${date.toISOString()}`);
    }
    expect(mismatches).toEqual([]);
    expect(dayParts(parseDay('2028-02-29'))).toEqual({ year: 2028, month: 2, day: 29 });
    expect(formatDay(dayFromParts(2000, 3, 1) - 1)).toBe('2000-02-29');
    expect(formatDay(dayFromParts(1900, 3, 1) - 1)).toBe('1900-02-28');
  });

  it('reads a date exactly when it is YYYY-MM-DD of a day that exists (against Date.UTC and a regular expression)', () => {
    // The independent reading: the pattern, then the date Date.UTC makes of the parts must have them.
    const exists = (text: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const date = new Date(0);
      date.setUTCFullYear(y, mo - 1, d);
      return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
    };
    const texts = [
      '2019-02-30',
      '2024-02-29',
      '2023-02-29',
      '1900-02-29',
      '2000-02-29',
      '0000-01-01',
      '9999-12-31',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-04-30',
      '2026-1-01',
      '2026-01-1',
      '2026/01/01',
      '2026-01-01\n',
      ' 2026-01-01',
      '２０２６-01-01',
      '2026-0a-01',
      '20260-01-01',
      '',
      '2026-01-00',
      '2026-12-32',
    ];
    let day = dayFromParts(1899, 12, 25);
    for (let i = 0; i < 800; i++, day += 53) texts.push(formatDay(day), formatDay(day).replace(/-\d\d$/, '-31'), formatDay(day).replace(/-\d\d$/, '-29'));
    const wrong = texts.filter((t) => isValidIsoDate(t) !== exists(t));
    expect(wrong).toEqual([]);
    for (const t of texts.filter(exists)) expect(formatDay(parseDay(t))).toBe(t);
    expect(() => parseDay('2019-02-30')).toThrow(RangeError);
  });

  it('finds the first period starting on or after a day without building periods, for every pay frequency', () => {
    // Independent check: each day of three years, against the day-by-day search for the first
    // period start on or after it (periods enumerated with next()).
    for (const payFrequency of ['weekly', 'biweekly', 'semimonthly', 'monthly'] as const) {
      const periods = payFrequency === 'weekly' || payFrequency === 'biweekly' ? { payFrequency, firstPeriodStart: '2026-06-20' } : { payFrequency };
      const calendar = new PayCalendar(parse(monthlyScenario({ calendar: periods })).calendar);
      const starts: number[] = [];
      for (let p = calendar.periodContaining(parseDay('2025-12-01')); p.start < parseDay('2029-02-01'); p = calendar.next(p)) starts.push(p.start);
      const wrong: string[] = [];
      for (let day = parseDay('2026-01-01'); day <= parseDay('2028-12-31'); day++) {
        const expected = starts.find((s) => s >= day);
        if (calendar.startOnOrAfter(day) !== expected) wrong.push(`${payFrequency} ${formatDay(day)}`);
      }
      expect(wrong).toEqual([]);
    }
  });

  it('adds months clamping to the month end', () => {
    expect(formatDay(addMonths(parseDay('2027-01-31'), 1))).toBe('2027-02-28');
    expect(formatDay(addMonths(parseDay('2028-01-31'), 1))).toBe('2028-02-29');
    expect(formatDay(addMonths(parseDay('2026-08-31'), 6))).toBe('2027-02-28');
    expect(formatDay(addMonths(parseDay('2026-05-15'), -6))).toBe('2025-11-15');
  });

  it('semimonthly periods are the 1st–15th and the 16th–last day', () => {
    const cal = new PayCalendar(parse(monthlyScenario({ calendar: { payFrequency: 'semimonthly' } })).calendar);
    const p = cal.periodContaining(parseDay('2027-02-20'));
    expect([formatDay(p.start), formatDay(p.end)]).toEqual(['2027-02-16', '2027-02-28']);
    const r = cost(
      monthlyScenario({
        calendar: { payFrequency: 'semimonthly' },
        schedule: { rateBasis: 'annual', classes: [{ code: 'A', title: 'A', steps: ['60000.00'] }] },
      }),
    );
    expect(r.periodsByFiscalYear.FY2027).toBe(24);
    expect(r.baseline.FY2027!.wages).toBe('60000.00');
  });

  it('weekly years hold 52 or 53 periods; biweekly periods run back to back in both directions', () => {
    const r = cost(
      monthlyScenario({
        calendar: { payFrequency: 'weekly', firstPeriodStart: '2030-01-05', fiscalYearBy: 'periodEnd' },
        term: { start: '2026-07-01', end: '2029-06-30' },
        schedule: { rateBasis: 'hourly', classes: [{ code: 'A', title: 'A', steps: ['20.00'] }] },
      }),
    );
    const counts = Object.values(r.periodsByFiscalYear);
    expect(counts.every((c) => c === 52 || c === 53)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(157); // 1,096 days from 2026-07-04 (first Saturday end)
    const cal = new PayCalendar(parse(monthlyScenario({ calendar: { payFrequency: 'biweekly', firstPeriodStart: '2026-06-20' } })).calendar);
    expect(formatDay(cal.periodContaining(parseDay('2025-01-01')).start)).toBe('2024-12-21');
  });

  it('fiscalYearBy: a period ending in June and paid in July belongs to the new year by pay date', () => {
    const base = { payFrequency: 'biweekly' as const, firstPeriodStart: '2026-06-13', payLagDays: 6 };
    const byPay = cost(monthlyScenario({ calendar: { ...base, fiscalYearBy: 'payDate' }, term: { start: '2026-07-01', end: '2028-06-30' } }));
    const byEnd = cost(monthlyScenario({ calendar: { ...base, fiscalYearBy: 'periodEnd' }, term: { start: '2026-07-01', end: '2028-06-30' } }));
    // The period 2026-06-13 … 06-26 is paid 2026-07-02 (FY2027 by pay date, FY2026 by its end); the period
    // 2027-06-12 … 06-25 is paid 2027-07-01 (FY2028 by pay date, FY2027 by its end) — a 27-period FY2028.
    expect(byPay.periodsByFiscalYear).toEqual({ FY2027: 26, FY2028: 27 });
    expect(byEnd.periodsByFiscalYear).toEqual({ FY2027: 26, FY2028: 26 });
  });

  it('effectiveRule: a mid-period date starts with the next period, or with the period containing it', () => {
    const scenario = (effectiveRule: 'periodStart' | 'periodContaining') =>
      monthlyScenario({
        calendar: { payFrequency: 'biweekly', firstPeriodStart: '2026-07-04', fiscalYearBy: 'periodEnd', effectiveRule },
        schedule: { rateBasis: 'biweekly', classes: [{ code: 'A', title: 'A', steps: ['2000.00'] }] },
        provisions: [{ type: 'gwi', percent: '0.05', effective: '2026-07-10' }],
      });
    const start = cost(scenario('periodStart'));
    const containing = cost(scenario('periodContaining'));
    expect(start.periodsByFiscalYear.FY2027).toBe(26);
    // FY2027 by period end: 2026-06-20 … 2027-06-18 (26 periods). From the period starting 2026-07-18: 24;
    // from the period containing 2026-07-10 (starting 2026-07-04): 25.
    expect(increase(start, 'FY2027', 'wages')).toBe('2400.00');
    expect(increase(containing, 'FY2027', 'wages')).toBe('2500.00');
  });

  it('the effective rule applies to the dated entries of the assumptions too', () => {
    const scenario = (effectiveRule: 'periodStart' | 'periodContaining') =>
      monthlyScenario({
        calendar: { payFrequency: 'semimonthly', effectiveRule },
        rows: [{ healthTier: 'single' }],
        assumptions: {
          health: {
            single: [
              { from: '2020-01-01', monthly: '600.00' },
              { from: '2027-01-10', monthly: '720.00' },
            ],
          },
        },
      });
    // 24 periods; at 600 → 300.00 a period, at 720 → 360.00.
    expect(cost(scenario('periodStart')).baseline.FY2027!.health).toBe('7860.00'); // 13 × 300 + 11 × 360 (from Jan 16)
    expect(cost(scenario('periodContaining')).baseline.FY2027!.health).toBe('7920.00'); // 12 × 300 + 12 × 360
  });
});
