// App settings in <userData>/settings.json: which team library folders to mount, written atomically, never lost to a bad file.
import { lstat, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserFacingError } from '../../../shared/errors.js';
import { describeIssues } from '../../../shared/model/zod-issues.js';
import { SerialQueue } from '../../../shared/serial-queue.js';
import { describeFileError, errnoCode } from '../errno.js';
import { copyFileAtomic, writeFileAtomic } from '../documents/atomic-write.js';
import type { Mount } from '../library/mount.js';
import { manifestProblems } from '../library/read-folder.js';

export const SETTINGS_VERSION = 1;

export const TeamLibrarySetting = z.object({
  dir: z.string().min(1),
  readOnly: z.boolean(),
  label: z.string().optional(),
});
export type TeamLibrarySetting = z.infer<typeof TeamLibrarySetting>;

const SettingsFile = z.object({
  version: z.literal(SETTINGS_VERSION),
  teamLibraries: z.array(TeamLibrarySetting).default([]),
});

export interface Settings {
  teamLibraries: TeamLibrarySetting[];
}

/** A mistake the user can fix (a wrong folder, a duplicate); dispatch passes it to the window as it is. */
export class SettingsError extends UserFacingError {}

export interface SettingsLoadResult {
  settings: Settings;
  /** Set when settings.json could not be used and defaults were taken instead: what happened and what to do. */
  problem?: string;
}

const defaults = (): Settings => ({ teamLibraries: [] });

/** How messages name the settings file (the window is never shown absolute paths). */
const SETTINGS_NAME = 'settings.json';

export class SettingsService {
  readonly file: string;
  private settings: Settings = defaults();
  private loadProblem: string | undefined;
  /**
   * False when settings.json exists, is unusable and could not be copied aside: saving would then destroy the
   * only copy of what the user had, so changes are refused until they move the file themselves.
   */
  private safeToWrite = true;
  private loaded = false;
  /** Changes are read-modify-write; running them in turn keeps two quick clicks from losing one of the changes. */
  private readonly queue = new SerialQueue();

  constructor(private readonly userDataDir: string) {
    this.file = path.join(userDataDir, SETTINGS_NAME);
  }

