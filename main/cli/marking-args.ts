// `briefing new --profile --section ID:MARKING --field NAME=VALUE` and `export --release/--rel-to`: checked against the loaded profiles.
import type { Brief } from '../../shared/model/brief.js';
import type { Library } from '../../shared/model/library.js';
import { NO_MARKING_PROFILE, checkFields, parseMarking, portionText, type MarkingProfile } from '../../shared/markings/index.js';
import { UsageError, UserError } from './io.js';

const SEE_HELP = 'see `briefing --help`';

/** `priorities-ai:S//REL TO USA, GBR` → id and marking text (ids never hold a colon, markings may not either). */
export function splitSectionArg(arg: string): { id: string; marking?: string } {
  const colon = arg.indexOf(':');
  if (colon < 0) return { id: arg };
  return { id: arg.slice(0, colon), marking: arg.slice(colon + 1) };
}

/** The profile --profile names, among the libraries' profiles (or 'none'). */
export function profileNamed(id: string | undefined, library: Library): MarkingProfile | undefined {
  if (id === undefined) return undefined;
  if (id === NO_MARKING_PROFILE.id) return NO_MARKING_PROFILE;
  const found = library.markingProfiles.get(id);
  if (!found) throw new UsageError(`--profile must be one of ${[NO_MARKING_PROFILE.id, ...library.markingProfiles.keys()].join(', ')}; got "${id}" (${SEE_HELP})`);
  return found;
}

/** --field NAME=VALUE pairs; names must be fields of the profile's block, values must pass its format checks. */
export function parseFields(pairs: readonly string[], profile: MarkingProfile | undefined): Record<string, string> {
  if (!pairs.length) return {};
  const fields = profile?.block?.fields ?? [];
  if (!profile || fields.length === 0) throw new UsageError(`--field needs a --profile whose block has fields (us-classified, us-cui) (${SEE_HELP})`);
  const out: Record<string, string> = {};
  for (const kv of pairs) {
    const eq = kv.indexOf('=');
    const name = eq < 1 ? '' : kv.slice(0, eq);
    if (!fields.some((f) => f.name === name)) {
      throw new UserError(`--field "${kv}": the ${profile.name} profile has the fields ${fields.map((f) => f.name).join(', ')} — write --field NAME=VALUE with one of them`);
    }
    out[name] = kv.slice(eq + 1);
  }
  // Only the given fields are checked here; an unfilled one is reported by export, which needs them all.
  const given = Object.keys(out);
  const bad = checkFields(profile, out).filter((p) => given.includes(p.field.name));
  if (bad.length) throw new UserError(`--field ${bad[0]!.field.name}: ${bad[0]!.message}`);
  return out;
}

/** Sets each `--section id:MARKING` marking on the brief's sections, in canonical portion text; an unknown one names its section. */
export function applySectionMarkings(brief: Brief, markings: ReadonlyMap<string, string>, profile: MarkingProfile | undefined): Brief {
  if (markings.size === 0) return brief;
  if (!profile || profile.id === NO_MARKING_PROFILE.id) {
    throw new UsageError(`--section ID:MARKING needs --profile with levels (e.g. --profile us-classified) (${SEE_HELP})`);
  }
  const sections = brief.sections.map((s) => {
    if (s.kind !== 'linked' || !markings.has(s.sectionId)) return s;
    const text = markings.get(s.sectionId)!;
    const parsed = parseMarking(profile, text);
    if (!parsed.ok) throw new UserError(`--section ${s.sectionId}: the marking "${text}" is not valid: ${parsed.message}`);
    return { ...s, marking: portionText(profile, parsed.marking) };
  });
  return { ...brief, sections };
}
