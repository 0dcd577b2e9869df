import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../../src/main/logger';

describe('logger redaction', () => {
  it('never writes values stored under secret-looking keys', () => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line)).info('auth.done', {
      tenant: 'contoso.onmicrosoft.com',
      accessToken: 'abc',
      nested: { client_secret: 's3cr3t', refresh_token: 'rt' },
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('contoso.onmicrosoft.com');
    expect(lines[0]).not.toMatch(/abc|s3cr3t|"rt"/);
  });

  it('masks anything shaped like a JWT even inside free text', () => {
    expect(redact('Bearer eyJhbGciOi.eyJzdWIiOiIx.sig-part failed')).toBe('Bearer [redacted-jwt] failed');
  });
});
