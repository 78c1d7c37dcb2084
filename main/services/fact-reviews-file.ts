// Writes the user's dated fact reviews into the personal library's reviews.yaml; a file with any problem is never overwritten.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap, isSeq, parseDocument, visit, type Node } from 'yaml';
import { z } from 'zod';
import { FactReview, REVIEWS_FILE } from '../../shared/model/fact-review.js';
import { formatPath } from '../../shared/model/zod-issues.js';
import { writeFileAtomic } from './documents/atomic-write.js';
import { libraryRoot, readText } from './library/files.js';
import { readReviews } from './library/read-reviews.js';
import { describeLibraryIssue } from './library/messages.js';
import { LibraryEditError, type FieldError } from './writable-library.js';

export type SaveReviewResult = { ok: true } | { ok: false; errors: FieldError[] };

export class FactReviewsFile {
  readonly dir: string;
  readonly file: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
    this.file = path.join(this.dir, REVIEWS_FILE);
  }

  /** Records (or replaces) the review of `input.fact`; a date after `today` is refused as a field error. */
  async save(input: unknown, today: Date): Promise<SaveReviewResult> {
    const parsed = FactReview.safeParse(input);
    if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error, input) };
    const review = parsed.data;
    if (review.reviewedOn > today.toISOString().slice(0, 10)) {
      return { ok: false, errors: [{ field: 'reviewedOn', message: 'Reviewed on: a review cannot be dated after today — use today’s date or an earlier one.' }] };
    }
    const doc = this.document() ?? newDocument();
    const items = (doc.contents as unknown as { items: unknown[] }).items;
    const node = doc.createNode(review) as Node;
    visit(node, {
      Scalar(_key, scalar) {
        // A day written bare would be read as a timestamp by YAML 1.1 readers; quoted, it stays text everywhere.
        if (typeof scalar.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(scalar.value)) scalar.type = 'QUOTE_DOUBLE';
      },
    });
    const at = items.findIndex((item) => isMap(item) && item.get('fact') === review.fact);
    if (at === -1) items.push(node);
    else {
      node.commentBefore = (items[at] as Node).commentBefore;
      items[at] = node;
    }
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.file, doc.toString({ lineWidth: 100 }));
    return { ok: true };
  }

  /** Removes the review of `factId`; false when there is none. */
  async remove(factId: string): Promise<boolean> {
    const doc = this.document();
    if (!doc) return false;
    const items = (doc.contents as unknown as { items: unknown[] }).items;
    const at = items.findIndex((item) => isMap(item) && item.get('fact') === factId);
    if (at === -1) return false;
    items.splice(at, 1);
    await writeFileAtomic(this.file, doc.toString({ lineWidth: 100 }));
    return true;
  }

  /**
   * The file as an editable document (comments kept); undefined when it does not exist. A file the loader finds
   * any problem in is refused whole: rewriting it would drop what the loader skipped.
   */
  private document(): Document | undefined {
    const read = readReviews(this.dir);
    if (read.missing) return undefined;
    const first = read.problems[0];
    if (first) {
      const where = `${REVIEWS_FILE}${first.line ? `:${first.line}` : ''}`;
      throw new LibraryEditError(`Your reviews file ${where} has a problem (${first.message}) — fix it in the personal library folder first; it is not overwritten`);
    }
    // readReviews read the same bytes through the library's file checks; parse them again keeping comments.
    const doc = parseDocument(readFileText(this.file));
    if (doc.contents === null) doc.contents = doc.createNode([]) as unknown as typeof doc.contents;
    if (!isSeq(doc.contents)) throw new LibraryEditError(`${REVIEWS_FILE} is not a list of reviews — fix it first; it is not overwritten`);
    return doc;
  }
}

function readFileText(file: string): string {
  // Deliberately the same checked read as the loader (regular file inside the library, size cap, strict UTF-8).
  const read = readText(file, libraryRoot(path.dirname(file)));
  if (!('text' in read)) throw new LibraryEditError(`${REVIEWS_FILE} could not be read — check the personal library folder`);
  return read.text;
}

function newDocument(): Document {
  const doc = new Document([]);
  doc.commentBefore =
    ' Your dated reviews of facts ("still true on this day"). Each overrides that fact\'s own review date;\n' +
    ' the Libraries view lists them and removes them.';
  return doc;
}

function fieldErrors(error: z.ZodError, data: unknown): FieldError[] {
  return error.issues.map((issue) => ({ field: formatPath(issue.path), message: describeLibraryIssue(issue, data) }));
}
