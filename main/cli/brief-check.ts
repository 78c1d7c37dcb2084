// `briefing check FILE.brief [--update]`: what changed in the libraries since the brief pinned its facts and sections.
import { briefChanges, updateLinkedSection, updatePin } from '../../shared/brief-changes.js';
import type { Library } from '../../shared/model/library.js';
import { readBriefFile } from '../services/documents/brief-file.js';
import { saveBriefFromCli } from './save-brief.js';
import { EXIT, type CliIO } from './io.js';

const show = (v: unknown) => (v === undefined ? '(none)' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export async function runBriefCheck(file: string, library: Library, io: CliIO, options: { update: boolean }): Promise<number> {
  let brief = await readBriefFile(file);
  const changes = briefChanges(brief, library);
  for (const pin of changes.changedPins) {
    io.stdout(`${file}: fact "${pin.factId}" changed in the library since it was pinned:`);
    for (const f of pin.fields) io.stdout(`  ${f.field}: ${show(f.pinned)} -> ${show(f.library)}`);
  }
  for (const id of changes.missingPins) io.stdout(`${file}: fact "${id}" is no longer in the library; the brief keeps its pinned copy`);
  for (const u of changes.sectionUpdates) {
    io.stdout(`${file}: section "${u.sectionId}" has an update (revision ${u.fromRevision} -> ${u.toRevision})`);
  }
  for (const id of changes.missingSections) io.stdout(`${file}: section "${id}" is no longer in the library; the brief keeps its copy`);
  const updatable = changes.changedPins.length + changes.sectionUpdates.length;
  if (updatable === 0) {
    io.stdout(`${file}: up to date with the libraries (${Object.keys(brief.pins).length} pinned facts, ${brief.sections.length} sections)`);
    return EXIT.ok;
  }
  if (!options.update) {
    io.stdout(`${file}: ${updatable} update(s) available; run again with --update to apply them (a .bak of the file is kept)`);
    return EXIT.ok;
  }
  for (const pin of changes.changedPins) brief = updatePin(brief, pin.factId, library);
  for (const id of new Set(changes.sectionUpdates.map((u) => u.sectionId))) brief = updateLinkedSection(brief, id, library);
  await saveBriefFromCli(file, file, brief);
  io.stdout(`${file}: applied ${updatable} update(s); the previous version is in ${file}.bak`);
  return EXIT.ok;
}
