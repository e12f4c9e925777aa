import type { InputIssue } from '../../shared/issues.js';

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

export const invalidInput = (detail: string, errors: InputIssue[]) => new HttpProblem(400, 'invalid-input', 'Invalid input', detail, errors);
export const unauthenticated = (detail: string) => new HttpProblem(401, 'unauthenticated', 'Authentication required', detail);
export const forbidden = (detail: string) => new HttpProblem(403, 'forbidden', 'Forbidden', detail);
export const notFound = (detail: string) => new HttpProblem(404, 'not-found', 'Not found', detail);
export const conflict = (detail: string) => new HttpProblem(409, 'conflict', 'Conflict', detail);
export const preconditionFailed = (detail: string) => new HttpProblem(412, 'precondition-failed', 'Precondition failed', detail);
export const preconditionRequired = (detail: string) => new HttpProblem(428, 'precondition-required', 'Precondition required', detail);
export const unsupportedMediaType = (detail: string) => new HttpProblem(415, 'unsupported-media-type', 'Unsupported media type', detail);
export const unprocessable = (detail: string, errors: InputIssue[]) => new HttpProblem(422, 'cannot-cost', 'The scenario cannot be costed', detail, errors);
