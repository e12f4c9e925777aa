import type { InputIssue } from '../../shared/issues.js';
import type { DomainError, DomainErrorKind } from '../services/domainErrors.js';

/** An error that leaves the server as `application/problem+json` (RFC 9457). */
export class HttpProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors: InputIssue[] | undefined;
  readonly slug: string;

  constructor(status: number, slug: string, title: string, detail: string, errors?: InputIssue[]) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.errors = errors;
  }

  toJSON(): ProblemDocument {
    return {
      type: `urn:bargaining-costing:problem:${this.slug}`,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: InputIssue[];
}

export const unauthenticated = (detail: string) => new HttpProblem(401, 'unauthenticated', 'Authentication required', detail);
export const unsupportedMediaType = (detail: string) => new HttpProblem(415, 'unsupported-media-type', 'Unsupported media type', detail);

/** Status, slug and title of each domain error kind (server/services/domainErrors.ts). */
export const DOMAIN_PROBLEMS: Record<DomainErrorKind, { status: number; title: string }> = {
  'invalid-input': { status: 400, title: 'Invalid input' },
  'malformed-json': { status: 400, title: 'Malformed JSON' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  'precondition-failed': { status: 412, title: 'Precondition failed' },
  'precondition-required': { status: 428, title: 'Precondition required' },
  'cannot-cost': { status: 422, title: 'The scenario cannot be costed' },
  busy: { status: 503, title: 'Server busy' },
  'timed-out': { status: 504, title: 'Timed out' },
};

export function problemOf(error: DomainError): HttpProblem {
  const { status, title } = DOMAIN_PROBLEMS[error.kind];
  return new HttpProblem(status, error.kind, title, error.message, error.issues);
}
