// The `briefing` command: export, new, check, list — the same services as the app, no Electron.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseArgsConfig } from 'node:util';
import { assembleBrief } from '../../shared/assemble.js';
import { TEMPLATE_IDS, TemplateId, type Brief } from '../../shared/model/brief.js';
import { isoDay } from '../../shared/staleness.js';
import { EXIT, guarded, parseCommandArgs, processIO, UsageError, UserError, type CliIO } from './io.js';
import { mountsFor, runCheck, runList } from './library-commands.js';
import { runBriefCheck } from './brief-check.js';
import { exportBrief, formatWarning, namingTheBrief, refusingMarkingErrors, type ExportRequest } from './export-command.js';
import { checkNewOptions } from './new-args.js';
import { BriefQueue, drainQueue, exportCaptured, runBatchExport, type BatchFormat, type ExportOne } from './batch-export.js';
import { threadHelpers, type HelperReport, type HelperRequest } from './batch-threads.js';
import { applySectionMarkings, parseFields, profileNamed, splitSectionArg } from './marking-args.js';
import { appVersion, bundledLibraryDir, fontsDir } from '../services/app-paths.js';
import { readBriefFileWithBytes } from '../services/documents/brief-file.js';
import { saveBriefFromCli } from './save-brief.js';
import { inspectPdf } from './inspect-command.js';
import { ExportService } from '../services/export-service.js';
import { sha256Hex } from '../services/audit-manifest.js';
import { LibraryService } from '../services/library-service.js';
import { cliCacheDir } from '../services/cache-dir.js';
import { BUILD_ID } from '../services/build-id.js';
import { keepLinesBetweenExports, usePersistentEngineCache } from '../pdf/index.js';
import { endPhase } from './phases.js';

const EXPORT_USAGE = `  briefing export FILE.brief --out FILE.pdf|FILE.docx [--format pdf|docx] [--pdfa] [--strict] [--library DIR]...
                 [--release LEVEL [--rel-to CC]...] [--draft]
  briefing export FILE.brief... | FOLDER... --out-dir DIR [--jobs N] [the options above but --out]
                 one process for all: DIR/<name>.pdf (.docx with --format docx) for each brief, a folder's *.brief
                 files (not its subfolders); a line per brief on stderr, a summary on stdout, the worst exit code;
                 --jobs N renders N briefs at once, one thread each (default: one per two cores, at most 4, for big batches)`;

const EXIT_CODES = 'exit codes: 0 done, 1 bad input, 2 usage, 3 marking errors (export without --draft) or --strict and warnings present';

const USAGE = `usage:
${EXPORT_USAGE}
  briefing new --template ID --title TEXT --section ID[:MARKING] [--section ...]... [--var k=v]... [--date YYYY-MM-DD]
               [--profile PROFILE_ID] [--field NAME=VALUE]... --out FILE.brief
  briefing inspect FILE.pdf [--json]         the audit manifest an exported PDF carries
  briefing check [--library DIR]...          validate libraries
  briefing check FILE.brief [--update]       pinned facts / linked sections changed in the libraries?
  briefing list sections|facts|templates|countries|forums [--search Q] [--topic T] [--json]
${EXIT_CODES}`;

/** "Today" for staleness; BRIEFING_TODAY=YYYY-MM-DD pins it for reproducible runs. */
function today(): Date {
  const fixed = process.env.BRIEFING_TODAY;
  return fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? new Date(`${fixed}T00:00:00Z`) : new Date();
}

function usage(message: string): never {
  throw new UsageError(message, USAGE);
}

const parse = <const O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) =>
  parseCommandArgs(argv, options, 'see `briefing --help`');

/**
 * Shaped words, paragraph layouts and font subsets from earlier exports, kept in the user's cache folder by build and
 * font content (main/pdf/engine-cache.ts); the bundled command only, as code run from source has no build id.
 */
function useEngineCache(role: 'main' | 'helper' = 'main'): void {
  const dir = cliCacheDir();
  // The build ships a cache made by exporting the examples (scripts/build-node.mjs), next to the bundle.
  const seedDir = fileURLToPath(new URL('./cache-seed/', import.meta.url));
  // A batch's helper threads read the file the main thread keeps and never write it: two threads of one process
  // never write one file.
  usePersistentEngineCache(dir && BUILD_ID ? { dir, buildId: BUILD_ID, seedDir, readOnly: role === 'helper' } : undefined);
}

