// The style nonce the app:// handler wrote into the page (meta csp-nonce), for CodeMirror's <style> element.
/** Empty when the page was served without one: CodeMirror's styles are then refused by the CSP, visibly. */
export function cspNonce(doc: Document = document): string {
  return doc.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
}
