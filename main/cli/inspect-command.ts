// `briefing inspect FILE.pdf [--json]`: prints the audit manifest an exported PDF carries; one line and exit 1 when it has none.
import fs from 'node:fs/promises';
import type { AuditManifest } from '../services/audit-manifest.js';
import { readManifestFromPdf } from '../services/pdf-manifest-reader.js';
import { EXIT, UserError, type CliIO } from './io.js';

/** No exported brief comes near this; a bigger file is refused before it is read. */
const MAX_INSPECT_BYTES = 200 * 1024 * 1024;

export async function inspectPdf(file: string, json: boolean, io: CliIO): Promise<number> {
  const stat = await fs.stat(file);
  if (!stat.isFile()) throw new UserError(`${file}: is not a file — give the path of an exported PDF`);
  if (stat.size > MAX_INSPECT_BYTES) throw new UserError(`${file}: is ${Math.round(stat.size / 1024 / 1024)} MB, over the ${MAX_INSPECT_BYTES / 1024 / 1024} MB an exported brief could be — not read`);
  const read = readManifestFromPdf(await fs.readFile(file));
  if (!read.ok) throw new UserError(`${file}: ${read.reason}`);
  io.stdout(json ? JSON.stringify(read.manifest, null, 2) : summary(read.manifest));
  return EXIT.ok;
}

function summary(m: AuditManifest): string {
  const release = m.release ? `released at ${m.release.level}${m.release.relTo.length ? ` to ${m.release.relTo.join(', ')}` : ''} (${m.release.withheld} portion(s) left out)` : 'the whole brief';
  return [
    `brief:    ${m.brief.file} (SHA-256 ${m.brief.sha256}, of the ${m.brief.hashOf === 'file' ? 'file' : 'document as the app held it'})`,
    `app:      ${m.app.name} ${m.app.version}`,
    `profile:  ${m.profile}`,
    `marking:  ${m.banner || '(none)'}${m.draft ? ' — DRAFT, markings incomplete' : ''}`,
    `copy:     ${release}`,
    `sections (${m.sections.length}):`,
    ...m.sections.map((s) => `  ${s.marking ? `(${s.marking}) ` : ''}${s.id} — ${s.kind === 'linked' ? `follows the library, revision ${s.revision}` : 'own copy'}`),
    `facts (${m.facts.length}):`,
    ...m.facts.map((f) => `  ${f.marking ? `(${f.marking}) ` : ''}${f.id} — as of ${f.asOf}, ${f.url}`),
  ].join('\n');
}
