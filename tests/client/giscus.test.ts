import { describe, expect, it } from 'vitest';
import { isStaleSessionError, widgetParams } from '../../src/client/giscus.ts';

describe('isStaleSessionError', () => {
  it("matches the errors giscus's client.js treats as a stale session, inside longer messages", () => {
    expect(isStaleSessionError('Bad credentials')).toBe(true);
    expect(isStaleSessionError('[giscus] An error occurred. Error message: "Invalid state value".')).toBe(true);
    expect(isStaleSessionError('State has expired')).toBe(true);
  });
  it('leaves other errors and non-strings alone', () => {
    expect(isStaleSessionError('Discussion not found')).toBe(false);
    expect(isStaleSessionError(undefined)).toBe(false);
    expect(isStaleSessionError({ message: 'Bad credentials' })).toBe(false);
  });
});

describe('widgetParams', () => {
  it('asks for strict matching of the term, as the votes sync counts it', () => {
    const params = widgetParams({ term: '2503.01234', repo: 'o/r' }, { origin: 'https://x/', description: '', session: '' });
    expect(params.get('strict')).toBe('1');
    expect(params.get('term')).toBe('2503.01234');
  });
});
