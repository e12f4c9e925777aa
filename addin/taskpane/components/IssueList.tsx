import { Button, Text } from '@fluentui/react-components';
import type { WorkbookIssue } from '../../../shared/workbook/workbookIssues.js';

export interface IssueListProps {
  issues: readonly WorkbookIssue[];
  onSelect: (issue: WorkbookIssue) => void;
}

/** More than this and the list says how many more (a wrong extract can give thousands). */
export const ISSUES_SHOWN = 200;

/** Each problem with its sheet, row and column; choosing one selects its cell. */
export function IssueList({ issues, onSelect }: IssueListProps) {
  const shown = issues.slice(0, ISSUES_SHOWN);
  return (
    <>
      <ol className="issues" data-testid="issue-list">
        {shown.map((issue, i) => (
          <li key={`${issue.cell}-${i}`}>
            <Button appearance="transparent" size="small" onClick={() => onSelect(issue)} title={`Select ${issue.cell}`}>
              {issue.sheet} row {issue.row}, column {issue.column} ({issue.header})
            </Button>
            <span>: {issue.message}</span>
          </li>
        ))}
      </ol>
      {issues.length > shown.length ? (
        <Text data-testid="more-issues">
          …and {(issues.length - shown.length).toLocaleString('en-US')} more. Fix these (is the extract for the right unit?) and validate again.
        </Text>
      ) : null}
    </>
  );
}
