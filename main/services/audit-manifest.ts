// The audit manifest every export carries inside its PDF: what was exported, from which brief, under which marking.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Brief } from '../../shared/model/brief.js';
import { sectionKey } from '../../shared/model/brief.js';
import type { ComposedDoc } from '../../shared/model/composed-doc.js';
import type { Library } from '../../shared/model/library.js';

/** Name of the embedded file in the PDF. */
export const MANIFEST_FILE = 'briefing-manifest.json';

export const AuditManifest = z
  .object({
    format: z.literal('briefing-builder/manifest'),
    version: z.literal(1),
    app: z.object({ name: z.string(), version: z.string() }),
    brief: z.object({
      /** The brief's file name (never a path). */
      file: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      /** 'file': the bytes of the file on disk (the CLI); 'document': the brief as the app held it, saved or not. */
      hashOf: z.enum(['file', 'document']),
    }),
    profile: z.string(),
    overall: z.string(),
    banner: z.string(),
    draft: z.boolean(),
    release: z.object({ level: z.string(), relTo: z.array(z.string()), withheld: z.number().int() }).nullable(),
    sections: z.array(z.object({ id: z.string(), kind: z.enum(['linked', 'detached']), revision: z.number().int().optional(), marking: z.string() })),
    facts: z.array(z.object({ id: z.string(), asOf: z.string(), url: z.string(), marking: z.string() })),
  })
  .strict();
export type AuditManifest = z.infer<typeof AuditManifest>;

export interface ManifestSource {
  file: string;
  sha256: string;
  hashOf: 'file' | 'document';
}

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The manifest of one composed copy. It names only what the copy holds — its sections and the facts its notes cite —
 * so a releasable copy's manifest says nothing about what was left out.
 */
export function buildManifest(doc: ComposedDoc, brief: Brief, source: ManifestSource, app: { name: string; version: string }, library: Library): AuditManifest {
  const byKey = new Map(brief.sections.map((s) => [sectionKey(s), s]));
  const sections = doc.sections.map((d) => {
    const s = byKey.get(d.key);
    return {
      id: d.key,
      kind: s?.kind ?? 'detached',
      ...(s?.kind === 'linked' ? { revision: s.revision } : {}),
      marking: d.marking ?? '',
    };
  });
  // A note stands for every fact from its source: each of them is listed, note by note.
  const facts = doc.notes.flatMap((n) =>
    (n.factIds ?? []).flatMap((id) => {
      const f = (Object.hasOwn(brief.pins, id) ? brief.pins[id] : undefined) ?? library.facts.get(id);
      return f ? [{ id: f.id, asOf: f.asOf, url: f.source.url, marking: f.marking ?? '' }] : [];
    }),
  );
  const d = doc.marking.derived;
  return {
    format: 'briefing-builder/manifest',
    version: 1,
    app,
    brief: { file: source.file, sha256: source.sha256, hashOf: source.hashOf },
    profile: doc.marking.profile,
    overall: doc.marking.overall,
    banner: doc.marking.banner,
    draft: doc.marking.draft,
    release: d ? { level: d.release, relTo: d.relTo, withheld: d.withheld } : null,
    sections,
    facts,
  };
}
