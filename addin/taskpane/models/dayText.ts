/** "Nov 23, 2026" in the reader's own time zone, never a raw UTC stamp. */
export function dayText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(date);
}
