/**
 * The search page's view: reads the state from the URL and the form, asks the index (opened by
 * search-bundle.ts: its shards, instances, votes and common words; ranked by search-engine.ts;
 * what is asked, by search-state.ts), draws the results, and keeps the URL in step so that a
 * search can be shared. Result text is drawn as text, from each paper page's search metadata
 * (never Pagefind's excerpt of the index's text).
 */
import { SEARCH_FILTERS, SEARCH_PRELOAD, type SearchMeta } from '../lib/search-index.ts';
import { openSearchBundle, type PagefindModule, type SearchBundle } from './search-bundle.ts';
import { type PagefindAnswer, type PagefindHit, queryWords, type RankedResult, rankedSearch } from './search-engine.ts';
import {
  isActive,
  MAX_EXCLUDED,
  MAX_QUERY_WORDS,
  orderByVotes,
  pagefindFilters,
  planQuery,
  readSearchState,
  readShards,
  type SearchState,
  tagChoices,
  withoutExcluded,
  writeSearchState,
} from './search-state.ts';

interface PagefindResult extends PagefindHit {
  data(): Promise<Data>;
}
/** A search's answer: results, and the counts of each filter value among them. */
type PagefindResponse = PagefindAnswer<PagefindResult>;
type Data = { url: string; meta: SearchMeta };

/** Results drawn at a time ("Show more results" draws the next ones). */
const PAGE_SIZE = 10;
/** Tags offered as checkboxes (the selected ones always are). */
const TAG_CHOICES = 24;

/** Each preloaded shard's entry tag, by the shard's path (the links the build wrote: SEARCH_PRELOAD). */
function preloadedTags(): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const link of document.querySelectorAll<HTMLLinkElement>(`link[${SEARCH_PRELOAD}][data-shard][data-tag]`)) {
    const { shard, tag } = link.dataset;
    if (shard !== undefined && tag !== undefined) {
      tags[shard] = tag;
    }
  }
  return tags;
}

