import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';

/**
 * Structured one-line JSON logs through Powertools for AWS Lambda's Logger (~23 KB of bundle,
 * measured in the README): level, message, timestamp, service, the Lambda request id, cold start,
 * and the X-Ray trace id when tracing is on. Callers pass only technical facts (ids, counts, error
 * names): names, NIPs, emails and request bodies are personal data and never go to the logs.
 *
 * `JALIN_QUIET=1` (tests, the local server) keeps errors only; on AWS the level comes from
 * POWERTOOLS_LOG_LEVEL (infra/lambda.ts sets INFO).
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'jalin',
  ...(process.env.JALIN_QUIET === '1' ? { logLevel: 'ERROR' as const } : {}),
});

type Level = 'info' | 'warn' | 'error';
type Facts = Record<string, string | number | boolean | undefined>;

export function log(level: Level, message: string, facts: Facts = {}): void {
  const safeFacts = Object.fromEntries(
    Object.entries(facts)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, typeof value === 'string' ? redact(value) : value]),
  );
  logger[level](message, safeFacts);
}

/**
 * A second line of defence for text we do not compose ourselves (error messages of libraries
 * may echo a key): emails and long digit runs such as NIPs are masked.
 */
export function redact(text: string): string {
  return text.replace(/[^\s@"'<>]+@[^\s@"'<>]+/g, '<email>').replace(/\d{8,}/g, '<digits>');
}

/** The parts of an API Gateway (payload 2.0) event a log line may carry: ids, never claims with personal data. */
interface RequestEvent {
  requestContext?: { requestId?: string; authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
}

/**
 * A middy middleware: every line logged during a request carries API Gateway's request id (the
 * one in the access log), the Lambda request id and cold start, and the caller's `sub` (an opaque
 * Cognito id, not a name, email or NIP). Keys of the previous request are dropped first; no
 * `after` step, so that the error mapper's line still carries them.
 */
export function requestLogging() {
  return {
    before: (request: { event: RequestEvent; context: Context }) => {
      logger.resetKeys();
      if (request.context?.awsRequestId) logger.addContext(request.context);
      const sub = request.event.requestContext?.authorizer?.jwt?.claims?.sub;
      logger.appendKeys({
        requestId: request.event.requestContext?.requestId,
        ...(typeof sub === 'string' ? { sub } : {}),
      });
    },
  };
}
