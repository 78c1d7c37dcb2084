// XMP safety: pdfkit copies Info values into its XMP packet verbatim, so "&" or "<" in a title would break it.

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Characters XML 1.0 forbids even escaped (C0 controls except tab/newline/return, lone surrogates, U+FFFE/F). */
export function stripXmlInvalid(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

/**
 * pdfkit writes the Info dictionary (as PDF strings, which need no XML escaping) before it builds the XMP
 * packet from the same `info` object; swapping in escaped values in between fixes the packet only.
 */
export function escapeInfoForXmp(doc: { info: Record<string, unknown>; endMetadata(): void }): void {
  const original = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    for (const [key, value] of Object.entries(doc.info)) {
      if (typeof value === 'string') doc.info[key] = escapeXml(stripXmlInvalid(value));
    }
    original();
  };
}