/** Starts the search page; does nothing on pages without #search-form. */
export async function startSearch(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const status = document.querySelector<HTMLElement>('#search-status');
  const more = document.querySelector<HTMLButtonElement>('#search-more');
  const tagBox = document.querySelector<HTMLElement>('#search-tags');
  const help = document.querySelector<HTMLElement>('#search-help');
  if (form === null || list === null || status === null || more === null || tagBox === null || help === null) {
    return;
  }
  const bundle = form.dataset.bundlePath ?? '/pagefind/';
  let index: SearchBundle<PagefindResult>;
  try {
    const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindModule<PagefindResult>;
    index = await openSearchBundle(pagefind, {
      bundle,
      baseUrl: form.dataset.base ?? '/',
      shards: readShards(form.dataset.shards),
      commonWords: form.dataset.commonWords ?? '',
      votes: form.dataset.votes ?? `${bundle}votes.json`,
      tags: preloadedTags(),
    });
  } catch {
    // No index at that path: in npm run dev before the first npm run build, or a broken deploy.
    status.textContent = 'Search has no index yet. Under npm run dev it uses the last build’s index: run npm run build once.';
    return;
  }
  const { pagefind, filters: siteFilters, pages } = index;
  let votesShown: Record<string, number> | undefined;
  /** One search over every shard, in the state's order. */
  const searchAll = async (term: string | null, options: { filters: Record<string, unknown> }): Promise<PagefindResponse | null> =>
    state.sort === 'newest' ? index.searchNewest(term, options, state.from, state.to) : pagefind.search(term, options);
  const days = Object.keys(siteFilters[SEARCH_FILTERS.day] ?? {});

  let state = readSearchState(new URL(window.location.href).searchParams);
  fillForm(form, state);
  syncHeader(state.q);
  let shown: RankedResult<PagefindResult>[] = [];
  let run = 0;

  const search = async () => {
    const mine = ++run;
    // Busy until this search's results are drawn (a newer search keeps it busy: see `mine`).
    list.setAttribute('aria-busy', 'true');
    const { term, phrase, arxiv, exclude = [], excludedDropped, truncated } = planQuery(state.q);
    const chosen = [...state.tags, ...state.notTags];
    if (!isActive(state)) {
      drawTags(tagBox, tagChoices(siteFilters[SEARCH_FILTERS.tag] ?? {}, chosen, TAG_CHOICES), state);
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      help.hidden = false;
      list.setAttribute('aria-busy', 'false');
      return;
    }
    // A query of only common words or signs ("what is the", "?!") has nothing to search for:
    // Pagefind would match pages that hold every one of them, which says nothing.
    const nothingToSearch = term !== null && arxiv === undefined && !term.includes('"') && queryWords(term).length === 0;
    if (nothingToSearch) {
      list.replaceChildren();
      more.hidden = true;
      help.hidden = false;
      status.textContent = `“${state.q}” has no word to search for (only common words or signs): add a word that describes the paper.`;
      list.setAttribute('aria-busy', 'false');
      return;
    }
    const options = { filters: pagefindFilters(state, days) };
    // Tag counts say how many papers each tag would give: the same search without the tag filter
    // (tags are ORed), so a checked tag never shows a count of 0 beside its results.
    const untagged = Object.fromEntries(Object.entries(options.filters).filter(([name]) => name !== SEARCH_FILTERS.tag));
    // A day range with no listing day in it matches nothing; Pagefind is not asked.
    const noDays = (options.filters[SEARCH_FILTERS.day] as { any: string[] } | undefined)?.any.length === 0;
    // Relevance and votes rank any-word matches below the all-words ones (search-engine.ts);
    // newest first lists the all-words matches only, by day.
    const ranked = state.sort !== 'newest' && arxiv === undefined && term !== null;
    const common = ranked ? await index.commonWords : new Set<string>();
    const rank = (filters: Record<string, unknown>) =>
      rankedSearch(pagefind, { term, ...(phrase === undefined ? {} : { phrase }) }, { filters }, pages, common);
    const allOf = (answer: PagefindResponse | null) => ({ results: rankedOf(answer), allWords: answer, words: [] });
    const [main, forTags, holding] = noDays
      ? [null, null, []]
      : await Promise.all([
          ranked ? rank(options.filters) : searchAll(term, options).then(allOf),
          state.tags.length > 0 ? (ranked ? rank(untagged) : pagefind.search(term, { ...options, filters: untagged }).then(allOf)) : null,
          // An excluded word drops every page that holds it (the word itself, as a one-word
          // phrase: not the longer words it begins, and nothing when no page has it).
          Promise.all(exclude.map((word) => pagefind.search(`"${word}"`, {}))),
        ]);
    if (mine !== run) {
      return; // a newer search has started
    }
    const excluded = holding.flatMap((r) => r?.results ?? []);
    const kept = withoutExcluded(main?.results ?? [], excluded);
    if (state.sort === 'votes') {
      votesShown = await index.votes();
    }
    const results = state.sort === 'votes' ? orderByVotes(kept, votesShown ?? {}) : kept;
    const page = await Promise.all(results.slice(0, PAGE_SIZE).map((r) => r.hit.data()));
    if (mine !== run) {
      return;
    }
    // Everything is ready: swap in one step, so results never flicker while the reader types.
    const missing = arxiv !== undefined && !page.some((r) => r.meta.arxiv === arxiv);
    // Tag counts: Pagefind's, of the pages that hold every word; counted here from each tag's pages
    // when the results hold others too, or lose pages to an excluded word.
    const counted = forTags ?? main;
    const counts =
      counted?.results.some((r) => r.partial) || excluded.length > 0
        ? countTags(withoutExcluded(counted?.results ?? [], excluded), await index.tagPages())
        : (counted?.allWords?.filters ?? {});
    if (mine !== run) {
      return;
    }
    drawTags(tagBox, tagChoices(counts[SEARCH_FILTERS.tag] ?? {}, chosen, TAG_CHOICES), state);
    shown = results;
    list.replaceChildren(...page.map((data, i) => resultItem(data, state.q, votesShown?.[results[i]?.id ?? ''], results[i])));
    more.hidden = shown.length <= PAGE_SIZE;
    help.hidden = results.length > 0 && !missing;
    const whole = results.filter((r) => !r.partial).length;
    const found = results.length === 1 ? '1 paper found' : `${results.length} papers found`;
    const notes = [
      ...(truncated === undefined ? [] : [`Searched its first ${MAX_QUERY_WORDS} words of ${truncated}.`]),
      ...(excludedDropped === undefined
        ? []
        : [`Left out the papers of the first ${MAX_EXCLUDED} -words only, not of ${excludedDropped} more.`]),
    ];
    status.textContent = [
      missing
        ? `No paper with arXiv id ${arxiv} here.${results.length > 0 ? ` Other matches: ${results.length}.` : ''}`
        : results.length === 0
          ? `No paper matches ${state.q === '' ? 'these filters' : `“${state.q}”${state.tags.length > 0 || state.notTags.length > 0 || state.code || state.from !== '' || state.to !== '' ? ' with these filters' : ''}`}.`
          : whole < results.length
            ? `${found}: ${whole === 0 ? 'none holds' : `${whole} ${whole === 1 ? 'holds' : 'hold'}`} every word, the others some of them, best first.`
            : found,
      ...notes,
    ].join(' ');
    list.setAttribute('aria-busy', 'false');
  };

  const update = () => {
    state = stateOf(form);
    const url = new URL(window.location.href);
    url.search = writeSearchState(state).toString();
    window.history.replaceState(null, '', url);
    syncHeader(state.q);
    void search();
  };
  // 'input' fires for every kind of field: text, checkboxes, dates and the select.
  form.addEventListener('input', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  more.addEventListener('click', async () => {
    const from = list.children.length;
    await drawMore(list, shown, from, state.q, votesShown);
    more.hidden = list.children.length >= shown.length;
    list.querySelectorAll<HTMLAnchorElement>('a.search-result__link')[from]?.focus();
  });
  form.dataset.ready = 'true';
  await search();
}

/** The state the form shows now. */
function stateOf(form: HTMLFormElement): SearchState {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value !== '') {
      params.append(name, value);
    }
  }
  return readSearchState(params);
}

