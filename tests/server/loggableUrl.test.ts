// Request URLs in the access log: secret query values redacted, other URLs logged as they came.
import { describe, expect, it } from 'vitest';
import { loggableUrl } from '../../server/logger.js';

describe('loggableUrl', () => {
  it('logs a URL whose query names no secret as it came (a schedule pull)', () => {
    expect(loggableUrl('/api/v1/units/A/schedules/current?asOf=2026-01-01')).toBe('/api/v1/units/A/schedules/current?asOf=2026-01-01');
    expect(loggableUrl('/api/v1/me')).toBe('/api/v1/me');
  });

  it('redacts secret values, whatever the case or encoding of their names', () => {
    expect(loggableUrl('/x?Access_Token=abc&view=full')).toBe('/x?Access_Token=REDACTED&view=full');
    expect(loggableUrl('/x?%74oken=abc')).toBe('/x?token=REDACTED');
    expect(loggableUrl('/x?a=1&CODE=s3cr3t')).toBe('/x?a=1&CODE=REDACTED');
    expect(loggableUrl('/x?a=%20b')).toBe('/x?a=%20b');
  });
});
