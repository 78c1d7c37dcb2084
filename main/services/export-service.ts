// Export: compose a brief against the libraries, lay it out as PDF or Word, and write it safely (temp file + rename).
import path from 'node:path';
import { compose } from '../../shared/compose/index.js';
import type { Brief } from '../../shared/model/brief.js';
import type { ComposedDoc } from '../../shared/model/composed-doc.js';
import type { Library } from '../../shared/model/library.js';
import { renderPdf } from '../pdf/index.js';
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

/** What the channel handlers ask of the export side. */
export interface Exporter {
  compose(brief: Brief): ComposedDoc;
  renderPreview(brief: Brief): Promise<RenderedBrief>;
  exportTo(brief: Brief, outPath: string, options: { pdfa: boolean } & ExportTargetOptions): Promise<RenderedBrief & { outPath: string }>;
  exportWordTo(brief: Brief, outPath: string, options?: ExportTargetOptions): Promise<RenderedWord & { outPath: string }>;
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

  compose(brief: Brief): ComposedDoc {
    return compose(brief, this.deps.library(), { today: this.deps.today() });
  }

  async render(brief: Brief, options: { pdfa: boolean; preview?: boolean }): Promise<RenderedBrief> {
    const doc = this.compose(brief);
    const pdf = await renderPdf(doc, { pdfa: options.pdfa, preview: options.preview, fontsDir: this.deps.fontsDir });
    return { doc, bytes: pdf.bytes, pageCount: pdf.pageCount, fontWarnings: pdf.warnings };
  }

  /** For the composer's live preview: the same pages and text as an export, written several times faster; never saved. */
  async renderPreview(brief: Brief): Promise<RenderedBrief> {
    return this.render(brief, { pdfa: false, preview: true });
  }

  /** The PDF reaches `outPath` only once complete: a failed export leaves any earlier file untouched. */
  async exportTo(brief: Brief, outPath: string, options: { pdfa: boolean } & ExportTargetOptions): Promise<RenderedBrief & { outPath: string }> {
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
  async renderWord(brief: Brief): Promise<RenderedWord> {
    const doc = this.compose(brief);
    // Loaded on first use: the docx package is large, and the PDF export and every other command never need it.
    const { renderDocx } = await import('../docx/index.js');
    const docx = await renderDocx(doc, { fontsDir: this.deps.fontsDir });
    return { doc, bytes: docx.bytes, noteCount: docx.noteCount };
  }

  /** The Word file, under the PDF's rules: target refused before rendering, written atomically (temp + rename). */
  async exportWordTo(brief: Brief, outPath: string, options: ExportTargetOptions = {}): Promise<RenderedWord & { outPath: string }> {
    await this.checkTarget(outPath, options, 'docx');
    const rendered = await this.renderWord(brief);
    return { ...rendered, outPath: await this.writeWord(rendered, outPath, options) };
  }

  /** Writes a Word file rendered earlier (the CLI's --strict looks at its warnings first); returns the absolute path. */
  async writeWord(rendered: RenderedWord, outPath: string, options: ExportTargetOptions = {}): Promise<string> {
    const target = path.resolve(outPath);
    await writeExportFile(target, rendered.bytes, targetCheck(outPath, options, 'docx'));
    this.lastExport = target;
    return target;
  }

  revealLastExport(): boolean {
    if (!this.lastExport || !this.deps.revealFile) return false;
    this.deps.revealFile(this.lastExport);
    return true;
  }
}
