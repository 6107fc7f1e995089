import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, redact, requestLogging } from '../../shared/log.ts';

afterEach(() => vi.restoreAllMocks());

/** What the logger writes to stderr (errors), one parsed JSON line per call. */
function capturedErrorLines(): () => Record<string, unknown>[] {
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return () => spy.mock.calls.map(([chunk]) => JSON.parse(String(chunk)) as Record<string, unknown>);
}

describe('logs keep personal data out', () => {
  it('masks emails and NIP-like digit runs', () => {
    expect(redact('key EMPLOYEE#198609262015051001 of budi.santoso@jakarta.go.id')).toBe('key EMPLOYEE#<digits> of <email>');
  });

  it('applies the mask to every fact', () => {
    const lines = capturedErrorLines();
    log('error', 'request failed', { reason: 'conditional failed for 199009132025242014' });
    expect(JSON.stringify(lines())).not.toContain('199009132025242014');
    expect(lines()[0]).toMatchObject({ level: 'ERROR', message: 'request failed', service: 'jalin' });
  });
});

describe('request logging', () => {
  const context = { awsRequestId: 'lambda-req-1', functionName: 'jalin-getEmployee', functionVersion: '$LATEST', invokedFunctionArn: 'arn', memoryLimitInMB: '512' } as Context;
  const event = (requestId: string, claims?: Record<string, unknown>) => ({
    requestContext: { requestId, ...(claims ? { authorizer: { jwt: { claims } } } : {}) },
  });

  it('stamps every line with the API request id, the Lambda request id and the caller\'s sub, never the NIP', () => {
    const lines = capturedErrorLines();
    requestLogging().before({ event: event('api-req-1', { sub: 'cafe-0001', 'custom:nip': '198609262015051001', email: 'budi@jakarta.go.id' }), context });
    log('error', 'request failed', { error: 'Boom' });
    const [line] = lines();
    expect(line).toMatchObject({ requestId: 'api-req-1', sub: 'cafe-0001', function_request_id: 'lambda-req-1', error: 'Boom' });
    expect(JSON.stringify(line)).not.toMatch(/198609262015051001|budi@/);
  });

  it('drops the previous request\'s keys (a warm function serves many callers)', () => {
    const lines = capturedErrorLines();
    requestLogging().before({ event: event('api-req-1', { sub: 'cafe-0001' }), context });
    requestLogging().before({ event: event('api-req-2'), context });
    log('error', 'request failed');
    expect(lines()[0]).toMatchObject({ requestId: 'api-req-2' });
    expect(lines()[0]).not.toHaveProperty('sub');
  });
});
