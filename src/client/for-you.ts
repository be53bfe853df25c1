/**
 * "For you" in the reader's browser (src/lib/for-you.ts ranks): a listing in the order of its
 * papers' likeness to the reader's saved papers, each saying why, with "Not interested" (undoable);
 * and "New for you" on the library page. Loaded only when a reader with three saved papers or more
 * asks for it (?order=for-you) or opens their library. Each day's descriptions come from its
 * `for-you.json`; a saved paper's is kept once read (library-store.ts: FOR_YOU_KEY). Nothing is sent
 * anywhere. Everything is drawn as text.
 */
import { type Described, decodeTerms, FOR_YOU_FILE, FOR_YOU_VERSION, type ForYouRank, rankForYou } from '../lib/for-you.ts';
import { marked, PAPER_DOM, paperLinks } from '../lib/paper-dom.ts';
import { element } from './dom.ts';
import { FOR_YOU_KEY, type ForYouState, markNotInterested, parseForYou } from './for-you-store.ts';
import { drop, load, read, write } from './library-storage.ts';

/** What "For you" keeps (an empty state when storage is unavailable, or the stored one was tampered with). */
function loadForYou(): ForYouState {
  const { state, dropped } = parseForYou(read(FOR_YOU_KEY));
  if (dropped) {
    drop(FOR_YOU_KEY, '"For you" state', state);
  }
  return state;
}

const storeForYou = (state: ForYouState) => write(FOR_YOU_KEY, state);

/** Each day's descriptions (paper id → stored terms), fetched once per page. */
const days = new Map<string, Promise<Map<string, string>>>();

/** A listing day's descriptions; an empty map when its file is missing or not of this version. */
function dayTerms(files: string, day: string): Promise<Map<string, string>> {
  let got = days.get(day);
  if (got === undefined) {
    got = fetch(`${files}${day}/${FOR_YOU_FILE}`)
      .then((r) => (r.ok ? r.json() : undefined))
      .then((file: { version?: unknown; papers?: unknown } | undefined) => {
        const papers = file?.version === FOR_YOU_VERSION && Array.isArray(file.papers) ? file.papers : [];
        return new Map(
          papers.flatMap((p: unknown) =>
            Array.isArray(p) && typeof p[0] === 'string' && decodeTerms(p[1]) !== undefined ? [[p[0], p[1] as string] as const] : [],
          ),
        );
      })
      .catch(() => new Map<string, string>());
    days.set(day, got);
  }
  return got;
}

/** The saved papers, described: from the stored descriptions, else once from their day's file (then kept). */
async function savedPapers(files: string): Promise<Described[]> {
  const library = load();
  const state = loadForYou();
  const described = { ...state.described };
  const missing = library.papers.filter((p) => described[p.id] === undefined);
  if (missing.length > 0) {
    const found = await Promise.all([...new Set(missing.map((p) => p.day))].map((day) => dayTerms(files, day)));
    for (const p of missing) {
      const terms = found.find((m) => m.has(p.id))?.get(p.id);
      if (terms !== undefined) {
        described[p.id] = terms;
      }
    }
    storeForYou({ ...state, described });
  }
  return library.papers.flatMap((p) => {
    const terms = decodeTerms(described[p.id]);
    return terms === undefined ? [] : [{ id: p.id, title: p.title, terms }];
  });
}

/** The papers marked "not interested", described. */
function notInterested(): Described[] {
  return loadForYou().notInterested.flatMap((m) => {
    const terms = decodeTerms(m.terms);
    return terms === undefined ? [] : [{ id: m.id, title: m.title, terms }];
  });
}

/** Orders the page's listing for the reader (the slot is the listing's PAPER_DOM.forYou element). */
export async function applyForYou(slot: HTMLElement): Promise<void> {
  const root = document.documentElement;
  const list = document.querySelector<HTMLElement>(marked(PAPER_DOM.forYouList));
  const files = slot.dataset.files ?? '';
  const status = element('p', 'for-you__status');
  status.setAttribute('role', 'status');
  list?.before(status);
  try {
    if (list === null) {
      return;
    }
    const [saved, ...perDay] = await Promise.all([
      savedPapers(files),
      ...(slot.dataset.days ?? '')
        .split(' ')
        .filter((d) => d !== '')
        .map((day) => dayTerms(files, day)),
    ]);
    const listed = new Map<string, string>();
    for (const day of perDay) {
      for (const [id, terms] of day) {
        listed.set(id, terms);
      }
    }
    const draw = (said: (string | Node)[] = []) => {
      const ranks = rankForYou(
        [...listed].map(([id, terms]) => ({ id, terms: decodeTerms(terms) })),
        saved,
        notInterested(),
      );
      drawRanked(list, ranks, listed, (id, title, terms, marked) => {
        storeForYou(markNotInterested(loadForYou(), { id, title, terms }, marked));
        const undo = element('button', 'for-you__undo', 'Undo');
        undo.type = 'button';
        undo.addEventListener('click', () => {
          storeForYou(markNotInterested(loadForYou(), { id, title, terms }, !marked));
          draw([marked ? `“${title}” is back in the order.` : `“${title}” is marked not interested again.`]);
        });
        draw([`${marked ? 'Not interested' : 'Interested again'}: “${title}”; papers like it moved ${marked ? 'down' : 'back'}. `, undo]);
      });
      status.replaceChildren(
        ...said,
        ...(said.length > 0
          ? []
          : [`For you: ${ranks.length} papers, likest to your ${saved.length} saved papers first (worked out in this browser).`]),
      );
    };
    draw();
  } catch {
    status.replaceChildren('“For you” could not be worked out: the usual order is shown.');
  } finally {
    delete root.dataset.forYouPending;
  }
}