async function libraries(extra: string[] | undefined, io: CliIO, role: 'main' | 'helper' = 'main'): Promise<LibraryService> {
  // Unchanged library files come from the parse cache in the user's cache folder (BRIEFING_CACHE_DIR=off: none);
  // a batch's helper threads read it and leave writing it to the main thread.
  const cacheDir = cliCacheDir();
  const service = new LibraryService(mountsFor({ bundledDir: bundledLibraryDir(), today: today() }, extra), cacheDir ? { cacheDir, writeCaches: role === 'main' } : {});
  await service.load();
  endPhase('library');
  const errors = service.problems().filter((p) => p.severity === 'error');
  if (errors.length) io.stderr(`briefing: warning: the libraries have ${errors.length} problem(s); run \`briefing check\` for details`);
  return service;
}

type ExportFormat = 'pdf' | 'docx';

/** `--format` wins; otherwise the extension of `--out` decides, and anything but .docx stays a PDF (as before). */
function exportFormat(out: string, format: string | undefined): ExportFormat {
  if (format === undefined) return path.extname(out).toLowerCase() === '.docx' ? 'docx' : 'pdf';
  if (format === 'pdf' || format === 'docx') return format;
  return usage(`--format must be pdf or docx, got "${format}"`);
}

/** As the PDF export: the target refused before rendering, the same warnings, --strict exits 3 with nothing written. */
async function exportWordBrief(exporter: ExportService, brief: Brief, request: ExportRequest, io: CliIO): Promise<number> {
  const { file, out, strict } = request;
  const target = { label: out, protect: request.protect ?? [file] };
  await exporter.checkTarget(out, target, 'docx');
  const rendered = await exporter.renderWord(brief, request.copy);
  const warnings = rendered.doc.warnings.map(formatWarning);
  for (const w of warnings) io.stderr(`briefing: ${file}: ${w}`);
  if (strict && warnings.length) {
    io.stderr(`briefing: ${file}: ${warnings.length} warning(s) and --strict: no Word file written`);
    return EXIT.strictWarnings;
  }
  await exporter.writeWord(rendered, out, target);
  io.stdout(`wrote ${out} (Word, ${rendered.noteCount} endnote${rendered.noteCount === 1 ? '' : 's'})`);
  return EXIT.ok;
}

const EXPORT_OPTIONS = {
  out: { type: 'string' },
  'out-dir': { type: 'string' },
  format: { type: 'string' },
  pdfa: { type: 'boolean', default: false },
  strict: { type: 'boolean', default: false },
  library: { type: 'string', multiple: true },
  release: { type: 'string' },
  'rel-to': { type: 'string', multiple: true },
  draft: { type: 'boolean', default: false },
  jobs: { type: 'string', short: 'j' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type ExportValues = ReturnType<typeof parse<typeof EXPORT_OPTIONS>>['values'];

/** One brief already read, exported as `format` to `out` (the single export and each brief of a batch). */
async function exportReadBrief(exporter: ExportService, { brief, bytes }: { brief: Brief; bytes: Buffer }, file: string, out: string, format: ExportFormat, values: ExportValues, io: CliIO, protect?: readonly string[]): Promise<number> {
  const copy = {
    ...(values.release && { release: { level: values.release, relTo: values['rel-to'] ?? [] } }),
    ...(values.draft && { draft: true }),
    source: path.basename(file),
    sourceSha256: sha256Hex(bytes),
  };
  const request = { file, out, pdfa: values.pdfa, strict: values.strict, copy, ...(protect && { protect }) };
  if (format === 'pdf') return exportBrief(exporter, brief, request, io);
  return refusingMarkingErrors(file, values.draft, () => namingTheBrief(file, () => exportWordBrief(exporter, brief, request, io)), io);
}

const isFolder = (file: string) => fs.stat(file).then((s) => s.isDirectory(), () => false);

async function runExport(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, EXPORT_OPTIONS);
  if (values.help) {
    io.stdout(`usage:\n${EXPORT_USAGE}\n${EXIT_CODES}`);
    return EXIT.ok;
  }
  const file = positionals[0];
  if (!file) usage('export needs a FILE.brief (or several, or folders of them, with --out-dir DIR)');
  const batch = values['out-dir'] !== undefined || positionals.length > 1 || (await isFolder(file));
  if (batch) return runExportBatch(argv, positionals, values, io);
  if (!values.out) usage('export needs --out FILE.pdf or --out FILE.docx');
  if (values.jobs !== undefined) usage('--jobs applies to a batch (several briefs, or a folder, with --out-dir DIR); drop it to export one brief');
  // One document, then the process ends: nothing would reuse its lines (export-line-cache.ts).
  keepLinesBetweenExports(false);
  const format = exportFormat(values.out, values.format);
  if (format === 'docx' && values.pdfa) usage('--pdfa applies to PDF export only; drop it or write a .pdf');
  if (values['rel-to']?.length && !values.release) usage('--rel-to needs --release LEVEL (the highest level the copy may hold)');
  const read = await readBriefFileWithBytes(file);
  const lib = await libraries(values.library, io);
  const exporter = new ExportService({ library: () => lib.library(), fontsDir: fontsDir(), today });
  return exportReadBrief(exporter, read, file, values.out, format, values, io);
}

/** --jobs N: how many briefs a batch renders at once, one thread each. */
function jobsOption(values: ExportValues): number | undefined {
  const raw = values.jobs;
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 64) usage(`--jobs must be a whole number from 1 to 64 (briefs rendered at once, one thread each), got "${raw}"`);
  return n;
}

