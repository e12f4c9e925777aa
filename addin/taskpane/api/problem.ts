/** `application/problem+json` (RFC 9457) as docs/API.md sends it. */
export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

/** A failed API call, its message written for the analyst. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly problem: ProblemDocument | null,
  ) {
    super(message);
  }
}

const statusWords: Record<number, string> = {
  400: 'the server did not accept what was sent',
  401: 'the server did not accept the token; check it or ask an administrator for a new one',
  403: 'your role or units do not allow this',
  404: 'the server has no such item (or it is outside your units)',
  409: "this conflicts with the item's current state",
  412: 'someone else changed this item since you opened it; reload it and try again',
  413: 'the request is too large for the server',
  415: 'the server does not accept this kind of content',
  422: 'the scenario cannot be costed',
  428: "the server needs the item's version (reload it and try again)",
  429: 'too many requests; wait a moment and try again',
  500: 'the server had an internal error',
  502: 'the server could not be reached through the network gateway',
  503: 'the server is not available right now',
};

/** Words for a problem document: "<doing> failed: <detail>" plus each field error. */
export function describeProblem(doing: string, status: number, problem: ProblemDocument | null): string {
  const reason = problem?.detail || problem?.title || statusWords[status] || `the server answered ${status}`;
  const fieldErrors = (problem?.errors ?? []).map((e) => `${e.path}: ${e.message}`);
  const base = `Could not ${doing}: ${reason}${/[.!?]$/.test(reason) ? '' : '.'}`;
  return fieldErrors.length > 0 ? `${base} ${fieldErrors.join('; ')}` : base;
}

/** Reads a problem+json body when there is one; any other body is not a problem document. */
export async function readProblem(response: Response): Promise<ProblemDocument | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!/json/i.test(type)) return null;
  const body: unknown = await response.json();
  return typeof body === 'object' && body !== null ? body : null;
}
