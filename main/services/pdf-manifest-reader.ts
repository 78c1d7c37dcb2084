// Reads the audit manifest back out of a PDF Briefing Builder wrote (its embedded briefing-manifest.json), without a PDF library.
import { inflateSync } from 'node:zlib';
import { AuditManifest, MANIFEST_FILE } from './audit-manifest.js';

export type ManifestRead = { ok: true; manifest: AuditManifest } | { ok: false; reason: string };

const NOT_OURS = `no Briefing Builder manifest in this PDF — only PDFs exported by Briefing Builder carry one`;

/**
 * Finds the Filespec naming the manifest, follows its /EF to the embedded-file stream and inflates it. pdfkit writes
 * every object uncompressed at the top level (no object streams), which is what this relies on; a PDF rewritten by
 * another tool may hide the manifest in an object stream, and then reads as having none.
 */
export function readManifestFromPdf(bytes: Uint8Array): ManifestRead {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, 5).toString('latin1') !== '%PDF-') return { ok: false, reason: 'is not a PDF (it does not start with %PDF-)' };
  const text = buf.toString('latin1');
  const named = text.indexOf(`(${MANIFEST_FILE})`);
  if (named < 0) return { ok: false, reason: NOT_OURS };
  const objStart = text.lastIndexOf(' obj', named);
  const objEnd = text.indexOf('endobj', named);
  const spec = text.slice(objStart, objEnd < 0 ? undefined : objEnd);
  const ef = /\/EF\s*<<\s*\/F\s+(\d+)\s+(\d+)\s+R/.exec(spec);
  if (!ef) return { ok: false, reason: NOT_OURS };
  const head = new RegExp(`(?:^|[\\r\\n])${ef[1]}\\s+${ef[2]}\\s+obj`).exec(text);
  if (!head) return { ok: false, reason: 'its manifest entry points at an object the file does not have — the PDF is damaged' };
  const streamAt = text.indexOf('stream', head.index);
  const dict = text.slice(head.index, streamAt);
  const length = /\/Length\s+(\d+)/.exec(dict);
  if (streamAt < 0 || !length) return { ok: false, reason: 'its manifest stream cannot be read — the PDF is damaged' };
  let start = streamAt + 'stream'.length;
  if (text[start] === '\r') start++;
  if (text[start] === '\n') start++;
  const raw = buf.subarray(start, start + Number(length[1]));
  let json: string;
  try {
    json = (/\/Filter\s*\/FlateDecode/.test(dict) ? inflateSync(raw) : raw).toString('utf8');
  } catch {
    return { ok: false, reason: 'its manifest stream is corrupt (it does not inflate) — the PDF is damaged' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'its manifest is not valid JSON — the PDF is damaged or was altered' };
  }
  const parsed = AuditManifest.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `its manifest is not one this version reads (${parsed.error.issues[0]?.path.join('.') || 'format'}) — inspect it with the version that wrote it` };
  return { ok: true, manifest: parsed.data };
}
