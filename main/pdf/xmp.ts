// XMP safety: pdfkit copies Info values into its XMP packet verbatim, so "&" or "<" in a title would break it.
// The patch that applies these to pdfkit is escapeInfoForXmp in pdfkit-patches.ts.

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Characters XML 1.0 forbids even escaped (C0 controls except tab/newline/return, lone surrogates, U+FFFE/F). */
export function stripXmlInvalid(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}
