// The one channel table: per API method, its argument schema (zod) and result type.
import { z } from 'zod';
import { Brief, TemplateId } from '../model/brief.js';
import type { ComposedDoc, ComposeWarning } from '../model/document.js';
import { Topic, type Fact } from '../model/library.js';
import type { MethodName } from './names.js';

export interface SectionSummary {
  id: string;
  title: string;
  topic: string;
  summary?: string;
  technologies: string[];
  countries: string[];
  revision: number;
}
export interface SearchHit {
  kind: 'fact' | 'section' | 'country' | 'forum';
  id: string;
  title: string;
  snippet?: string;
  score: number;
}
export interface PreviewResult {
  pdf: Uint8Array;
  pageCount: number;
  warnings: ComposeWarning[];
}
export type ExportResult =
  | { status: 'saved'; displayName: string; pageCount: number; warnings: ComposeWarning[]; fontWarnings: string[] }
  | { status: 'cancelled' };

/** A library fact with its review state on the service's "today" (shared/staleness.ts). */
export interface FactSummary {
  fact: Fact;
  stale: boolean;
  /** YYYY-MM-DD the fact is due for review. */
  reviewDue: string;
}

/** Documents (main/services/documents/document-service.ts): opaque handles, never paths, cross the bridge. */
export interface OpenDocument {
  handle: string;
  displayName: string;
  brief: Brief;
  hasFile: boolean;
  recovered: boolean;
}
export interface DocumentError {
  file: string;
  reason: string;
  message: string;
}
export type OpenDocumentResult =
  | { status: 'opened'; document: OpenDocument }
  | { status: 'already-open'; handle: string }
  | { status: 'canceled' }
  | { status: 'failed'; error: DocumentError };
export type SaveDocumentResult =
  | { status: 'saved'; displayName: string }
  | { status: 'canceled' }
  | { status: 'failed'; error: DocumentError; canReplace: boolean };
export interface RecentDocument {
  recentId: string;
  displayName: string;
  folder: string;
  openedAt: number;
}
export interface RecoveryOffer {
  recoveryId: string;
  displayName: string;
  title: string;
  savedAt: number;
  hasFile: boolean;
}

const Handle = z.string().min(1).max(100);
const SaveOptions = z.object({ replace: z.boolean().optional() }).strict();

export const SearchFilters = z
  .object({
    kinds: z.array(z.enum(['fact', 'section', 'country', 'forum'])).optional(),
    topic: Topic.optional(),
    technology: z.string().max(100).optional(),
    country: z.string().max(100).optional(),
  })
  .strict();

export const AssembleArgs = z
  .object({
    title: z.string().min(1).max(500),
    template: TemplateId,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sectionIds: z.array(z.string().max(200)).max(500),
    variables: z.record(z.string(), z.string()).optional(),
  })
  .strict();

/** P is the method's parameter list as TypeScript sees it; `args` validates the same list at runtime. */
const channel = <P extends unknown[], R>(args: z.ZodType) => ({ args, params: undefined as unknown as P, result: undefined as unknown as R });

export type SearchFilterSpec = z.infer<typeof SearchFilters>;
export type AssembleSpecArgs = z.infer<typeof AssembleArgs>;

/** Adding a capability = a schema here + a service method + a handler row (main/services/container.ts). */
export const CHANNELS = {
  appInfo: channel<[], { name: string; version: string }>(z.tuple([])),
  listSections: channel<[], SectionSummary[]>(z.tuple([])),
  searchLibrary: channel<[query: string, filters?: SearchFilterSpec], SearchHit[]>(z.tuple([z.string().max(500), SearchFilters.optional()])),
  assembleBrief: channel<[spec: AssembleSpecArgs], Brief>(z.tuple([AssembleArgs])),
  composeBrief: channel<[brief: Brief], ComposedDoc>(z.tuple([Brief])),
  previewPdf: channel<[brief: Brief], PreviewResult>(z.tuple([Brief])),
  exportPdf: channel<[brief: Brief, options: { pdfa: boolean }], ExportResult>(z.tuple([Brief, z.object({ pdfa: z.boolean() }).strict()])),
  listFacts: channel<[], FactSummary[]>(z.tuple([])),
  /** Snapshots into the brief's pins every library fact its sections cite (facts already pinned keep theirs). */
  pinCitedFacts: channel<[brief: Brief], Brief>(z.tuple([Brief])),
  /** Inserts a linked copy of a library section at `index` (end when omitted) and pins the facts it cites. */
  addSection: channel<[brief: Brief, sectionId: string, index?: number], Brief>(
    z.tuple([Brief, z.string().max(200), z.number().int().min(0).max(10_000).optional()]),
  ),
  /** Shows the last PDF this service exported in the file manager; false when there is none yet. */
  revealLastExport: channel<[], { revealed: boolean }>(z.tuple([])),
  newDocument: channel<[init: { title: string; template: TemplateId }], OpenDocument>(
    z.tuple([z.object({ title: z.string().min(1).max(500), template: TemplateId }).strict()]),
  ),
  openDocument: channel<[], OpenDocumentResult>(z.tuple([])),
  openRecentDocument: channel<[recentId: string], OpenDocumentResult>(z.tuple([Handle])),
  saveDocument: channel<[handle: string, brief: Brief, options?: { replace?: boolean }], SaveDocumentResult>(z.tuple([Handle, Brief, SaveOptions.optional()])),
  saveDocumentAs: channel<[handle: string, brief: Brief, options?: { replace?: boolean }], SaveDocumentResult>(z.tuple([Handle, Brief, SaveOptions.optional()])),
  recentDocuments: channel<[], RecentDocument[]>(z.tuple([])),
  /** Every edit: main keeps a recovery copy about a second behind. */
  markDocumentEdited: channel<[handle: string, brief: Brief], void>(z.tuple([Handle, Brief])),
  pendingRecovery: channel<[], RecoveryOffer[]>(z.tuple([])),
  restoreRecovery: channel<[recoveryId: string], OpenDocumentResult>(z.tuple([Handle])),
  discardRecovery: channel<[recoveryId: string], void>(z.tuple([Handle])),
  /** The document is closed (saved, or its changes given up): its recovery copy goes. */
  closeDocument: channel<[handle: string], void>(z.tuple([Handle])),
} satisfies Record<MethodName, { args: z.ZodType; params: unknown[]; result: unknown }>;

export type Channels = typeof CHANNELS;
export type ParamsOf<M extends MethodName> = Channels[M]['params'];
export type ResultOf<M extends MethodName> = Channels[M]['result'];

/** What the renderer sees as `window.briefing`. */
export type BriefingApi = { [M in MethodName]: (...args: ParamsOf<M>) => Promise<ResultOf<M>> };
/** What main implements: one handler per method, receiving validated arguments. */
export type Handlers = { [M in MethodName]: (...args: ParamsOf<M>) => Promise<ResultOf<M>> };
