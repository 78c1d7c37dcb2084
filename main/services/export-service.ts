// Export: compose a brief against the libraries, lay it out as PDF or Word, and write it safely (temp file + rename).
import path from 'node:path';
import { compose } from '../../shared/compose/index.js';
import type { Brief } from '../../shared/model/brief.js';
import { markingErrors, type ComposedDoc, type ComposeWarning } from '../../shared/model/composed-doc.js';
import type { Library } from '../../shared/model/library.js';
import { EXIT, UserFacingError } from '../../shared/errors.js';
import { NO_MARKING_PROFILE, parseRelease, type MarkingProfile, type ReleaseTarget } from '../../shared/markings/index.js';
import { renderPdf, type PdfAttachment } from '../pdf/index.js';
import { appVersion } from './app-paths.js';
import { buildManifest, MANIFEST_FILE, sha256Hex, type ManifestSource } from './audit-manifest.js';
import { checkExportTarget, writeExportFile, type ExportFormat, type TargetCheck } from './export-target.js';

export interface ExportDeps {
  library: () => Library;
  fontsDir: string;
  today: () => Date;
  /** Shows a file in the system's file manager; absent where there is none (the CLI, tests that do not ask). */
  revealFile?: (file: string) => void;
}

/** How an export names its target in messages and which files it must never replace (export-target.ts). */
export interface ExportTargetOptions {
  /** The target as the user named it (the CLI's --out); by default its base name. */
  label?: string;
  /** Files the export must never replace whatever their content: the brief being exported. */
  protect?: readonly string[];
}

export interface RenderedBrief {
  doc: ComposedDoc;
  bytes: Uint8Array;
  pageCount: number;
  fontWarnings: string[];
}

/** A brief rendered as .docx (main/docx), not yet written. */
export interface RenderedWord {
  doc: ComposedDoc;
  bytes: Uint8Array;
  /** Word endnotes written: the PDF's notes, with the same numbers. */
  noteCount: number;
}

/** Which copy of a brief: the whole one, a releasable copy, and whether marking errors may go out as a DRAFT. */
export interface CopyOptions {
  /** A releasable copy (levels and countries as the user gave them; checked against the brief's profile). */
  release?: { level: string; relTo?: readonly string[] };
  /** Export despite marking errors: every page's banner says DRAFT — MARKINGS INCOMPLETE. */
  draft?: boolean;
  /** The brief file's name, for the derived-copy notice and the manifest. */
  source?: string;
  /** SHA-256 of the brief file's bytes (the CLI read them); without it the manifest hashes the brief as held in memory. */
  sourceSha256?: string;
}

/**
 * Export refused because of marking errors (an unmarked portion, an unfilled authority field, a fact above its
 * portion): one line per error, exit 3. A DRAFT copy can still be exported.
 */
export class MarkingErrorsRefused extends UserFacingError {
  constructor(readonly errors: ComposeWarning[]) {
    super(
      `markings are incomplete (${errors.length} ${errors.length === 1 ? 'error' : 'errors'}); fix them, or export a DRAFT copy:\n${errors.map((e) => `  ${e.message}`).join('\n')}`,
      EXIT.strictWarnings,
    );
  }
}

/** What the channel handlers ask of the export side. */
export interface Exporter {
  compose(brief: Brief, copy?: CopyOptions): ComposedDoc;
  renderPreview(brief: Brief, copy?: Pick<CopyOptions, 'release'>): Promise<RenderedBrief>;
  exportTo(brief: Brief, outPath: string, options: { pdfa: boolean } & CopyOptions & ExportTargetOptions): Promise<RenderedBrief & { outPath: string }>;
  exportWordTo(brief: Brief, outPath: string, options?: CopyOptions & ExportTargetOptions): Promise<RenderedWord & { outPath: string }>;
  /** The profiles of the current libraries, by name. */
  markingProfiles(): MarkingProfile[];
  /** Shows the last PDF or Word file this service wrote in the file manager; false when it has written none (or cannot show files). */
  revealLastExport(): boolean;
}

function targetCheck(outPath: string, options: ExportTargetOptions, format: ExportFormat = 'pdf'): TargetCheck {
  return { format, label: options.label ?? path.basename(outPath), ...(options.protect && { protect: options.protect }) };
}

export class ExportService implements Exporter {
  /** Only a path this service wrote itself may be revealed: the renderer never names a file. */
  private lastExport: string | null = null;

  constructor(private readonly deps: ExportDeps) {}

  /** The composed copy; a release level or country the brief's profile does not know is refused (UserFacingError). */
  compose(brief: Brief, copy: CopyOptions = {}): ComposedDoc {
    const library = this.deps.library();
    const release = copy.release ? this.releaseTarget(brief, library, copy.release) : undefined;
    return compose(brief, library, {
      today: this.deps.today(),
      ...(release && { release: { ...release, ...(copy.source && { source: copy.source }) } }),
      ...(copy.draft && { draft: true }),
    });
  }

  private releaseTarget(brief: Brief, library: Library, release: NonNullable<CopyOptions['release']>): ReleaseTarget {
    const profile = library.markingProfiles.get(brief.meta.marking);
    if (!profile || profile.id === NO_MARKING_PROFILE.id) {
      throw new UserFacingError(`a releasable copy needs a marking profile, and this brief uses "${brief.meta.marking}" — choose a profile in Settings first`);
    }
    const parsed = parseRelease(profile, release.level, release.relTo ?? []);
    if (!parsed.ok) throw new UserFacingError(parsed.message);
    return parsed.target;
  }

