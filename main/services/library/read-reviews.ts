// Reads the personal library's reviews.yaml (the user's dated "still true" reviews of facts) with line-numbered problems.
import path from 'node:path';
import { FactReview, REVIEWS_FILE } from '../../../shared/model/fact-review.js';
import type { Problem } from '../../../shared/model/library.js';
import { libraryRoot, readText, type LibraryRoot } from './files.js';
import { describeLibraryIssue } from './messages.js';
import { yamlErrorMessage } from './parse-files.js';
import { parseYaml } from './yaml-source.js';

export interface ReadReviews {
  /** By fact id; the first review of a fact wins (a second is a problem). */
  reviews: Map<string, FactReview>;
  /** Line-numbered problems of the file; any problem means the file must not be rewritten. */
  problems: Problem[];
  file: string;
  /** The file is not there (no review recorded yet). */
  missing: boolean;
}

/** The reviews file of the library in `dir`; a missing file is no reviews. Valid items are kept next to broken ones. */
export function readReviews(dir: string, root: LibraryRoot = libraryRoot(dir)): ReadReviews {
  const file = path.join(dir, REVIEWS_FILE);
  const out: ReadReviews = { reviews: new Map(), problems: [], file, missing: false };
  const read = readText(file, root);
  if ('missing' in read) return { ...out, missing: true };
  if ('problem' in read) return { ...out, problems: [read.problem] };
  const src = parseYaml(read.text);
  if (src.errors.length) {
    out.problems.push(...src.errors.map((e) => ({ file, line: e.line, message: yamlErrorMessage(e), severity: 'error' as const })));
    return out;
  }
  const list = src.value;
  if (list === null || list === undefined) return out;
  if (!Array.isArray(list)) {
    out.problems.push({ file, line: 1, message: 'expected a list of fact reviews (each item starting with "- fact: ...") — fix the file or remove it in the Libraries view', severity: 'error' });
    return out;
  }
  const firstLine = new Map<string, number>();
  list.forEach((raw: unknown, index: number) => {
    const parsed = FactReview.safeParse(raw);
    const label = `review #${index + 1}`;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        out.problems.push({ file, line: src.lineAt([index, ...(issue.path as PropertyKey[])]), message: `${label}: ${describeLibraryIssue(issue, raw)}`, severity: 'error' });
      }
      return;
    }
    const review = parsed.data;
    const line = src.lineAt([index]);
    const had = firstLine.get(review.fact);
    if (had !== undefined) {
      out.problems.push({ file, line, message: `fact "${review.fact}" is reviewed twice; the first review (line ${had}) is used — remove this one`, severity: 'error' });
      return;
    }
    firstLine.set(review.fact, line);
    out.reviews.set(review.fact, review);
  });
  return out;
}
