// The one URL policy: which addresses from a library or a brief may become a link (checked in the model, compose and the PDF writer).

/**
 * Where a URL is used. A source is a document a fact comes from: a web page. A body link in a section may also
 * be an e-mail address. Everything else (javascript:, file:, smb:, data:, ms-msdt:, ...) is refused: a
 * library or brief is written by someone else, and a PDF viewer may act on any scheme it is given.
 */
export type UrlUse = 'source' | 'body';

const SCHEMES: Record<UrlUse, readonly string[]> = {
  source: ['http', 'https'],
  body: ['http', 'https', 'mailto'],
};

/** Longer than any real citation; a bound keeps a hostile value from filling messages and annotations. */
export const MAX_URL_LENGTH = 2048;

/**
 * The scheme as written, lower-cased, or undefined when the text does not start with one. Nothing is trimmed:
 * a leading space or control character is how scheme checks are fooled, so such text has no scheme here.
 */
export function urlScheme(url: string): string | undefined {
  return /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
}

/** Web addresses need a host after `//`; no URL may hold whitespace or control characters. */
function wellFormed(url: string, scheme: string): boolean {
  if (url.length > MAX_URL_LENGTH || /\s/.test(url) || hasControlCharacter(url)) return false;
  if (scheme === 'mailto') return url.length > 'mailto:'.length;
  return /^[a-z]+:\/\/[^/?#@\s]*@?[^/?#@\s]+/i.test(url);
}

function hasControlCharacter(url: string): boolean {
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

export function isAllowedUrl(url: string, use: UrlUse): boolean {
  const scheme = urlScheme(url);
  return scheme !== undefined && SCHEMES[use].includes(scheme) && wellFormed(url, scheme);
}

/** The words for a refused URL, e.g. in a library problem or a compose warning. */
export function allowedUrlWords(use: UrlUse): string {
  return use === 'source' ? 'only http:// and https:// addresses may be a source' : 'only http://, https:// and mailto: addresses may be a link';
}

/** A refused URL as a message may quote it: bounded, with control characters made visible. */
export function quoteUrl(url: string): string {
  const shown = url.length > 80 ? `${url.slice(0, 77)}...` : url;
  return JSON.stringify(shown);
}
