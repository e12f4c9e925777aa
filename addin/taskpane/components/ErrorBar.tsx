import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export interface ErrorBarProps {
  error: Error | null;
  onDismiss: () => void;
}

/** Every failure — Excel's or the server's — in words, until the analyst dismisses it. */
export function ErrorBar({ error, onDismiss }: ErrorBarProps) {
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert" data-testid="error-bar" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Something went wrong</MessageBarTitle>
        {error.message}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
