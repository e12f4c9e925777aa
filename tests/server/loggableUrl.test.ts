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

  it('redacts the common spellings of a secret parameter, after ; as after &', () => {
    expect(loggableUrl('/x?accessToken=abc&access_token[]=def&ACCESS-TOKEN=ghi')).toBe('/x?accessToken=REDACTED&access_token[]=REDACTED&ACCESS-TOKEN=REDACTED');
    expect(loggableUrl('/x?a=1;api_key=k1;apikey=k2&bearer=b&password=p')).toBe('/x?a=1;api_key=REDACTED;apikey=REDACTED&bearer=REDACTED&password=REDACTED');
    expect(loggableUrl('/x?access_token%5B%5D=abc')).toBe('/x?access_token%5B%5D=REDACTED');
    expect(loggableUrl('/x?keyword=budget&codes=PO')).toBe('/x?keyword=budget&codes=PO');
  });

  it('redacts an API token wherever it is: in the path, under any name, encoded', () => {
    const token = 'bct_Zm9vYmFyLWJhei1xdXV4_0123456789abcdefABCDEF-';
    expect(loggableUrl(`/api/v1/cost-models/${token}`)).toBe('/api/v1/cost-models/bct_REDACTED');
    expect(loggableUrl(`/x?x=${token}&asOf=2026-01-01`)).toBe('/x?x=bct_REDACTED&asOf=2026-01-01');
    expect(loggableUrl(`/x?q=${token.replace('_', '%5F')}`)).toBe('/x?q=bct_REDACTED');
    expect(loggableUrl(`/x?a=1;t=${token}`)).toBe('/x?a=1;t=bct_REDACTED');
    // After a percent-escape (a space, a quote, a slash), or with a letter escaped (issue: a reviewer's attack).
    expect(loggableUrl(`/x?h=Bearer%20${token}`)).toBe('/x?h=Bearer%20bct_REDACTED');
    expect(loggableUrl(`/x?x=%22${token}%22`)).toBe('/x?x=%22bct_REDACTED');
    expect(loggableUrl(`/api/v1/cost-models/x%2F${token}`)).toBe('/api/v1/cost-models/x%2Fbct_REDACTED');
    expect(loggableUrl(`/x?x=%62ct_${token.slice(4)}`)).toBe('/x?x=bct_REDACTED');
    expect(loggableUrl(`/x?x=%42%43%54%5f${token.slice(4)}`)).toBe('/x?x=bct_REDACTED');
    // Not a token: the prefix inside a longer word.
    expect(loggableUrl('/api/v1/units/abct_1/schedules/current')).toBe('/api/v1/units/abct_1/schedules/current');
  });
});
