// Reads every /URI of a PDF from qpdf's uncompressed QDF form, and fails on any other action that reaches outside.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The /URI strings (literal or hex) of every link annotation in `pdf`. */
export function pdfUris(pdf: string): string[] {
  const qdf = `${pdf}.qdf`;
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, qdf]);
  const text = readFileSync(qdf, 'latin1');
  const found: string[] = [];
  for (const m of text.matchAll(/\/URI\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f\s]*)>)/g)) {
    found.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : Buffer.from(m[2]!.replace(/\s/g, ''), 'hex').toString('latin1'));
  }
  // No other action may reach outside either: launching a program, running script, opening another file.
  expect(text).not.toMatch(/\/S\s*\/(Launch|JavaScript|GoToR|ImportData|SubmitForm)\b/);
  return found;
}