  /** Composes, refuses marking errors unless this is a draft or a preview, and lays the copy out. */
  async render(brief: Brief, options: { pdfa: boolean; preview?: boolean } & CopyOptions): Promise<RenderedBrief> {
    const doc = this.compose(brief, { ...options, draft: options.draft || options.preview });
    if (!options.preview) refuseMarkingErrors(doc);
    const attachments = options.preview ? [] : [this.manifestAttachment(doc, brief, options)];
    const pdf = await renderPdf(doc, { pdfa: options.pdfa, preview: options.preview, fontsDir: this.deps.fontsDir, attachments });
    return { doc, bytes: pdf.bytes, pageCount: pdf.pageCount, fontWarnings: pdf.warnings };
  }

  /** The audit manifest of this copy, as the JSON file the PDF embeds (audit-manifest.ts). */
  private manifestAttachment(doc: ComposedDoc, brief: Brief, copy: CopyOptions): PdfAttachment {
    const source: ManifestSource = copy.sourceSha256
      ? { file: copy.source ?? 'brief', sha256: copy.sourceSha256, hashOf: 'file' }
      : { file: copy.source ?? `${brief.meta.title}.brief`, sha256: sha256Hex(JSON.stringify(brief)), hashOf: 'document' };
    const manifest = buildManifest(doc, brief, source, { name: 'Briefing Builder', version: appVersion() }, this.deps.library());
    return { name: MANIFEST_FILE, type: 'application/json', description: 'Briefing Builder audit manifest', data: new TextEncoder().encode(JSON.stringify(manifest, null, 2)) };
  }

  /**
   * For the composer's live preview: the same pages and text as an export, written several times faster; never
   * saved. Marking errors never stop it: it shows the DRAFT banner until they are fixed.
   */
  async renderPreview(brief: Brief, copy: Pick<CopyOptions, 'release'> = {}): Promise<RenderedBrief> {
    return this.render(brief, { pdfa: false, preview: true, ...copy });
  }

  /** The PDF reaches `outPath` only once complete: a failed export leaves any earlier file untouched. */
  async exportTo(brief: Brief, outPath: string, options: { pdfa: boolean } & CopyOptions & ExportTargetOptions): Promise<RenderedBrief & { outPath: string }> {
    // Refused before the work of rendering, and checked again just before writing (export-target.ts).
    await this.checkTarget(outPath, options);
    const rendered = await this.render(brief, options);
    return { ...rendered, outPath: await this.writeRendered(rendered, outPath, options) };
  }

  /** Refuses an export target that would replace the brief or a file that is not a PDF (UserFacingError). */
  async checkTarget(outPath: string, options: ExportTargetOptions = {}, format: ExportFormat = 'pdf'): Promise<void> {
    await checkExportTarget(path.resolve(outPath), targetCheck(outPath, options, format));
  }

  /** Writes PDF bytes rendered earlier (the CLI's --strict looks at their warnings first) under the same rules; returns the absolute path. */
  async writeRendered(rendered: RenderedBrief, outPath: string, options: ExportTargetOptions = {}): Promise<string> {
    const target = path.resolve(outPath);
    await writeExportFile(target, rendered.bytes, targetCheck(outPath, options));
    this.lastExport = target;
    return target;
  }

  /** The same composed document as the PDF, as .docx: Markdown is never rendered twice. */
  async renderWord(brief: Brief, copy: CopyOptions = {}): Promise<RenderedWord> {
    const doc = this.compose(brief, copy);
    refuseMarkingErrors(doc);
    // Loaded on first use: the docx package is large, and the PDF export and every other command never need it.
    const { renderDocx } = await import('../docx/index.js');
    const docx = await renderDocx(doc, { fontsDir: this.deps.fontsDir });
    return { doc, bytes: docx.bytes, noteCount: docx.noteCount };
  }

  /** The Word file, under the PDF's rules: target refused before rendering, written atomically (temp + rename). */
  async exportWordTo(brief: Brief, outPath: string, options: CopyOptions & ExportTargetOptions = {}): Promise<RenderedWord & { outPath: string }> {
    await this.checkTarget(outPath, options, 'docx');
    const rendered = await this.renderWord(brief, options);
    return { ...rendered, outPath: await this.writeWord(rendered, outPath, options) };
  }

  /** Writes a Word file rendered earlier (the CLI's --strict looks at its warnings first); returns the absolute path. */
  async writeWord(rendered: RenderedWord, outPath: string, options: ExportTargetOptions = {}): Promise<string> {
    const target = path.resolve(outPath);
    await writeExportFile(target, rendered.bytes, targetCheck(outPath, options, 'docx'));
    this.lastExport = target;
    return target;
  }

  markingProfiles(): MarkingProfile[] {
    return [...this.deps.library().markingProfiles.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  revealLastExport(): boolean {
    if (!this.lastExport || !this.deps.revealFile) return false;
    this.deps.revealFile(this.lastExport);
    return true;
  }
}

/**
 * A copy with marking errors goes out only as a DRAFT (whose banner says so). A marking the profile cannot read is
 * wrong input, not unfinished work: not even a draft goes out with it, as its banner could not be computed.
 */
function refuseMarkingErrors(doc: ComposedDoc): void {
  const errors = markingErrors(doc);
  const unreadable = errors.filter((e) => e.code === 'unknown-marking');
  if (unreadable.length) throw new MarkingErrorsRefused(unreadable);
  if (!doc.marking.draft && errors.length) throw new MarkingErrorsRefused(errors);
}