/** Puts a state into the form's fields (the tag checkboxes are drawn with the results). */
function fillForm(form: HTMLFormElement, state: SearchState): void {
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const q = field('q');
  if (q) {
    q.value = state.q;
  }
  const from = field('from');
  if (from) {
    from.value = state.from;
  }
  const to = field('to');
  if (to) {
    to.value = state.to;
  }
  const code = field('code');
  if (code instanceof HTMLInputElement) {
    code.checked = state.code;
  }
  const sort = field('sort');
  if (sort) {
    sort.value = state.sort === 'relevance' ? '' : state.sort;
  }
}

function syncHeader(q: string): void {
  const header = document.querySelector<HTMLInputElement>('#site-search');
  if (header !== null && document.activeElement !== header) {
    header.value = q;
  }
}

/**
 * Draws the tag choices: a checkbox for each tag (papers with any checked tag), and beside it a
 * "not" checkbox (papers without it), the state's ones checked.
 */
function drawTags(box: HTMLElement, choices: { tag: string; count: number }[], state: SearchState): void {
  const checkbox = (name: string, tag: string, checked: boolean) => {
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = name;
    input.value = tag;
    input.checked = checked;
    return input;
  };
  const items = choices.map(({ tag, count }) => {
    const choice = document.createElement('span');
    choice.className = 'search-tag-choice';
    const label = document.createElement('label');
    label.className = 'search-tag';
    label.append(checkbox('tag', tag, state.tags.includes(tag)), ` ${tag} `);
    const n = document.createElement('span');
    n.className = 'search-tag__count';
    n.textContent = `(${count})`;
    label.append(n);
    const not = document.createElement('label');
    not.className = 'search-tag__not';
    const named = document.createElement('span');
    named.className = 'visually-hidden';
    named.textContent = ` ${tag}`;
    not.append(checkbox('nottag', tag, state.notTags.includes(tag)), ' not', named);
    choice.append(label, not);
    return choice;
  });
  const list = box.querySelector('.search-tags__list');
  list?.replaceChildren(...items);
}

/** Pagefind's answer as ranked results: every page holds every word. */
function rankedOf(answer: PagefindResponse | null): RankedResult<PagefindResult>[] {
  return (answer?.results ?? []).map((hit) => ({ id: hit.id, hit, matched: [], partial: false }));
}

