/** A JSON call to the local API, timed; never throws for an HTTP status (the caller judges it). */
export interface ApiAnswer {
  status: number;
  body: any;
  milliseconds: number;
}

export interface ApiCall {
  method: string;
  path: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Status 0 stands for no answer (connection error or timeout); `body` then holds the reason. */
export async function callApi(baseUrl: string, call: ApiCall, timeoutMs = 30_000): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.body !== undefined) headers['content-type'] ??= 'application/json';
  const start = performance.now();
  try {
    const response = await fetch(`${baseUrl}${call.path}`, {
      method: call.method,
      headers,
      ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const body: unknown = /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text;
    return { status: response.status, body, milliseconds: performance.now() - start };
  } catch (error) {
    return { status: 0, body: (error as Error).message, milliseconds: performance.now() - start };
  }
}
