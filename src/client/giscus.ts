/**
 * giscus's widget, drawn by the site's own script instead of giscus's client.js, which would also
 * load a stylesheet from giscus.app: so the pages' policy needs to allow giscus's frame and
 * nothing else (`frame-src`). It does what client.js does for the "specific" mapping: the sign-in
 * session (`?giscus=` after GitHub's sign-in, then localStorage), the frame's URL, its height,
 * sign-out messages, and a stale session: like client.js, when the widget reports `Bad credentials`,
 * `Invalid state value` or `State has expired` (sessions expire after a year) while a session is in
 * use, the session is forgotten and the widget drawn again signed out, instead of a blank frame on
 * every paper. The frame loads when the reader asks (or on the way back from signing in).
 */

const SESSION_KEY = 'giscus-session';

/** The widget's errors that mean the stored session is no longer good, as giscus's client.js matches them. */
export const STALE_SESSION_ERRORS = ['Bad credentials', 'Invalid state value', 'State has expired'];

/** True when the widget's error message means the session must be forgotten. */
export function isStaleSessionError(message: unknown): boolean {
  return typeof message === 'string' && STALE_SESSION_ERRORS.some((known) => message.includes(known));
}

/** The widget's URL parameters, as giscus's client.js sends them for a strict "specific" mapping. */
export function widgetParams(data: DOMStringMap, page: { origin: string; description: string; session: string }): URLSearchParams {
  return new URLSearchParams({
    origin: page.origin,
    session: page.session,
    theme: 'preferred_color_scheme',
    reactionsEnabled: '1',
    emitMetadata: '0',
    inputPosition: 'bottom',
    repo: data.repo ?? '',
    repoId: data.repoId ?? '',
    category: data.category ?? '',
    categoryId: data.categoryId ?? '',
    strict: '1',
    description: page.description,
    backLink: page.origin,
    term: data.term ?? '',
  });
}

function savedSession(): string {
  try {
    const saved = localStorage.getItem(SESSION_KEY);
    return saved === null ? '' : String(JSON.parse(saved));
  } catch {
    return '';
  }
}

function saveSession(session: string | undefined): void {
  try {
    if (session === undefined) {
      localStorage.removeItem(SESSION_KEY);
    } else {
      localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    }
  } catch {
    // Storage refused (private mode): the reader signs in again next time.
  }
}

/** Shows the container's button; a click (or a return from GitHub's sign-in) draws the widget in its place. */
export function startDiscussion(container: HTMLElement): void {
  const origin = container.dataset.origin ?? '';
  const button = container.querySelector<HTMLButtonElement>('button');
  if (button === null || origin === '') {
    return;
  }
  const url = new URL(location.href);
  const returned = url.searchParams.get('giscus');
  url.searchParams.delete('giscus');
  url.hash = '';
  const page = url.toString();
  if (returned !== null) {
    saveSession(returned);
    history.replaceState(history.state, '', page);
  }
  const description = document.querySelector<HTMLMetaElement>('meta[name="description"]')?.content ?? '';
  const frame = document.createElement('iframe');
  let current = '';
  const load = (session: string) => {
    current = session;
    const params = widgetParams(container.dataset, { origin: `${page}#${container.id}`, description, session });
    frame.src = `${origin}/en/widget?${params}`;
  };
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== origin || event.source !== frame.contentWindow) {
      return;
    }
    const message = (event.data as { giscus?: { resizeHeight?: number; signOut?: boolean; error?: unknown } } | null)?.giscus;
    if (typeof message?.resizeHeight === 'number') {
      frame.style.height = `${message.resizeHeight}px`;
    }
    if (message?.signOut === true || (current !== '' && isStaleSessionError(message?.error))) {
      // Drawn again without a session only once: an error without one is giscus's own to show.
      saveSession(undefined);
      load('');
    }
  });
  button.hidden = false;
  const show = () => {
    frame.className = 'giscus-frame';
    frame.title = 'Discussion of this paper on GitHub (giscus)';
    frame.setAttribute('scrolling', 'no');
    frame.allow = 'clipboard-write';
    load(returned ?? savedSession());
    button.replaceWith(frame);
  };
  button.addEventListener('click', show, { once: true });
  if (returned !== null) {
    show();
  }
}
