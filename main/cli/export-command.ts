// `briefing export`'s work after the arguments: refuse a bad --out before rendering, honour --strict for every warning, write.
import type { Brief } from '../../shared/model/brief.js';
import type { ComposeWarning } from '../../shared/model/composed-doc.js';
import { DocumentRefusedError } from '../../shared/errors.js';
import { MarkingErrorsRefused, type CopyOptions, type ExportService, type RenderedBrief } from '../services/export-service.js';
import { EXIT, UserError, type CliIO } from './io.js';
import { endPhase } from './phases.js';

export interface ExportRequest {
  /** The brief's file as the user typed it (named in every message, protected from being overwritten). */
  file: string;
  /** --out as the user typed it. */
  out: string;
  pdfa: boolean;
  strict: boolean;
  /** --release/--rel-to/--draft, and the brief's file name for the derived-copy notice. */
  copy: CopyOptions;
  /** Files the export must never replace; by default the brief itself (a batch protects all its briefs). */
  protect?: readonly string[];
}

/** A draft's marking errors are printed too, as what makes it a draft. */
export function formatWarning(w: ComposeWarning): string {
  const kind = w.severity === 'error' ? 'marking error (DRAFT)' : 'warning';
  return `${kind}: ${w.sectionKey ? `section ${w.sectionKey}: ` : ''}${w.message}`;
}

/**
 * Marking errors stop the export: one line per error on stderr, exit 3, nothing written. A marking the profile does not
 * know is bad input rather than unfinished work (exit 1), even for a draft.
 */
export async function refusingMarkingErrors(file: string, draft: boolean, work: () => Promise<number>, io: CliIO): Promise<number> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof MarkingErrorsRefused)) throw err;
    for (const e of err.errors) io.stderr(`briefing: ${file}: marking error: ${e.message}`);
    const unknown = err.errors.some((e) => e.code === 'unknown-marking');
    io.stderr(`briefing: ${file}: ${err.errors.length} marking error(s): nothing written — fix them${unknown || draft ? '' : ', or pass --draft for a copy marked DRAFT — MARKINGS INCOMPLETE'}`);
    return unknown ? EXIT.badInput : EXIT.strictWarnings;
  }
}

/** Every warning of a rendered brief, compose's and the PDF engine's (missing glyphs, right-to-left text): --strict counts them all. */
export function renderWarnings(rendered: Pick<RenderedBrief, 'doc' | 'fontWarnings'>): string[] {
  return [...rendered.doc.warnings.map(formatWarning), ...rendered.fontWarnings.map((w) => `warning: ${w}`)];
}

/** Compose and the engines refuse a document (too long, too deep) without knowing its file; the refusal is about this brief, so it is named. */
export async function namingTheBrief<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DocumentRefusedError) throw new UserError(`${file}: ${err.message}`);
    throw err;
  }
}

/** Renders into memory first: under --strict a warning of any kind means exit 3 and nothing written. */
export async function exportBrief(exporter: ExportService, brief: Brief, request: ExportRequest, io: CliIO): Promise<number> {
  return refusingMarkingErrors(request.file, !!request.copy.draft, () => exportChecked(exporter, brief, request, io), io);
}

async function exportChecked(exporter: ExportService, brief: Brief, request: ExportRequest, io: CliIO): Promise<number> {
  const { file, out, pdfa, strict } = request;
  const target = { label: out, protect: request.protect ?? [file] };
  await exporter.checkTarget(out, target);
  const rendered = await namingTheBrief(file, () => exporter.render(brief, { pdfa, ...request.copy }));
  const warnings = renderWarnings(rendered);
  for (const w of warnings) io.stderr(`briefing: ${file}: ${w}`);
  if (strict && warnings.length) {
    io.stderr(`briefing: ${file}: ${warnings.length} warning(s) and --strict: no PDF written`);
    return EXIT.strictWarnings;
  }
  await exporter.writeRendered(rendered, out, target);
  endPhase('output');
  const marking = rendered.doc.marking;
  const what = [
    `${rendered.pageCount} page${rendered.pageCount === 1 ? '' : 's'}`,
    ...(pdfa ? ['PDF/A'] : []),
    ...(marking.banner ? [marking.banner] : []),
    ...(marking.derived ? [`releasable copy, ${marking.derived.withheld} portion(s) left out`] : []),
  ];
  io.stdout(`wrote ${out} (${what.join(', ')})`);
  return EXIT.ok;
}
