import { excelApiSupported } from './apiSupport.js';
import { describeOfficeError } from './officeError.js';

/**
 * Runs a large write with Excel's calculation mode set to manual, then restores the mode the
 * workbook had. Costs two syncs (read the mode, restore it) around the write. Where the running
 * Excel cannot set the mode (before ExcelApi 1.8) the write runs as is.
 */
export async function withManualCalculation<T>(context: Excel.RequestContext, doing: string, write: () => Promise<T>): Promise<T> {
  if (!excelApiSupported('1.8')) return write();
  const application = context.workbook.application;
  let previous: Excel.CalculationMode | 'Automatic' | 'AutomaticExceptTables' | 'Manual';
  try {
    application.load('calculationMode');
    await context.sync();
    previous = application.calculationMode;
    if (typeof previous !== 'string' || !['Automatic', 'AutomaticExceptTables', 'Manual'].includes(previous)) {
      throw new Error(`Excel reported an unexpected calculation mode "${String(previous)}"`);
    }
    application.calculationMode = 'Manual';
  } catch (error) {
    throw describeOfficeError(error, `switch calculation to manual to ${doing}`);
  }
  let result: T;
  try {
    result = await write();
  } catch (writeError) {
    try {
      application.calculationMode = previous;
      await context.sync();
    } catch (restoreError) {
      const restore = describeOfficeError(restoreError, `restore the calculation mode (${previous})`);
      const cause = writeError instanceof Error ? writeError : new Error(String(writeError));
      // eslint-disable-next-line preserve-caught-error -- the write failure is the cause; the restore failure is told in the message
      throw new Error(`${cause.message}; and then ${restore.message[0]!.toLowerCase()}${restore.message.slice(1)}`, { cause: writeError });
    }
    throw writeError;
  }
  try {
    application.calculationMode = previous;
    await context.sync();
  } catch (error) {
    throw describeOfficeError(error, `restore the calculation mode (${previous}) after you ${doing}`);
  }
  return result;
}

/** Asks Excel not to recalculate or repaint until the next sync: call once before each chunk's sync. */
export function suspendUntilNextSync(context: Excel.RequestContext): void {
  if (excelApiSupported('1.6')) context.workbook.application.suspendApiCalculationUntilNextSync();
  if (excelApiSupported('1.9')) context.workbook.application.suspendScreenUpdatingUntilNextSync();
}
