import { describeOfficeError, excelStep } from './officeError.js';

/** Excel's own rule for sheet names. */
export function checkSheetName(name: string): void {
  if (name.length < 1 || name.length > 31) throw new Error(`sheet name "${name}" must be 1 to 31 characters long`);
  if (/[\\/?*[\]:]/.test(name)) throw new Error(`sheet name "${name}" cannot contain any of \\ / ? * [ ] :`);
  if (name.startsWith("'") || name.endsWith("'")) throw new Error(`sheet name "${name}" cannot start or end with an apostrophe`);
}

/** The sheet with this name, added (at the end) when the workbook has none. One sync. */
export async function getOrAddSheet(context: Excel.RequestContext, name: string): Promise<Excel.Worksheet> {
  checkSheetName(name);
  return excelStep(`open or add the sheet "${name}"`, async () => {
    const existing = context.workbook.worksheets.getItemOrNullObject(name);
    existing.load('isNullObject');
    await context.sync();
    return existing.isNullObject ? context.workbook.worksheets.add(name) : existing;
  });
}

/** Which of these sheet names exist in the workbook. One sync. */
export async function existingSheets(context: Excel.RequestContext, names: readonly string[]): Promise<Set<string>> {
  return excelStep("look for the add-in's sheets", async () => {
    const probes = names.map((name) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load('isNullObject');
      return { name, sheet };
    });
    await context.sync();
    return new Set(probes.filter((p) => !p.sheet.isNullObject).map((p) => p.name));
  });
}

/** Clears a sheet's cells, formats and charts, leaving the sheet (and references to it) in place. One sync. */
export async function clearSheet(context: Excel.RequestContext, sheet: Excel.Worksheet, name: string): Promise<void> {
  await excelStep(`clear the sheet "${name}"`, async () => {
    sheet.charts.load('items/name');
    sheet.getRange().clear('All');
    await context.sync();
    sheet.charts.items.forEach((chart) => chart.delete());
  });
}

/** Shows a sheet. One sync. */
export async function activateSheet(context: Excel.RequestContext, name: string): Promise<void> {
  await excelStep(`show the sheet "${name}"`, async () => {
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
  });
}

/**
 * Protects sheets so their cells cannot be edited (used for an approved cost model opened into
 * the workbook): selection, sorting, filtering and column widths stay allowed. Sheets already
 * protected are left as they are. Two syncs.
 */
export async function protectSheets(context: Excel.RequestContext, names: readonly string[], password?: string): Promise<void> {
  const sheets = names.map((name) => ({ name, sheet: context.workbook.worksheets.getItem(name) }));
  try {
    sheets.forEach(({ sheet }) => sheet.protection.load('protected'));
    await context.sync();
    for (const { sheet } of sheets) {
      if (sheet.protection.protected) continue;
      sheet.protection.protect({ allowFormatColumns: true, allowSort: true, allowAutoFilter: true, selectionMode: 'Normal' }, password);
    }
    await context.sync();
  } catch (error) {
    throw describeOfficeError(error, `protect the sheet${names.length === 1 ? '' : 's'} ${names.map((n) => `"${n}"`).join(', ')}`);
  }
}
