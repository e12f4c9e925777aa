/** Where the Roster sheet's rows came from, kept in the workbook's settings so the pane can always say. */
export type RosterSource =
  | { kind: 'server'; unitId: string; extractDate: string; rows: number }
  | { kind: 'extract'; from: 'clipboard' | 'file'; fileName?: string; at: string; extractDate: string; rows: number };

export function isRosterSource(value: unknown): value is RosterSource {
  const v = value as Partial<RosterSource> | null;
  return (
    typeof v === 'object' && v !== null && (v.kind === 'server' || v.kind === 'extract') && typeof v.rows === 'number' && typeof v.extractDate === 'string'
  );
}

const when = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });
const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** "the server's roster of Jun 30, 2026" · "the extract pasted Dec 1, 2026, 5:20 AM" · "payroll.xlsx, loaded …". */
export function describeRosterSource(source: RosterSource): string {
  const extract = day.format(new Date(`${source.extractDate}T00:00:00Z`));
  if (source.kind === 'server') return `the server's roster of ${extract} for ${source.unitId}`;
  const at = when.format(new Date(source.at));
  return source.from === 'file'
    ? `${source.fileName ?? 'the extract file'}, loaded ${at} (extract of ${extract})`
    : `the extract pasted ${at} (extract of ${extract})`;
}
