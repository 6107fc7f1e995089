import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createServer, maxHeaderSize, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { apiFunctionEntry, apiFunctionOf } from '../../shared/http/layout.ts';
import { matchRoute } from '../../shared/http/match.ts';
import { problemResponse } from '../../shared/http/problem.ts';
import { preferredLanguage } from '../../shared/i18n/language.ts';
import { redact } from '../../shared/log.ts';
import { apiGatewayEvent } from './api-gateway-event.ts';
import { serveConsole } from './console.ts';
import { serveFile, settleFileConsumers } from './files.ts';
import { lambdaContext, loadHandler } from './functions.ts';
import { verifyToken } from './tokens.ts';

type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** API Gateway's own payload limit: larger requests never reach a function. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1_048_576;

/**
 * On AWS each request gets a Lambda instance of its own; here they share one process and one
 * DynamoDB Local. Capping the invocations in flight (as reserved concurrency would) keeps a
 * burst of hundreds of requests from timing out on the engine's connection queue.
 */
const MAX_IN_FLIGHT = 24;
let inFlight = 0;
const waiting: (() => void)[] = [];

async function withConcurrencyLimit<T>(run: () => Promise<T>): Promise<T> {
  if (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
  inFlight += 1;
  try {
    return await run();
  } finally {
    inFlight -= 1;
    waiting.shift()?.();
  }
}

const NO_BODY = Buffer.alloc(0);

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  // Without Content-Length or Transfer-Encoding a request has no body (RFC 9112 §6.3): skip the
  // stream's async iterator, a dozen promises and listeners on every GET. Node discards the
  // (empty) request stream itself when the response ends.
  if (request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined) return NO_BODY;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > GATEWAY_MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The caller's language for the problems the gateway answers itself (the functions read the same header). */
function languageOf(request: IncomingMessage) {
  return preferredLanguage(request.headers['accept-language']);
}

function send(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const body = result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  response.end(body);
}

/**
 * Plays API Gateway for the functions: routes by the shared route table, verifies the bearer
 * token for protected routes (the JWT authorizer's job on AWS), builds the v2 event and invokes
 * the function that serves the route. Unknown routes go to the public function, API Gateway's `$default` on AWS too.
 */
async function serve(request: IncomingMessage, response: ServerResponse, consoleDist?: string): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = request.method ?? 'GET';
  // Presigned file URLs stream past the gateway's body limit, as S3's do.
  if (url.pathname.startsWith('/files/')) return serveFile(request, response, url);
  // The console reaches the API under /api (same origin, as CloudFront routes it); curl keeps the root paths.
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) url.pathname = url.pathname.slice(4) || '/';
  else if (consoleDist && (await serveConsole(request, response, url.pathname, consoleDist))) return;
  const body = await readBody(request);
  if (!body) {
    send(response, problemResponse(413, { code: 'GATEWAY_BODY_OVER_LIMIT', params: { limit: GATEWAY_MAX_BODY_BYTES } }, { instance: url.pathname, language: languageOf(request) }));
    request.resume();
    return;
  }
  const match = matchRoute(method, url.pathname);
  if (match.kind !== 'route') {
    const event = apiGatewayEvent({ method, url, headers: request.headers, body, routeKey: '$default' });
    const publicFunction = await loadHandler<LambdaHandler>(apiFunctionEntry('public'));
    send(response, await publicFunction(event, lambdaContext('public', event.requestContext.requestId)));
    return;
  }
  const claims = match.route.access === 'public' ? undefined : await verifyToken(request.headers.authorization);
  if (match.route.access !== 'public' && !claims) {
    send(response, problemResponse(401, { code: 'LOCAL_TOKEN_REJECTED' }, { instance: url.pathname, headers: { 'www-authenticate': 'Bearer' }, language: languageOf(request) }));
    return;
  }
  const routeKey = `${match.route.method} ${match.route.path}`;
  const event = apiGatewayEvent({ method, url, headers: request.headers, body, routeKey, pathParameters: match.params, ...(claims ? { claims } : {}), sourceIp: request.socket.remoteAddress });
  // The function CDK deploys for the route (shared/http/layout.ts), dispatching on routeKey as on AWS.
  const name = apiFunctionOf(match.route);
  const handler = await loadHandler<LambdaHandler>(apiFunctionEntry(name));
  send(response, await withConcurrencyLimit(() => handler(event, lambdaContext(name, event.requestContext.requestId))));
}

/**
 * What Node's HTTP parser refuses before any handler runs: a URL and headers over
 * `maxHeaderSize` (16 KB) is a 431, anything else unreadable a 400. Node would answer with an
 * empty body; like API Gateway's own limits, these answer problem+json as every other error.
 */
function refuseUnparsable(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  // The request could not be read, so neither could its Accept-Language: English.
  const detail = status === 431 ? { code: 'HEADERS_OVER_LIMIT' as const, params: { limit: maxHeaderSize } } : { code: 'REQUEST_UNREADABLE' as const };
  const { body = '', headers } = problemResponse(status, detail);
  const head = Object.entries({ ...headers, 'content-length': Buffer.byteLength(body), connection: 'close' }).map(([name, value]) => `${name}: ${value}`);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head.join('\r\n')}\r\n\r\n${body}`);
}

export interface RunningServer {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

/** `console`: the folder of the built console to serve next to the API (npm start), none in API tests. */
export async function startServer(options: { port?: number; host?: string; console?: string } = {}): Promise<RunningServer> {
  const server = createServer((request, response) => {
    serve(request, response, options.console).catch((error: unknown) => {
      console.error(JSON.stringify({ level: 'error', message: 'local server failure', error: (error as Error).name, reason: redact((error as Error).message) }));
      if (!response.headersSent) send(response, problemResponse(500, { code: 'LOCAL_INVOKE_FAILED' }, { language: languageOf(request) }));
      else response.end();
    });
  });
  server.on('clientError', refuseUnparsable);
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as { port: number };
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  // Upload and download links of the local file store point here.
  process.env.LOCAL_FILES_URL = `${host === '0.0.0.0' ? 'http://localhost' : `http://${host}`}:${port}/files`;
  return {
    url,
    server,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await settleFileConsumers();
    },
  };
}
