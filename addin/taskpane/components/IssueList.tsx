import { Button } from '@fluentui/react-components';
import type { WorkbookIssue } from '../../../shared/workbook/workbookIssues.js';

export interface IssueListProps {
  issues: readonly WorkbookIssue[];
  onSelect: (issue: WorkbookIssue) => void;
}

/** Each problem with its sheet, row and column; choosing one selects its cell. */
export function IssueList({ issues, onSelect }: IssueListProps) {
  return (
    <ol className="issues" data-testid="issue-list">
      {issues.map((issue, i) => (
        <li key={`${issue.cell}-${i}`}>
          <Button appearance="transparent" size="small" onClick={() => onSelect(issue)} title={`Select ${issue.cell}`}>
            {issue.sheet} row {issue.row}, column {issue.column} ({issue.header})
          </Button>
          <span>: {issue.message}</span>
        </li>
      ))}
    </ol>
  );
}
