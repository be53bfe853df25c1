// citation-js ships no types: the part the tests use.
declare module '@citation-js/core' {
  /** Parses any input citation-js knows (RIS with its plugin, CSL-JSON) into CSL-JSON items. */
  export class Cite {
    constructor(data: unknown);
    data: unknown[];
    /** Writes the items out: 'bibtex' and 'ris' with their plugins, 'data' (CSL-JSON). */
    format(format: string, options?: Record<string, unknown>): unknown;
  }
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
