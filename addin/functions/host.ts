import { LookupError } from './lookupError.js';

type Associate = (id: string, fn: (...args: never[]) => unknown) => void;

/**
 * Excel's CustomFunctions object, or — when the page is opened outside Excel (a plain browser,
 * the browser tests) — a stand-in whose `associate` does nothing, so loading the functions
 * bundle never breaks the page.
 */
export function customFunctionsHost(): { associate: Associate } {
  const host = (globalThis as { CustomFunctions?: { associate?: Associate } }).CustomFunctions;
  return host && typeof host.associate === 'function' ? (host as { associate: Associate }) : { associate: () => undefined };
}

/** The error a custom function throws so its cell shows #VALUE! or #N/A with the message as the tooltip. */
/** The part of Excel's CustomFunctions runtime used here (its typings package is not needed for two members). */
interface CustomFunctionsErrors {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string; notAvailable: string };
}

export function cellError(error: unknown): Error {
  const host = (globalThis as { CustomFunctions?: Partial<CustomFunctionsErrors> }).CustomFunctions;
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 255);
  if (!host || typeof host.Error !== 'function' || !host.ErrorCode) return error instanceof Error ? error : new Error(message);
  const code = error instanceof LookupError && error.kind === 'notAvailable' ? host.ErrorCode.notAvailable : host.ErrorCode.invalidValue;
  return new host.Error(code, message);
}