/** The batch's options checked, as the main thread and each helper thread read them from the same arguments. */
function batchFormat(inputs: string[], values: ExportValues): BatchFormat {
  if (values.out !== undefined) usage(`--out names one file; to export ${inputs.length > 1 ? 'several briefs' : 'a folder of briefs'}, give --out-dir DIR instead (each brief becomes DIR/<name>.pdf)`);
  if (values['out-dir'] === undefined) usage(`to export ${inputs.length > 1 ? 'several briefs' : 'a folder of briefs'}, give --out-dir DIR (each brief becomes DIR/<name>.pdf)`);
  const format = values.format ?? 'pdf';
  if (format !== 'pdf' && format !== 'docx') usage(`--format must be pdf or docx, got "${format}"`);
  if (format === 'docx' && values.pdfa) usage('--pdfa applies to PDF export only; drop it or use --format pdf');
  if (values['rel-to']?.length && !values.release) usage('--rel-to needs --release LEVEL (the highest level the copy may hold)');
  return format;
}

/** One brief of a batch, exported by whichever thread took it: the libraries, fonts and engine loaded once per thread. */
async function batchExporter(values: ExportValues, format: BatchFormat, io: CliIO, role: 'main' | 'helper'): Promise<ExportOne> {
  const lib = await libraries(values.library, io, role);
  const exporter = new ExportService({ library: () => lib.library(), fontsDir: fontsDir(), today });
  return async (file, out, protect, briefIO) => exportReadBrief(exporter, await readBriefFileWithBytes(file), file, out, format, values, briefIO, protect);
}

/** Several briefs, or folders of them: the libraries, fonts and engine are loaded once for all (batch-export.ts), and once more in each helper thread. */
async function runExportBatch(argv: string[], inputs: string[], values: ExportValues, io: CliIO): Promise<number> {
  const format = batchFormat(inputs, values);
  const jobs = jobsOption(values);
  const exportOne = await batchExporter(values, format, io, 'main');
  // The built command's start file, which helper threads run too (boot.ts); none when run from source.
  const script = fileURLToPath(new URL('./cli.cjs', import.meta.url));
  const helpers = BUILD_ID ? threadHelpers(script, argv, jobs, (line) => process.env.BRIEFING_DEBUG === '1' && io.stderr(line)) : undefined;
  return runBatchExport({ inputs, outDir: values['out-dir']!, format }, exportOne, io, helpers);
}

