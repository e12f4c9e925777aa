import type { InputIssue } from '../../shared/issues.js';

/**
 * What went wrong, in the domain's words; server/http/errorHandler.ts maps each kind to an HTTP
 * status and the command line prints the message. Services throw these, never HTTP errors.
 */
export type DomainErrorKind =
  | 'invalid-input'
  | 'malformed-json'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'cannot-cost'
  | 'busy'
  | 'timed-out';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly issues?: InputIssue[],
    /** For 'busy': when trying again makes sense. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalidInput = (detail: string, issues: InputIssue[]) => new DomainError('invalid-input', detail, issues);
export const malformedJson = (detail: string) => new DomainError('malformed-json', detail, [{ path: 'body', message: 'not valid JSON' }]);
export const forbidden = (detail: string) => new DomainError('forbidden', detail);
export const notFound = (detail: string) => new DomainError('not-found', detail);
export const conflict = (detail: string) => new DomainError('conflict', detail);
export const preconditionFailed = (detail: string) => new DomainError('precondition-failed', detail);
export const preconditionRequired = (detail: string) => new DomainError('precondition-required', detail);
export const cannotCost = (detail: string, issues: InputIssue[]) => new DomainError('cannot-cost', detail, issues);
export const busy = (detail: string, retryAfterSeconds: number) => new DomainError('busy', detail, undefined, retryAfterSeconds);
export const timedOut = (detail: string) => new DomainError('timed-out', detail);
