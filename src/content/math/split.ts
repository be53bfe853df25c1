/** Where math is in a text: `$…$` and `$$…$$` spans by pandoc's rules. */

/** A piece of text: plain, or math between `$…$` (inline) or `$$…$$` (display). */
export type MathSegment = { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean };

/**
 * Splits text at math delimiters with pandoc's rules, so that prices are not math: `$` must be
 * followed by a non-space, the closing `$` preceded by a non-space and not followed by a digit
 * ("$5 and $10" stays text). `\$` is a literal dollar.
 */
export function splitMath(text: string): MathSegment[] {
  const segments: MathSegment[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\\' && text[i + 1] === '$') {
      plain += '\\$';
      i += 2;
      continue;
    }
    if (text[i] === '$') {
      const display = text[i + 1] === '$';
      const open = display ? 2 : 1;
      const close = findClose(text, i + open, display);
      if (close !== -1) {
        if (plain !== '') {
          segments.push({ kind: 'text', text: plain });
        }
        plain = '';
        segments.push({ kind: 'math', tex: text.slice(i + open, close), display });
        i = close + open;
        continue;
      }
    }
    plain += text[i];
    i++;
  }
  if (plain !== '') {
    segments.push({ kind: 'text', text: plain });
  }
  return segments;
}

function findClose(text: string, from: number, display: boolean): number {
  if (!display && /\s/.test(text[from] ?? ' ')) {
    return -1;
  }
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (display ? text.startsWith('$$', j) : text[j] === '$') {
      if (j === from) {
        return -1;
      }
      if (!display && (/\s/.test(text[j - 1] ?? '') || /\d/.test(text[j + 1] ?? ''))) {
        return -1;
      }
      return j;
    }
  }
  return -1;
}

/** True when `raw` (the source of a `$…$` span, delimiters included) satisfies the rules of `splitMath`. */
export function isMathSpan(raw: string, next: string): boolean {
  if (raw.startsWith('$$')) {
    return raw.length > 4;
  }
  const inner = raw.slice(1, -1);
  return inner !== '' && !/^\s|\s$/.test(inner) && !/\d/.test(next);
}
