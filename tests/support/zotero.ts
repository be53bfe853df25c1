/**
 * What Zotero saves from a page, as its "Embedded Metadata" translator reads the page's meta tags
 * (zotero/translators: "Embedded Metadata.js", and "RDF.js" that it hands Dublin Core, Open Graph
 * and Zotero-namespace tags to). The Zotero Connector runs it on any page without a translator of
 * its own, as ours. Zotero's translation runtime is not on the npm registry (translation-server
 * runs inside Zotero's own code), so the tests read built pages with this model of the rules the
 * site relies on, each as the translator states it:
 * - item type: a Highwire type tag (`citation_journal_title` → journal article, …) wins; otherwise,
 *   when Dublin Core / Open Graph / `z:` tags are present, RDF.js's `detectType`: `z:itemType`,
 *   then a strong `og:type` (`website` → web page), then `DC.type` naming a Zotero item type
 *   (`preprint`), then the default (`citation_title` → journal article);
 * - fields: Highwire's mapping (`citation_title`, `citation_publication_date`, `citation_doi`,
 *   `citation_publisher`, `citation_journal_title`, `citation_abstract`), creators from
 *   `citation_author` ("Family, Given"), a `z:<field>` tag straight into that field, the date
 *   falling back to `citation_online_date`;
 * - Zotero keeps only the fields an item type has (`ITEM_FIELDS`, from Zotero's schema).
 */
import { attr, type HtmlNode, select } from './html.ts';

/** The fields Zotero saves of a web item, by their Zotero names (`publisher` is a preprint's "Repository"). */
export interface ZoteroItem {
  itemType: string;
  title?: string;
  creators: { lastName: string; firstName?: string }[];
  date?: string;
  DOI?: string;
  publisher?: string;
  archiveID?: string;
  publicationTitle?: string;
  abstractNote?: string;
}

// The RDF prefixes Embedded Metadata passes on to RDF.js (its `_prefixes`).
const RDF_PREFIXES = new Set([
  'bib',
  'bibo',
  'dc',
  'dcterms',
  'prism',
  'foaf',
  'vcard',
  'link',
  'z',
  'eprint',
  'eprints',
  'og',
  'article',
  'book',
  'so',
  'codemeta',
  'rdf',
]);
// Highwire tags that fix the item type (Embedded Metadata's `init`).
const HIGHWIRE_TYPES: Record<string, string> = {
  citation_journal_title: 'journalArticle',
  citation_technical_report_institution: 'report',
  citation_conference_title: 'conferencePaper',
  citation_conference: 'conferencePaper',
  citation_book_title: 'bookSection',
  citation_inbook_title: 'bookSection',
  citation_dissertation_institution: 'thesis',
};
// Strong Open Graph types (RDF.js: `og:type`); `article` is only a guess, below the default.
const OG_TYPES: Record<string, string> = {
  website: 'webpage',
  book: 'book',
  'video.movie': 'videoRecording',
  'music.song': 'audioRecording',
};
/** Zotero's item types that a `DC.type` may name (a subset of its schema). */
const ITEM_TYPES = new Set([
  'preprint',
  'journalArticle',
  'report',
  'conferencePaper',
  'thesis',
  'book',
  'bookSection',
  'webpage',
  'manuscript',
]);
/** The fields of the item types the site's pages can be saved as (Zotero's schema). */
const ITEM_FIELDS: Record<string, readonly (keyof ZoteroItem)[]> = {
  preprint: ['title', 'creators', 'date', 'DOI', 'publisher', 'archiveID', 'abstractNote'],
  journalArticle: ['title', 'creators', 'date', 'DOI', 'publicationTitle', 'abstractNote'],
  webpage: ['title', 'creators', 'date', 'abstractNote'],
};

/** The item Zotero's Embedded Metadata translator saves from a parsed page. */
export function embeddedMetadata(doc: HtmlNode): ZoteroItem {
  const metas = select(doc, 'meta').flatMap((m) => {
    const names = attr(m, 'name') ?? attr(m, 'property');
    const content = attr(m, 'content');
    return names === undefined || content === undefined || content === '' ? [] : names.split(/\s+/).map((name) => ({ name, content }));
  });
  const first = (name: string) => metas.find((m) => m.name === name)?.content;
  const rdf = new Map<string, string>();
  let hwType: string | undefined;
  let hwGuess: string | undefined;
  for (const { name, content } of metas) {
    const [prefix = '', ...rest] = name.split(/[.:_]/);
    if (RDF_PREFIXES.has(prefix.toLowerCase())) {
      const property = name.slice(prefix.length + 1);
      const key = `${prefix.toLowerCase()}:${property.charAt(0).toLowerCase()}${property.slice(1)}`;
      if (!rdf.has(key)) {
        rdf.set(key, content);
      }
    } else if (rest.length > 0) {
      const tag = name.slice(name.lastIndexOf('citation_'));
      hwType = HIGHWIRE_TYPES[tag] ?? hwType;
      if (tag === 'citation_title' || tag === 'citation_series_title') {
        hwGuess ??= 'journalArticle';
      }
    }
  }
  const dcType = rdf.get('dc:type');
  const detected =
    rdf.get('z:itemType') ??
    OG_TYPES[rdf.get('og:type') ?? ''] ??
    (dcType !== undefined && ITEM_TYPES.has(dcType) ? dcType : undefined) ??
    hwGuess ??
    'webpage';
  const itemType = hwType ?? (rdf.size > 0 ? detected : (hwGuess ?? 'webpage'));
  const item: ZoteroItem = {
    itemType,
    creators: metas
      .filter((m) => m.name === 'citation_author')
      .map(({ content }) => {
        const [lastName = '', firstName] = content.split(/\s*,\s*/);
        return firstName === undefined ? { lastName } : { lastName, firstName };
      }),
  };
  const set = <K extends keyof ZoteroItem>(field: K, value: ZoteroItem[K] | undefined) => {
    if (value !== undefined) {
      item[field] = value;
    }
  };
  set('title', first('citation_title') ?? rdf.get('dc:title') ?? rdf.get('og:title'));
  set(
    'date',
    first('citation_publication_date') ??
      first('citation_date') ??
      rdf.get('dc:date') ??
      rdf.get('article:published_time') ??
      first('citation_online_date'),
  );
  set('DOI', first('citation_doi'));
  set('publisher', first('citation_publisher') ?? rdf.get('dc:publisher'));
  set('publicationTitle', first('citation_journal_title') ?? rdf.get('og:site_name'));
  set('abstractNote', first('citation_abstract') ?? rdf.get('og:description'));
  for (const [key, value] of rdf) {
    if (key.startsWith('z:') && key !== 'z:itemType') {
      (item as unknown as Record<string, unknown>)[key.slice(2)] = value;
    }
  }
  const fields = ITEM_FIELDS[itemType] ?? ITEM_FIELDS.webpage ?? [];
  for (const key of Object.keys(item) as (keyof ZoteroItem)[]) {
    if (key !== 'itemType' && !fields.includes(key)) {
      delete item[key];
    }
  }
  return item;
}
