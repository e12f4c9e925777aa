/** Plain words for the Office.js error codes an analyst can meet. */
const plainReasons: Record<string, string> = {
  ItemNotFound: 'a sheet, table or name it needs is not in this workbook (was it renamed or deleted?)',
  ItemAlreadyExists: 'something with that name already exists in this workbook',
  InvalidArgument: 'Excel rejected the data it was given (a wrong size or an invalid value)',
  InvalidReference: 'a cell reference is not valid',
  InvalidOperation: 'Excel does not allow that operation here',
  InvalidOperationInCellEditMode: 'a cell is being edited; press Enter or Esc in the sheet and try again',
  RequestPayloadSizeLimitExceeded: 'the data is too large for one request to Excel',
  ResponsePayloadSizeLimitExceeded: 'the data read back is too large for one response from Excel',
  AccessDenied: 'the sheet or workbook is protected or read-only',
  ApiNotFound: 'this version of Excel does not support a feature the add-in needs; update Office',
  NotImplemented: 'this version of Excel does not support a feature the add-in needs; update Office',
  InsertDeleteConflict: 'the change would move cells of a table, merged cells or an array formula',
  Conflict: 'another change is in the way (for example a table overlapping the range)',
  GeneralException: 'Excel reported an internal error',
  RequestAborted: 'the request was interrupted (the workbook may have been closed)',
  Unauthenticated: 'Excel could not authenticate the request',
  ActivityLimitReached: 'Excel is busy with too many requests; try again in a moment',
  UnsupportedOperation: 'Excel does not support that operation',
  FilteredRangeConflict: 'a filter in the sheet is in the way; clear the filter and try again',
};

interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown; message?: unknown };
}

/**
 * Turns anything Office.js throws into an Error whose message says, in words, what the add-in
 * was doing and why Excel refused. The original error is kept as `cause`.
 */
export function describeOfficeError(error: unknown, doing: string): Error {
  if (error instanceof ExcelStepError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as OfficeErrorLike;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const raw = typeof e.message === 'string' && e.message ? e.message : typeof error === 'string' ? error : '';
  const reason = code && plainReasons[code] ? plainReasons[code] : raw || (code ? `Excel reported ${code}` : `Excel gave no reason (${String(error)})`);
  const location = typeof e.debugInfo?.errorLocation === 'string' && e.debugInfo.errorLocation ? ` (at ${e.debugInfo.errorLocation})` : '';
  const detail = reason !== raw && raw ? ` — Excel said: ${raw}` : '';
  return new ExcelStepError(`Could not ${doing}: ${reason}${detail}${location}`, code, error);
}

/** An Office failure with its plain-words message, the Office error code and the original error. */
export class ExcelStepError extends Error {
  override readonly name = 'ExcelStepError';
  constructor(
    message: string,
    readonly code: string | undefined,
    cause: unknown,
  ) {
    super(message, { cause });
  }
}

/** Runs one step against Excel; any failure leaves as an ExcelStepError naming the step. */
export async function excelStep<T>(doing: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw describeOfficeError(error, doing);
  }
}
