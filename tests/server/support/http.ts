export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** A tiny client over real HTTP (fetch). */
export function client(baseUrl: string, token?: string) {
  return async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const h: Record<string, string> = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    let payload: string | Buffer | undefined;
    if (body !== undefined) {
      if (typeof body === 'string' || Buffer.isBuffer(body)) payload = body;
      else {
        payload = JSON.stringify(body);
        h['content-type'] ??= 'application/json';
      }
    }
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: h,
      ...(payload !== undefined ? { body: typeof payload === 'string' ? payload : new Uint8Array(payload) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    const type = response.headers.get('content-type') ?? '';
    if (text && type.includes('json')) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed, text };
  };
}
