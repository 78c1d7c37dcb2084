// `briefing new`'s option values checked before anything is built: a wrong one is a usage error (exit 2) listing the valid values.
import { PaperSize, type BriefMeta } from '../../shared/model/brief.js';
import { IsoDate } from '../../shared/model/library.js';
import { UsageError } from './io.js';

/** The names a `{{var:NAME}}` reference can reach (shared/compose), minus the one object construction drops. */
const VARIABLE_NAME = /^[A-Za-z0-9_-]+$/;
const RESERVED_NAMES = new Set(['__proto__']);

const SEE_HELP = 'see `briefing --help`';

export interface NewOptionValues {
  date?: string;
  paper?: string;
  marking?: string;
  var?: string[];
}

/** --date: a real calendar day or month. */
export function checkDate(date: string | undefined): void {
  if (date !== undefined && !IsoDate.safeParse(date).success) {
    throw new UsageError(`--date must be a real calendar date as YYYY-MM-DD (or YYYY-MM), e.g. 2026-11-25; got "${date}" (${SEE_HELP})`);
  }
}

/** --paper: one of the paper sizes the templates lay out. */
export function checkPaper(paper: string | undefined): BriefMeta['paper'] | undefined {
  if (paper === undefined) return undefined;
  const parsed = PaperSize.safeParse(paper);
  if (!parsed.success) throw new UsageError(`--paper must be one of ${PaperSize.options.join(', ')}; got "${paper}" (${SEE_HELP})`);
  return parsed.data;
}

/** --var NAME=VALUE pairs as a record with no prototype; a name a reference cannot reach, or a reserved one, is refused. */
export function parseVariables(pairs: readonly string[]): Record<string, string> {
  const variables: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const kv of pairs) {
    const eq = kv.indexOf('=');
    if (eq < 1) throw new UsageError(`--var takes NAME=VALUE, got "${kv}" (${SEE_HELP})`);
    const name = kv.slice(0, eq);
    if (!VARIABLE_NAME.test(name) || RESERVED_NAMES.has(name)) {
      throw new UsageError(
        `--var name "${name}" is not allowed: use letters, digits, "_" and "-" (as in {{var:NAME}}), and not __proto__ (${SEE_HELP})`,
      );
    }
    variables[name] = kv.slice(eq + 1);
  }
  return { ...variables };
}

/** All of `briefing new`'s checked values at once. */
export function checkNewOptions(values: NewOptionValues): { paper: BriefMeta['paper'] | undefined; variables: Record<string, string> } {
  checkDate(values.date);
  return { paper: checkPaper(values.paper), variables: parseVariables(values.var ?? []) };
}
