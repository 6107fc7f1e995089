import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, redact } from '../../shared/log.ts';

afterEach(() => vi.restoreAllMocks());

describe('logs keep personal data out', () => {
  it('masks emails and NIP-like digit runs', () => {
    expect(redact('key EMPLOYEE#198609262015051001 of budi.santoso@jakarta.go.id')).toBe('key EMPLOYEE#<digits> of <email>');
  });

  it('applies the mask to every fact', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    log('error', 'request failed', { reason: 'conditional failed for 199009132025242014' });
    expect(spy.mock.calls[0]?.[0]).not.toContain('199009132025242014');
  });
});
