/**
 * The "Submit a paper" issue form (.github/ISSUE_TEMPLATE/submit-paper.yml) read back from the
 * issue's body, as GitHub writes it: a `### Label` heading per field, then the answer, or
 * `_No response_`. Everything here is a stranger's text: it is parsed and checked as data, each
 * value bounded and matched against what the field may hold, and quoted back only as inline code.
 */

import { MAX_TAG_LENGTH, MAX_TAGS, TAG } from '../../../src/content/paper-schema.ts';
import { parseArxivRef } from '../../../src/lib/arxiv-id.ts';
import { isHttpUrl } from '../../../src/lib/http-url.ts';

/** The form's field labels, as the template names them (the body's headings). */
export const FORM_LABELS = { arxiv: 'arXiv id or URL', tags: 'Tags', code: 'Code link' } as const;

/** A submission that may be scaffolded: each value checked. */
export interface Submission {
  /** The arXiv id, without version. */
  arxiv: string;
  tags: string[];
  code?: string;
}

/** The longest answer read from one field; a longer one is refused, not cut. */
export const MAX_ANSWER_LENGTH = 500;

/** The form's answers by label. Headings GitHub did not write (`####`, text before the first) are part of an answer. */
export function parseIssueForm(body: string): Map<string, string> {
  const answers = new Map<string, string>();
  let label: string | undefined;
  let lines: string[] = [];
  const close = () => {
    if (label === undefined) {
      return;
    }
    const value = lines.join('\n').trim();
    if (!answers.has(label)) {
      answers.set(label, value === '_No response_' ? '' : value);
    }
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^### (.+?)\s*$/.exec(line);
    if (heading !== null) {
      close();
      label = heading[1] ?? '';
      lines = [];
    } else {
      lines.push(line);
    }
  }
  close();
  return answers;
}

/** The submission in a form's answers, or every reason it cannot be one. */
export function readSubmission(answers: Map<string, string>): Submission | { problems: string[] } {
  const problems: string[] = [];
  const answer = (label: string) => {
    const value = answers.get(label) ?? '';
    if (value.length > MAX_ANSWER_LENGTH) {
      problems.push(`"${label}" is ${value.length} characters long; the form takes at most ${MAX_ANSWER_LENGTH}`);
      return undefined;
    }
    return value;
  };
  const arxivText = answer(FORM_LABELS.arxiv);
  const ref = arxivText === undefined || arxivText === '' ? undefined : parseArxivRef(arxivText);
  if (arxivText === '') {
    problems.push(`"${FORM_LABELS.arxiv}" is empty: give an arXiv id such as 2503.01234, or its arxiv.org URL`);
  } else if (arxivText !== undefined && ref === undefined) {
    problems.push(`${quote(arxivText)} is not an arXiv id or arxiv.org URL (such as 2503.01234 or https://arxiv.org/abs/2503.01234)`);
  }
  const tagsText = answer(FORM_LABELS.tags) ?? '';
  const tags = [...new Set(tagsText.split(/[\s,]+/).filter((t) => t !== ''))];
  for (const tag of tags) {
    if (!TAG.test(tag) || tag.length > MAX_TAG_LENGTH) {
      problems.push(`the tag ${quote(tag)} must be a lowercase slug such as vision-language`);
    }
  }
  if (tags.length > MAX_TAGS) {
    problems.push(`${tags.length} tags: at most ${MAX_TAGS}`);
  }
  const code = answer(FORM_LABELS.code) ?? '';
  if (code !== '' && (!isHttpUrl(code) || !code.startsWith('https://'))) {
    problems.push(`the code link ${quote(code)} must be an https:// URL`);
  }
  if (problems.length > 0 || ref === undefined) {
    return { problems };
  }
  return { arxiv: ref.id, tags, ...(code === '' ? {} : { code }) };
}

/**
 * A stranger's value quoted in a comment as inline code: at most 80 characters, one line, no
 * backticks, so it can neither close the code span nor mention anyone nor draw a link.
 */
export function quote(value: string): string {
  const flat = [...value.replace(/[`\r\n\t]/g, ' ')].filter((c) => c >= ' ' && c !== '\u007f').join('');
  const short = flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
  return `\`${short}\``;
}
