/*
 * Ribbon commands. The ribbon's one button opens the task pane (ShowTaskpane in manifest.xml)
 * and needs no code; this bundle is the FunctionFile of the shared runtime and tells Office the
 * runtime is ready. Office.js is loaded by a script tag; outside Office there is nothing to do.
 */
const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === 'function') {
  void office.onReady().catch((error: unknown) => {
    console.error('Bargaining Costing: Office did not get ready:', error);
  });
}
