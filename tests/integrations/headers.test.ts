import { describe, expect, it } from 'vitest';
import { withPolicy } from '../../src/integrations/headers.ts';

describe('withPolicy', () => {
  it('sets every Content-Security-Policy value and keeps every other line', () => {
    const file = "# Content-Security-Policy: a comment\n/*\n  Content-Security-Policy: default-src 'self'\n  X-Frame-Options: DENY\n";
    expect(withPolicy(file, "default-src 'none'")).toBe(
      "# Content-Security-Policy: a comment\n/*\n  Content-Security-Policy: default-src 'none'\n  X-Frame-Options: DENY\n",
    );
  });
  it('reports a file without a policy line', () => {
    expect(withPolicy('/*\n  X-Frame-Options: DENY\n', 'x')).toBeUndefined();
  });
});
