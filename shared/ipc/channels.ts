// The one channel table: per API method, its argument schema (zod) and result type.
import { z } from 'zod';
import { Brief, SectionStyle, TemplateId } from '../model/brief.js';
import type { ComposedDoc, ComposeWarning } from '../model/composed-doc.js';
import { Topic, type Fact } from '../model/library.js';
import type { MethodName } from './names.js';
import type { MarkingProfile } from '../markings/profile.js';
import type { BriefChanges, LibraryPatch, LinkedBriefSection } from '../brief-changes.js';
import type { ExampleItem, OpenDocument, OpenResult, RecentItem, RecoveryOffer, SaveResult } from '../model/document-handles.js';
export type { DocumentError, ExampleItem, OpenDocument, OpenResult, RecentItem, RecoveryOffer, SaveResult } from '../model/document-handles.js';

/** Which mounted library an item comes from; `libraryId` is the opaque id of listLibraries, never a path. */
export interface ItemSource {
  libraryId: string;
  kind: LibraryKind;
  name: string;
}
export type LibraryKind = 'bundled' | 'team' | 'personal';

export interface SectionSummary {
  id: string;
  title: string;
  topic: string;
  summary?: string;
  technologies: string[];
  countries: string[];
  revision: number;
  source?: ItemSource;
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
/** Marking errors stop an export before any dialog: the composer lists them (a DRAFT copy can still be asked for). */
export type BlockedExport = { status: 'blocked'; errors: ComposeWarning[] };
export type ExportResult =
  | { status: 'saved'; displayName: string; pageCount: number; warnings: ComposeWarning[]; fontWarnings: string[] }
  | { status: 'canceled' }
  | BlockedExport;

/** A Word export: the file's name (never its path), the endnotes written and compose's warnings (the PDF's). */
export type WordExportResult = { status: 'saved'; displayName: string; noteCount: number; warnings: ComposeWarning[] } | { status: 'canceled' } | BlockedExport;

/** A releasable copy: the highest level it may hold and the countries it goes to (checked against the brief's profile). */
export const ReleaseArgs = z.object({ level: z.string().min(1).max(80), relTo: z.array(z.string().min(1).max(8)).max(50).optional() }).strict();
export type ReleaseArgs = z.infer<typeof ReleaseArgs>;
/** Which copy an export writes: a DRAFT despite marking errors, and/or a releasable copy. */
export const CopyArgs = z.object({ draft: z.boolean().optional(), release: ReleaseArgs.optional() }).strict();
export type CopyArgs = z.infer<typeof CopyArgs>;

/** A library fact with its review state on the service's "today" (shared/staleness.ts). */
export interface FactSummary {
  fact: Fact;
  stale: boolean;
  /** YYYY-MM-DD the fact is due for review. */
  reviewDue: string;
  source?: ItemSource;
  /** The user's dated review (personal library), which overrides the fact's own review date; `ownDue` is that date. */
  review?: { reviewedOn: string; note?: string; ownDue: string };
}

/** One of the user's dated fact reviews, as the Libraries view lists them (the fact may no longer be in any library). */
export interface FactReviewInfo {
  factId: string;
  reviewedOn: string;
  note?: string;
  /** The fact's statement and its own review date, when a mounted library has the fact. */
  statement?: string;
  ownDue?: string;
}

/** One mounted library as the Libraries view shows it. Team libraries are named by an opaque id, never their path. */
export interface LibraryInfo {
  id: string;
  kind: LibraryKind;
  /** The manifest's name. */
  name: string;
  /** The folder's own name (no path), to tell team folders with the same manifest name apart. */
  folder: string;
  readOnly: boolean;
  /** Facts and sections may be saved into it: the personal library, or a team library set read-write. */
  writable: boolean;
  sections: number;
  facts: number;
  problemCount: number;
  /** The first few problems as `file:line: message`, file relative to the library folder. */
  problems: string[];
}
export interface LibrariesOverview {
  libraries: LibraryInfo[];
  /** What went wrong at start-up that the user should know: settings.json not used, personal library not created. */
  notices: string[];
}
export type AddTeamLibraryResult = { status: 'added'; library: LibraryInfo } | { status: 'canceled' };

/** A field the user filled in wrongly (zod path such as `source.url`) and how to fix it. */
export interface FieldError {
  field: string;
  message: string;
}
export type SaveLibraryItemResult = { ok: true } | { ok: false; errors: FieldError[] };

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

// What a form may send. Only the shape and sizes are checked here: the library validates the content and
// answers with field errors, so a wrong date comes back as a message next to its field, not a refused call.
const FormText = (max: number) => z.string().max(max);
const TagList = z.array(FormText(100)).max(100);
const TagsInput = z.object({ technologies: TagList.optional(), countries: TagList.optional(), topics: TagList.optional() }).strict();
export const FactInput = z
  .object({
    id: FormText(200),
    statement: FormText(4000),
    value: z.number().finite().optional(),
    unit: FormText(100).optional(),
    asOf: FormText(40),
    review: z.object({ by: FormText(40).optional(), maxAgeDays: z.number().int().max(100_000).optional() }).strict(),
    source: z.object({ title: FormText(1000), publisher: FormText(500), date: FormText(40), url: FormText(2000) }).strict(),
    tags: TagsInput.optional(),
    marking: FormText(100).optional(),
  })
  .strict();
export const SectionMetaInput = z
  .object({
    id: FormText(200),
    title: FormText(500),
    topic: FormText(40),
    tags: TagsInput.optional(),
    marking: FormText(100).optional(),
    summary: FormText(2000).optional(),
    style: SectionStyle.optional(),
    revision: z.number().int().min(1).max(1_000_000).optional(),
    variables: z.array(z.object({ name: FormText(100), label: FormText(200), default: FormText(1000).optional() }).strict()).max(100).optional(),
  })
  .strict();
/** "Still true": the fact, the day the user checked it (YYYY-MM-DD) and an optional note; the library checks the content. */
export const FactReviewInput = z.object({ fact: FormText(200), reviewedOn: FormText(40), note: FormText(2000).optional() }).strict();
export type FactReviewInput = z.infer<typeof FactReviewInput>;
/** Which library update the user accepted: a pinned fact, or every linked copy of a section. */
export const LibraryUpdate = z.object({ kind: z.enum(['pin', 'section']), id: z.string().min(1).max(200) }).strict();
export type LibraryUpdate = z.infer<typeof LibraryUpdate>;
export type FactInput = z.infer<typeof FactInput>;
export type SectionMetaInput = z.infer<typeof SectionMetaInput>;
const ItemId = z.string().min(1).max(200);
const SectionBody = z.string().max(200_000);

/** The spell checker's personal word list and switch (main/services/settings/spelling-service.ts). */
export interface SpellingState {
  enabled: boolean;
  words: string[];
}
const SpellWord = z.string().min(1).max(64).regex(/^[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*$/u);
export const SpellingChange = z.object({ addWord: SpellWord.optional(), removeWord: SpellWord.optional(), enabled: z.boolean().optional() }).strict();
export type SpellingChange = z.infer<typeof SpellingChange>;

/** P is the method's parameter list as TypeScript sees it; `args` validates the same list at runtime. */
const channel = <P extends unknown[], R>(args: z.ZodType) => ({ args, params: undefined as unknown as P, result: undefined as unknown as R });

export type SearchFilterSpec = z.infer<typeof SearchFilters>;
export type AssembleSpecArgs = z.infer<typeof AssembleArgs>;

/** Adding a capability = a schema here + a service method + a handler row (main/services/handlers/<area>.ts). */
export const CHANNELS = {
  appInfo: channel<[], { name: string; version: string }>(z.tuple([])),
  listSections: channel<[], SectionSummary[]>(z.tuple([])),
  searchLibrary: channel<[query: string, filters?: SearchFilterSpec], SearchHit[]>(z.tuple([z.string().max(500), SearchFilters.optional()])),
  assembleBrief: channel<[spec: AssembleSpecArgs], Brief>(z.tuple([AssembleArgs])),
  composeBrief: channel<[brief: Brief], ComposedDoc>(z.tuple([Brief])),
  /** The live preview; with `release`, the releasable copy as it would be exported. Marking errors show as a DRAFT banner. */
  previewPdf: channel<[brief: Brief, options?: { release?: ReleaseArgs }], PreviewResult>(z.tuple([Brief, z.object({ release: ReleaseArgs.optional() }).strict().optional()])),
  exportPdf: channel<[brief: Brief, options: { pdfa: boolean } & CopyArgs], ExportResult>(z.tuple([Brief, CopyArgs.extend({ pdfa: z.boolean() }).strict()])),
  /** The same composed document as a .docx, through a save dialog in main (the renderer never names a path). */
  exportWord: channel<[brief: Brief, options?: CopyArgs], WordExportResult>(z.tuple([Brief, CopyArgs.optional()])),
  /** The marking profiles the libraries provide (the app's and any team library's), for Settings and the marking picker. */
  markingProfiles: channel<[], MarkingProfile[]>(z.tuple([])),
  listFacts: channel<[], FactSummary[]>(z.tuple([])),
  /** A linked copy of a library section, for the renderer to insert (it pins the cited facts itself, shared/pinning.ts). */
  linkSection: channel<[sectionId: string], LinkedBriefSection>(z.tuple([ItemId])),
  /** What changed in the mounted libraries since the brief took its pins and linked sections. */
  libraryChanges: channel<[brief: Brief], BriefChanges>(z.tuple([Brief])),
  /** One accepted update as a patch (the library's current fact or section); applyLibraryPatch takes it into the brief. */
  libraryUpdate: channel<[update: LibraryUpdate], LibraryPatch>(z.tuple([LibraryUpdate])),
  /** Shows the last PDF or Word file this service exported in the file manager; false when there is none yet. */
  revealLastExport: channel<[], { revealed: boolean }>(z.tuple([])),
  newDocument: channel<[init: { title: string; template: TemplateId }], OpenDocument>(
    z.tuple([z.object({ title: z.string().min(1).max(500), template: TemplateId }).strict()]),
  ),
  openDocument: channel<[], OpenResult>(z.tuple([])),
  openRecentDocument: channel<[recentId: string], OpenResult>(z.tuple([Handle])),
  saveDocument: channel<[handle: string, brief: Brief, options?: { replace?: boolean }], SaveResult>(z.tuple([Handle, Brief, SaveOptions.optional()])),
  saveDocumentAs: channel<[handle: string, brief: Brief, options?: { replace?: boolean }], SaveResult>(z.tuple([Handle, Brief, SaveOptions.optional()])),
  recentDocuments: channel<[], RecentItem[]>(z.tuple([])),
  /** Every edit: main keeps a recovery copy about a second behind. */
  markDocumentEdited: channel<[handle: string, brief: Brief], void>(z.tuple([Handle, Brief])),
  /** Undo brought the brief back to its saved state: nothing is unsaved, closing does not ask. */
  markDocumentUnchanged: channel<[handle: string], void>(z.tuple([Handle])),
  /** The bundled example briefs, for the start screen. */
  listExamples: channel<[], ExampleItem[]>(z.tuple([])),
  /** Opens a bundled example as a new untitled copy (Save asks where it goes). */
  openExample: channel<[exampleId: string], OpenResult>(z.tuple([ItemId])),
  pendingRecovery: channel<[], RecoveryOffer[]>(z.tuple([])),
  restoreRecovery: channel<[recoveryId: string], OpenResult>(z.tuple([Handle])),
  discardRecovery: channel<[recoveryId: string], void>(z.tuple([Handle])),
  /** The document is closed (saved, or its changes given up): its recovery copy goes. */
  closeDocument: channel<[handle: string], void>(z.tuple([Handle])),
  listLibraries: channel<[], LibrariesOverview>(z.tuple([])),
  /** Reads every library folder again: for changes made outside the app (a git pull in a team folder, a hand edit). */
  reloadLibraries: channel<[], LibrariesOverview>(z.tuple([])),
  /** Asks for the folder with a native dialog (the renderer never sends a path); added read-only. */
  addTeamLibrary: channel<[], AddTeamLibraryResult>(z.tuple([])),
  removeTeamLibrary: channel<[libraryId: string], void>(z.tuple([Handle])),
  setTeamLibraryReadOnly: channel<[libraryId: string, readOnly: boolean], void>(z.tuple([Handle, z.boolean()])),
  /**
   * Adds a fact to a writable library, or replaces its fact with the same id. `libraryId` (an id from
   * listLibraries) picks the library: the personal one when left out, or a team library set read-write.
   */
  saveLibraryFact: channel<[fact: FactInput, libraryId?: string], SaveLibraryItemResult>(z.tuple([FactInput, Handle.optional()])),
  deleteLibraryFact: channel<[id: string, libraryId?: string], { deleted: boolean }>(z.tuple([ItemId, Handle.optional()])),
  /** A section's front matter and body as its file in a writable library holds them (`libraryId` as for saveLibraryFact), for editing; null when that library has no such section. */
  editableSection: channel<[id: string, libraryId?: string], { meta: SectionMetaInput; body: string } | null>(z.tuple([ItemId, Handle.optional()])),
  /** Writes a section into a writable library (`libraryId` as for saveLibraryFact). */
  saveLibrarySection: channel<[meta: SectionMetaInput, body: string, libraryId?: string], SaveLibraryItemResult>(
    z.tuple([SectionMetaInput, SectionBody, Handle.optional()]),
  ),
  deleteLibrarySection: channel<[id: string, libraryId?: string], { deleted: boolean }>(z.tuple([ItemId, Handle.optional()])),
  /** The user's dated fact reviews (personal library's reviews.yaml), each an override of a fact's review date. */
  listFactReviews: channel<[], FactReviewInfo[]>(z.tuple([])),
  /** "Still true": records (or replaces) a dated review of a fact in the personal library; the fact's stale warning goes. */
  reviewFact: channel<[review: FactReviewInput], SaveLibraryItemResult>(z.tuple([FactReviewInput])),
  removeFactReview: channel<[factId: string], { removed: boolean }>(z.tuple([ItemId])),
  /** The spell checker's personal word list and on/off switch, read when the editor first checks a word. */
  spelling: channel<[], SpellingState>(z.tuple([])),
  /** Adds or removes a personal word, or switches spell check on or off; answers the new state. */
  changeSpelling: channel<[change: SpellingChange], SpellingState>(z.tuple([SpellingChange])),
} satisfies Record<MethodName, { args: z.ZodType; params: unknown[]; result: unknown }>;

export type Channels = typeof CHANNELS;
export type ParamsOf<M extends MethodName> = Channels[M]['params'];
export type ResultOf<M extends MethodName> = Channels[M]['result'];

/** What the renderer sees as `window.briefing`. */
export type BriefingApi = { [M in MethodName]: (...args: ParamsOf<M>) => Promise<ResultOf<M>> };
/** What main implements: one handler per method, receiving validated arguments. */
export type Handlers = { [M in MethodName]: (...args: ParamsOf<M>) => Promise<ResultOf<M>> };