/** A batch's helper thread (batch-threads.ts): the same export, taking briefs from the shared queue until none is left. */
export async function runBatchHelper(request: HelperRequest, send: (report: HelperReport) => void): Promise<void> {
  const { values, positionals } = parse(request.argv, EXPORT_OPTIONS);
  useEngineCache('helper');
  const silent: CliIO = { stdout: () => {}, stderr: () => {} };
  const exportOne = await batchExporter(values, batchFormat(positionals, values), silent, 'helper');
  const queue = new BriefQueue(request.files.length, request.queue);
  await drainQueue(
    queue,
    (i) => exportCaptured(exportOne, request.files[i]!, request.outs[i]!, request.files),
    (i, outcome) => send({ i, outcome }),
  );
}

async function runNew(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    template: { type: 'string' },
    title: { type: 'string' },
    subtitle: { type: 'string' },
    author: { type: 'string', multiple: true },
    section: { type: 'string', multiple: true },
    var: { type: 'string', multiple: true },
    date: { type: 'string' },
    marking: { type: 'string' },
    profile: { type: 'string' },
    field: { type: 'string', multiple: true },
    paper: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    library: { type: 'string', multiple: true },
  });
  if (positionals.length) usage(`unexpected argument "${positionals[0]}"`);
  const template = TemplateId.safeParse(values.template);
  if (!template.success) usage(`--template must be one of ${TEMPLATE_IDS.join(', ')}`);
  if (!values.title) usage('new needs --title TEXT');
  if (!values.section?.length) usage('new needs at least one --section ID');
  if (!values.out) usage('new needs --out FILE.brief');
  const { paper, variables } = checkNewOptions(values);
  const out = path.resolve(values.out);
  if (!values.force && (await fs.stat(out).catch(() => null))) {
    throw new UserError(`${values.out}: already exists; choose another --out or pass --force to replace it`);
  }
  if (values.profile && values.marking && values.profile !== values.marking) usage('--marking is the older name of --profile: give one of them');
  const lib = await libraries(values.library, io);
  const profile = profileNamed(values.profile ?? values.marking, lib.library());
  const fields = parseFields(values.field ?? [], profile);
  const sectionArgs = values.section.map(splitSectionArg);
  const markings = new Map(sectionArgs.filter((a) => a.marking !== undefined).map((a) => [a.id, a.marking!]));
  const assembled = assembleBrief(
    {
      title: values.title,
      template: template.data,
      date: values.date ?? isoDay(today()),
      sectionIds: sectionArgs.map((a) => a.id),
      variables,
      meta: {
        ...(values.subtitle ? { subtitle: values.subtitle } : {}),
        ...(values.author ? { authors: values.author } : {}),
        ...(profile ? { marking: profile.id } : {}),
        ...(Object.keys(fields).length ? { markingFields: fields } : {}),
        ...(paper ? { paper } : {}),
      },
    },
    lib.library(),
  );
  const brief = applySectionMarkings(assembled, markings, profile);
  await saveBriefFromCli(values.out, out, brief, { force: values.force });
  io.stdout(`wrote ${values.out} (${brief.sections.length} sections, ${Object.keys(brief.pins).length} pinned facts)`);
  return EXIT.ok;
}

async function runCheckBrief(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { update: { type: 'boolean', default: false }, library: { type: 'string', multiple: true } });
  if (positionals.length !== 1) usage('check takes one FILE.brief');
  const lib = await libraries(values.library, io);
  return runBriefCheck(positionals[0]!, lib.library(), io, { update: values.update });
}

async function runInspect(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean', default: false } });
  if (positionals.length !== 1) usage('inspect takes one FILE.pdf');
  return inspectPdf(positionals[0]!, values.json, io);
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  return guarded(io, async () => {
    switch (command) {
      case 'export':
        useEngineCache();
        return await runExport(rest, io);
      case 'new':
        return await runNew(rest, io);
      case 'check':
        return rest.some((a) => a.endsWith('.brief')) ? await runCheckBrief(rest, io) : await runCheck(rest, io, { bundledDir: bundledLibraryDir(), today: today() });
      case 'inspect':
        return await runInspect(rest, io);
      case 'list':
        return await runList(rest, io, { bundledDir: bundledLibraryDir(), today: today() });
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return EXIT.ok;
      case '--version':
        io.stdout(`briefing ${appVersion()}`);
        return EXIT.ok;
      default:
        return usage(command ? `unknown command "${command}"` : 'no command given');
    }
  });
}
