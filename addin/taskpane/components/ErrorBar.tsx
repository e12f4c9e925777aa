import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export interface ErrorBarProps {
  error: Error | null;
  onDismiss: () => void;
  /** What failed, in the analyst's words: "Could not write the Costing sheet". */
  title?: string;
}

/**
 * "Could not write the Costing sheet: the sheet is protected…" → title "Could not write the
 * Costing sheet", body the reason. Messages in another shape keep the title given (or a plain one).
 */
export function splitError(error: Error, title: string | undefined): { title: string; detail: string } {
  const match = /^(Could not [^:]{3,120}): (.+)$/s.exec(error.message);
  if (match) return { title: title ?? match[1]!, detail: match[2]! };
  return { title: title ?? 'That did not work', detail: error.message };
}

/** Every failure — Excel's or the server's — in words, until the analyst dismisses it. */
export function ErrorBar({ error, onDismiss, title }: ErrorBarProps) {
  if (!error) return null;
  const shown = splitError(error, title);
  return (
    <MessageBar intent="error" role="alert" data-testid="error-bar" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{shown.title}</MessageBarTitle>
        {shown.detail}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
