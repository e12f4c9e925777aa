import { excelStep } from './officeError.js';

/**
 * Shows a sheet and selects a cell or range on it — what the pane's Validate list does when the
 * analyst picks a problem. One sync. A missing sheet or bad address is an error in words.
 */
export async function selectCell(context: Excel.RequestContext, sheetName: string, address: string): Promise<void> {
  await excelStep(`select ${address} on "${sheetName}"`, async () => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(address).select();
    await context.sync();
  });
}
