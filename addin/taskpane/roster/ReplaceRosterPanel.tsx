import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Text, Textarea } from '@fluentui/react-components';
import type { WorkbookPort } from '../workbook/workbookPort.js';
import { ErrorBar } from '../components/ErrorBar.js';
import { useTask } from '../components/useTask.js';
import { matchRoster, parseExtractText, readExtractFile, rosterGridFor, type RosterMatch } from './rosterExtract.js';
import type { RosterSource } from './rosterSource.js';

export interface ReplaceRosterPanelProps {
  workbook: WorkbookPort;
  /** Today, "YYYY-MM-DD", the default extract date (injected so tests need no clock). */
  today: string;
  now: () => Date;
  onReplaced: (source: RosterSource) => void;
}

type Pending = { match: RosterMatch; from: 'clipboard' | 'file'; fileName?: string };

/**
 * Replace roster…: the payroll extract (pasted from Excel or a CSV, or a CSV/XLSX file) replaces
 * the whole Roster table — never pasted over the template, where leftover rows would be costed.
 * A preview says how many rows and which columns match before anything is written.
 */
export function ReplaceRosterPanel({ workbook, today, now, onReplaced }: ReplaceRosterPanelProps) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [extractDate, setExtractDate] = useState(today);
  const [pending, setPending] = useState<Pending | null>(null);
  const task = useTask();

  const preview = (from: Pending['from'], read: () => Promise<ReturnType<typeof parseExtractText>>, fileName?: string) =>
    task.run(async () => {
      setPending(null);
      const match = matchRoster(await read());
      setPending({ match, from, ...(fileName ? { fileName } : {}) });
    });

  const replace = () =>
    task.run(async () => {
      if (!pending) return;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(extractDate)) throw new Error('Give the extract date (the day payroll produced the extract).');
      const grid = rosterGridFor(pending.match, extractDate);
      const source: RosterSource = {
        kind: 'extract',
        from: pending.from,
        ...(pending.fileName ? { fileName: pending.fileName } : {}),
        at: now().toISOString(),
        extractDate,
        rows: pending.match.rows,
      };
      await workbook.replaceRoster(grid, source);
      setPending(null);
      setText('');
      setOpen(false);
      onReplaced(source);
    });

  if (!open) {
    return (
      <Button onClick={() => setOpen(true)} data-testid="replace-roster">
        Replace roster…
      </Button>
    );
  }
  const match = pending?.match;
  return (
    <section className="panel" aria-label="Replace roster">
      <ErrorBar error={task.error} onDismiss={task.clearError} title="Could not replace the roster" />
      <Field label="Paste the payroll extract (with its header row)" hint="Copy the block in Excel or a CSV file, then paste it here.">
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={4} name="roster-extract" />
      </Field>
      <div className="row">
        <Button
          onClick={() => void preview('clipboard', () => Promise.resolve().then(() => parseExtractText(text)))}
          disabled={task.busy || text.trim() === ''}
        >
          Preview pasted rows
        </Button>
        <Field label="…or choose a CSV or Excel file">
          <input
            type="file"
            accept=".csv,.txt,.tsv,.xlsx"
            aria-label="Extract file"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void preview('file', () => readExtractFile(file), file.name);
            }}
          />
        </Field>
      </div>
      <Field label="Extract date">
        <Input type="date" value={extractDate} onChange={(_, d) => setExtractDate(d.value)} name="extract-date" />
      </Field>
      {match ? (
        <MessageBar intent={match.missingRequired.length > 0 || match.problems.length > 0 ? 'warning' : 'info'} layout="multiline" data-testid="roster-preview">
          <MessageBarBody>
            <MessageBarTitle>
              {match.rows.toLocaleString('en-US')} row{match.rows === 1 ? '' : 's'} will replace the whole Roster
            </MessageBarTitle>
            <div>Columns matched: {match.matched.join(', ') || 'none'}.</div>
            {match.missing.length > 0 ? <div>Left empty: {match.missing.join(', ')}.</div> : null}
            {match.ignored.length > 0 ? <div>Not used: {match.ignored.join(', ')}.</div> : null}
            {match.missingRequired.length > 0 ? <div>The extract needs a {match.missingRequired.join(', ')} column.</div> : null}
            {match.problems.slice(0, 5).map((p) => (
              <div key={p}>{p}</div>
            ))}
            {match.problems.length > 5 ? <div>…and {match.problems.length - 5} more cells to fix.</div> : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className="row">
        <Button
          appearance="primary"
          onClick={() => void replace()}
          disabled={task.busy || !match || match.missingRequired.length > 0 || match.problems.length > 0}
        >
          {match ? `Replace the roster with ${match.rows.toLocaleString('en-US')} rows` : 'Replace the roster'}
        </Button>
        <Button onClick={() => setOpen(false)} disabled={task.busy}>
          Cancel
        </Button>
      </div>
      {!match ? <Text size={200}>Nothing changes until you confirm.</Text> : null}
    </section>
  );
}
