// The task pane's entry: waits for Office.js, then shows the pane (inside Excel) or how to install it.
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App } from './components/App.js';
import { NotInExcel } from './components/NotInExcel.js';
import { officeWorkbook } from './workbook/officeWorkbook.js';
import { PaneStyles } from './components/PaneStyles.js';
import { paneTheme } from './components/paneTheme.js';

function mount(inExcel: boolean): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  createRoot(container).render(
    <FluentProvider theme={paneTheme((globalThis as { Office?: Parameters<typeof paneTheme>[0] }).Office)}>
      <PaneStyles />
      {inExcel ? <App workbook={officeWorkbook} /> : <NotInExcel />}
    </FluentProvider>,
  );
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (!office || typeof office.onReady !== 'function') {
  // Office.js did not load at all (blocked, offline): still explain, rather than a blank pane.
  mount(false);
} else {
  office
    .onReady((info) => mount(info.host === office.HostType.Excel))
    .catch((error: unknown) => {
      // Office never got ready: say so on the page rather than leave it blank.
      const message = error instanceof Error ? error.message : String(error);
      document.body.textContent = `Bargaining Costing could not start: ${message}. Close the pane and open it again from the Home tab.`;
      throw error;
    });
}