  /** Reads settings.json; a missing file means defaults, anything unusable means defaults plus `problem`. */
  async load(): Promise<SettingsLoadResult> {
    this.settings = defaults();
    this.loadProblem = undefined;
    this.safeToWrite = true;
    this.loaded = true;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return this.result();
      this.safeToWrite = false;
      const { reason, fix } = describeFileError(err);
      return this.fail(`cannot read ${SETTINGS_NAME} (${reason}) — ${fix}; default settings are used and it will not be overwritten`);
    }
    const reason = this.parse(text);
    if (reason === undefined) return this.result();
    const kept = await this.keepCopy(text);
    if (kept === undefined) {
      this.safeToWrite = false;
      return this.fail(`${SETTINGS_NAME} ${reason}; default settings are used. It could not be copied aside, so changes to settings will not be saved until you move or delete it`);
    }
    return this.fail(`${SETTINGS_NAME} ${reason}; default settings are used and the old file is kept as ${path.basename(kept)} — re-add your team libraries, or fix that file and put it back as settings.json`);
  }

  /** The current settings (defaults until load()). */
  get(): Settings {
    return { teamLibraries: this.settings.teamLibraries.map((t) => ({ ...t })) };
  }

  /** Why the last load() fell back to defaults, if it did. */
  problem(): string | undefined {
    return this.loadProblem;
  }

  /** The personal library lives in the user's data folder, beside settings.json. */
  personalLibraryDir(): string {
    return path.join(this.userDataDir, 'library');
  }

  /** Adds a team library folder after checking it is one; `dir` is stored as an absolute path. */
  addTeamLibrary(dir: string, readOnly: boolean, label?: string): Promise<TeamLibrarySetting> {
    return this.change(async (s) => {
      const abs = path.resolve(dir);
      await checkLibraryFolder(abs);
      if (samePath(abs, this.personalLibraryDir())) {
        throw new SettingsError(`${folderName(abs)} is your personal library, which is always mounted — choose a team library folder instead`);
      }
      const existing = s.teamLibraries.find((t) => samePath(t.dir, abs));
      if (existing) {
        throw new SettingsError(`${folderName(abs)} is already a team library${existing.label ? ` ("${existing.label}")` : ''} — change its read-only setting instead of adding it again`);
      }
      const entry: TeamLibrarySetting = { dir: abs, readOnly, ...(label ? { label } : {}) };
      s.teamLibraries.push(entry);
      return { ...entry };
    });
  }

  removeTeamLibrary(dir: string): Promise<void> {
    return this.change(async (s) => {
      const index = this.indexOf(s, dir);
      s.teamLibraries.splice(index, 1);
    });
  }

  setReadOnly(dir: string, readOnly: boolean): Promise<void> {
    return this.change(async (s) => {
      s.teamLibraries[this.indexOf(s, dir)]!.readOnly = readOnly;
    });
  }

  /**
   * What LibraryService mounts, in priority order (the first mount wins a clashing id): the bundled library,
   * then the personal one, then team folders in the order they were added.
   */
  mounts(bundledDir: string): Mount[] {
    return [
      { dir: bundledDir, kind: 'bundled', readOnly: true },
      { dir: this.personalLibraryDir(), kind: 'personal', readOnly: false },
      ...this.settings.teamLibraries.map((t): Mount => ({ dir: t.dir, kind: 'team', readOnly: t.readOnly })),
    ];
  }

  private result(): SettingsLoadResult {
    return { settings: this.get(), ...(this.loadProblem ? { problem: this.loadProblem } : {}) };
  }

  private fail(problem: string): SettingsLoadResult {
    this.loadProblem = problem;
    return this.result();
  }

  /** Undefined when the text is usable settings (and takes them), otherwise what is wrong with it. */
  private parse(text: string): string | undefined {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      return `is not valid JSON (${(err as Error).message})`;
    }
    const version = (raw as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > SETTINGS_VERSION) {
      return `was written by a newer version of Briefing Builder (settings version ${version}; this version reads ${SETTINGS_VERSION})`;
    }
    const parsed = SettingsFile.safeParse(raw);
    if (!parsed.success) {
      return `is not a settings file this version understands (${describeIssues(parsed.error.issues, raw, { objectWord: 'object', max: 1 })})`;
    }
    this.settings = { teamLibraries: parsed.data.teamLibraries };
    return undefined;
  }

  /**
   * Copies an unusable settings file aside before anything can overwrite it. An earlier copy with other
   * content is kept too (numbered names), so a second bad file never destroys the first one.
   */
  private async keepCopy(text: string): Promise<string | undefined> {
    for (let n = 1; n < 100; n++) {
      const target = n === 1 ? `${this.file}.corrupt` : `${this.file}.${n}.corrupt`;
      const existing = await readFile(target, 'utf8').catch(() => undefined);
      if (existing === text) return target;
      if (existing !== undefined) continue;
      try {
        await copyFileAtomic(this.file, target);
        return target;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  private indexOf(s: Settings, dir: string): number {
    const index = s.teamLibraries.findIndex((t) => samePath(t.dir, dir));
    if (index === -1) throw new SettingsError(`${folderName(dir)} is not one of your team libraries — check the folder name`);
    return index;
  }

  /** Applies `edit` to a copy, saves it, and only then makes it current: a failed save changes nothing. */
  private change<T>(edit: (s: Settings) => Promise<T>): Promise<T> {
    const run = async () => {
      // Saving before reading would replace the user's file with defaults.
      if (!this.loaded) throw new Error('SettingsService: call load() before changing settings');
      if (!this.safeToWrite) {
        throw new SettingsError(`settings cannot be saved: ${SETTINGS_NAME} is unusable and could not be copied aside — move or delete it, then try again`);
      }
      const next = this.get();
      const value = await edit(next);
      const data = { version: SETTINGS_VERSION, teamLibraries: next.teamLibraries };
      await writeFileAtomic(this.file, JSON.stringify(data, null, 2) + '\n');
      this.settings = next;
      return value;
    };
    return this.queue.run(run);
  }
}

/** Messages reach the window, which is never shown absolute paths: a folder is named by its own name. */
function folderName(dir: string): string {
  return path.basename(path.resolve(dir));
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/** A team library is a folder with a library.yaml manifest; say which of the two is missing and how to fix it. */
async function checkLibraryFolder(dir: string): Promise<void> {
  const name = folderName(dir);
  const info = await stat(dir).catch((err: unknown) => {
    if (errnoCode(err) === 'ENOENT') return undefined;
    const { reason, fix } = describeFileError(err);
    throw new SettingsError(`the folder ${name} cannot be read (${reason}) — ${fix}`);
  });
  if (!info) throw new SettingsError(`the folder ${name} does not exist — check the path, or connect the drive or share it is on`);
  if (!info.isDirectory()) throw new SettingsError(`${name} is a file, not a folder — choose the library's folder (the one holding library.yaml)`);
  const manifest = path.join(dir, 'library.yaml');
  const m = await lstat(manifest).catch(() => undefined);
  if (!m) {
    throw new SettingsError(
      `the folder ${name} has no library.yaml, so it is not a library — choose the folder that holds library.yaml, or add one with id, name and version`,
    );
  }
  // Read the way every library file is (no FIFO, device, outside link, oversized file or alias bomb): a folder whose
  // manifest cannot be used is not kept in settings, and the user is told why in one line.
  const [problem] = manifestProblems(dir);
  if (problem) throw new SettingsError(`${name} cannot be added: library.yaml${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
}
