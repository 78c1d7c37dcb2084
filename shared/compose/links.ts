// Compose's side of the URL policy: a refused body link or pinned source address becomes plain text and a warning.
import type { ComposeWarning, Note } from '../model/composed-doc.js';
import type { Fact } from '../model/library.js';
import { allowedUrlWords, isAllowedUrl, MAX_URL_LENGTH, quoteUrl } from '../model/url-policy.js';

/** A body link target the policy refused; markdown-it left the link as written, as plain text. */
export function refusedBodyLink(url: string): ComposeWarning {
  return {
    code: 'refused-link',
    message: `the link to ${quoteUrl(url)} is shown as plain text: ${allowedUrlWords('body')} — change the address, or remove the link`,
  };
}

/**
 * The endnote of a fact's source (later facts from the same source join its `factIds`). A library refuses a bad source URL when it loads; a brief's pinned copy may still hold
 * one (the brief came from elsewhere), so the note prints it as text, never as a link, and says why.
 */
export function sourceNote(n: number, fact: Fact, text: string, warn: (w: ComposeWarning) => void): Note {
  const url = fact.source.url;
  if (isAllowedUrl(url, 'source')) return { n, factIds: [fact.id], text, url };
  warn({
    code: 'refused-link',
    factId: fact.id,
    sectionKey: '',
    message: `the pinned fact "${fact.id}" has the source address ${quoteUrl(url)}, printed as plain text: ${allowedUrlWords('source')} — update the pin from a library, or fix the address`,
  });
  return { n, factIds: [fact.id], text: `${text} ${url.slice(0, MAX_URL_LENGTH)}` };
}