/** Tag counts of `hits`, as Pagefind's filter counts read: tag → papers among them that carry it. */
function countTags(
  hits: readonly { id: string }[],
  members: ReadonlyMap<string, ReadonlySet<string>>,
): Record<string, Record<string, number>> {
  const tag: Record<string, number> = {};
  for (const [name, ids] of members) {
    tag[name] = hits.reduce((n, h) => n + (ids.has(h.id) ? 1 : 0), 0);
  }
  return { [SEARCH_FILTERS.tag]: tag };
}

/** Draws up to PAGE_SIZE results of `results` from index `from` on. */
async function drawMore(
  list: HTMLOListElement,
  results: RankedResult<PagefindResult>[],
  from: number,
  query: string,
  votes: Record<string, number> | undefined,
): Promise<void> {
  const next = results.slice(from, from + PAGE_SIZE);
  const page = await Promise.all(next.map((r) => r.hit.data()));
  list.append(...page.map((data, i) => resultItem(data, query, votes?.[next[i]?.id ?? ''], next[i])));
}

/**
 * One result: the title, a line of the day (as text), the first authors, votes (once the votes
 * file is loaded: `votes` undefined shows none) and a code badge, then the abstract's first lines
 * with the query's words marked (the paper's own text, never the index's author lists or tags).
 * A page that holds only some of the query's words says which ("Has: tokens, layers").
 * Everything is drawn as text.
 */
function resultItem(data: Data, query: string, votes: number | undefined, ranked?: RankedResult<PagefindResult>): HTMLLIElement {
  const { meta } = data;
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  heading.className = 'search-result__title';
  const link = document.createElement('a');
  link.className = 'search-result__link';
  link.href = data.url;
  link.textContent = meta.title ?? data.url;
  heading.append(link);
  const line = document.createElement('p');
  line.className = 'search-result__meta';
  const parts: (string | Node)[][] = [];
  if (meta.day !== undefined) {
    const time = document.createElement('time');
    time.dateTime = meta.day;
    time.textContent = meta.day_text ?? meta.day;
    parts.push([time]);
  }
  if (meta.authors !== undefined) {
    // The paper page's meta holds the names a card shows (shownAuthors) and how many more there are.
    const names: (string | Node)[] = [];
    meta.authors.split(', ').forEach((name, i) => {
      // Each name isolated, as on the site's pages: a right-to-left name cannot reorder the others.
      const bdi = document.createElement('bdi');
      bdi.textContent = name;
      names.push(...(i > 0 ? [', ', bdi] : [bdi]));
    });
    const more = Number(meta.authors_more ?? 0);
    if (more > 0) {
      names.push(` and ${more} more`);
    }
    parts.push(names);
  }
  if (votes !== undefined && votes > 0) {
    parts.push([`${votes} ${votes === 1 ? 'vote' : 'votes'}`]);
  }
  for (const [i, part] of parts.entries()) {
    line.append(...(i > 0 ? [' · ', ...part] : part));
  }
  if (meta.code !== undefined) {
    const code = document.createElement('a');
    code.className = 'badge badge--code';
    code.href = meta.code;
    code.rel = 'nofollow';
    code.textContent = 'Code';
    line.append(' ', code);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  excerpt.append(...markWords(meta.summary ?? '', query));
  item.append(heading, line, excerpt);
  if (ranked?.partial) {
    const has = document.createElement('p');
    has.className = 'search-result__matched';
    has.dataset.matched = ranked.matched.join(' ');
    has.textContent = `Has: ${ranked.matched.join(', ')}`;
    item.append(has);
  }
  return item;
}

/** `text` as nodes, each word of `query` (3 letters or more, any case) in a <mark>. */
function markWords(text: string, query: string): Node[] {
  const words = query
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) {
    return [document.createTextNode(text)];
  }
  const pattern = new RegExp(`(${words.join('|')})`, 'giu');
  return text.split(pattern).map((piece, i) => {
    if (i % 2 === 0) {
      return document.createTextNode(piece);
    }
    const mark = document.createElement('mark');
    mark.textContent = piece;
    return mark;
  });
}
