// The brief the composer shows before main has opened a document, and what "New" asks main for.
import { newBrief, type Brief, type TemplateId } from '../../../shared/model/brief.js';

/** Title and template of every new document. */
export const UNTITLED: { title: string; template: TemplateId } = { title: 'Untitled brief', template: 'issue-brief' };

/** Today's date as YYYY-MM-DD in the user's own time zone (a brief is dated where it is written). */
export function localIsoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const blankBrief = (): Brief => newBrief({ ...UNTITLED, date: localIsoDay(new Date()) });