/** Why a paper is where it is: the saved paper it is most like. */
function why(rank: ForYouRank): HTMLElement {
  return element('p', 'for-you__why', rank.like === undefined ? 'Like none of your saved papers' : `Like: ${rank.like.title}`);
}

/**
 * Draws `ranks` in `list`: a day's cards moved into the order (each with why and "Not interested"),
 * or, for a week's or a month's sections, one ranked list of their rows in a section of its own
 * (the sections hidden while it shows).
 */
function drawRanked(
  list: HTMLElement,
  ranks: readonly ForYouRank[],
  listed: ReadonlyMap<string, string>,
  mark: (id: string, title: string, terms: string, marked: boolean) => void,
): void {
  const unwanted = new Set(loadForYou().notInterested.map((m) => m.id));
  const extras = (rank: ForYouRank, title: string) => {
    const off = unwanted.has(rank.id);
    const button = element('button', 'for-you__not', off ? 'Interested after all' : 'Not interested');
    button.type = 'button';
    button.append(element('span', 'visually-hidden', `: ${title}`));
    button.addEventListener('click', () => mark(rank.id, title, listed.get(rank.id) ?? '', !off));
    const box = element('div', 'for-you__extras');
    box.append(why(rank), button);
    return box;
  };
  const cards = new Map(
    [...list.querySelectorAll<HTMLElement>(marked(PAPER_DOM.card))].map((card) => [card.getAttribute(PAPER_DOM.card) ?? '', card]),
  );
  if (list.tagName === 'OL' && cards.size > 0) {
    for (const rank of ranks) {
      const card = cards.get(rank.id);
      const item = card?.closest('li');
      if (card === undefined || item === null || item === undefined) {
        continue;
      }
      card.querySelector('.for-you__extras')?.remove();
      const title = paperLinks(card)[0]?.link.textContent ?? '';
      card.querySelector('.paper-card__body')?.append(extras(rank, title));
      list.append(item);
    }
    return;
  }
  // A week or a month: its rows (every paper has one, under its day), in one ranked list.
  const rows = new Map<string, Element>();
  for (const { link, id } of paperLinks(list)) {
    const row = link.closest('.paper-row');
    if (id !== undefined && row !== null && !rows.has(id)) {
      rows.set(id, row);
    }
  }
  let section = list.parentElement?.querySelector<HTMLElement>('.for-you');
  if (section === null || section === undefined) {
    section = element('section', 'for-you');
    section.setAttribute('aria-labelledby', 'for-you-heading');
    const heading = element('h2', '', 'For you');
    heading.id = 'for-you-heading';
    section.append(heading, element('ol', 'row-list for-you__list'));
    list.before(section);
    list.hidden = true;
  }
  const ol = section.querySelector('ol');
  ol?.replaceChildren(
    ...ranks.flatMap((rank) => {
      const row = rows.get(rank.id);
      if (row === undefined) {
        return [];
      }
      const item = document.createElement('li');
      const title = paperLinks(row)[0]?.link.textContent ?? '';
      item.append(row.cloneNode(true), extras(rank, title));
      return [item];
    }),
  );
}

/**
 * "New for you" on the library page: the best matches among the newest days' papers (`days`, with
 * the folder of their files), as links to their pages, each saying why.
 */
export async function drawNewForYou(
  box: HTMLElement,
  newest: readonly string[],
  files: string,
  papersPath: string,
  count = 10,
): Promise<void> {
  // The days' descriptions, and their papers' titles from the days' papers.json (one file a day each).
  const dayTitles = (day: string) =>
    fetch(`${files}${day}/papers.json`)
      .then((r) => (r.ok ? r.json() : undefined))
      .then(
        (file: { papers?: unknown } | undefined) =>
          (Array.isArray(file?.papers) ? file.papers : []).flatMap((p: { id?: unknown; title?: unknown }) =>
            typeof p?.id === 'string' && typeof p?.title === 'string' ? [[p.id, p.title] as const] : [],
          ),
        () => [],
      );
  const [saved, perDay, perDayTitles] = await Promise.all([
    savedPapers(files),
    Promise.all(newest.map((day) => dayTerms(files, day))),
    Promise.all(newest.map(dayTitles)),
  ]);
  const titles = new Map(perDayTitles.flat());
  const have = new Set(load().papers.map((p) => p.id));
  const listed = perDay.flatMap((m) => [...m].filter(([id]) => !have.has(id)));
  const ranks = rankForYou(
    listed.map(([id, terms]) => ({ id, terms: decodeTerms(terms) })),
    saved,
    notInterested(),
  ).slice(0, count);
  const list = element('ol', 'row-list');
  for (const rank of ranks) {
    const item = document.createElement('li');
    const link = element('a', '', titles.get(rank.id) ?? rank.id);
    link.href = `${papersPath}${encodeURIComponent(rank.id)}/`;
    item.append(link, why(rank));
    list.append(item);
  }
  box.replaceChildren(
    element('h2', '', 'New for you'),
    ranks.length === 0 ? element('p', '', 'Nothing new like your saved papers in the newest days.') : list,
  );
}
