/** Which links the site keeps: http(s) only. */

/** True for an absolute, parseable http: or https: URL without whitespace. */
export function isHttpUrl(value: string): boolean {
  if (/\s/.test(value)) {
    return false;
  }
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
