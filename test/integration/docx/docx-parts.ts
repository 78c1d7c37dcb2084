// Test support for the Word tests: a .docx opened with JSZip (not our writer's code), its XML parts as text, and outside tools.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import JSZip from 'jszip';

export interface DocxParts {
  /** Every XML part by its path in the package ('word/document.xml', ...). */
  xml: Record<string, string>;
  names: string[];
}

export async function readDocx(file: string): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const xml: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (/\.(xml|rels)$/.test(name)) xml[name] = await zip.file(name)!.async('string');
  return { xml, names: Object.keys(zip.files) };
}

export function part(d: DocxParts, name: string): string {
  const text = d.xml[name];
  if (text === undefined) throw new Error(`docx has no part ${name} (has: ${Object.keys(d.xml).join(', ')})`);
  return text;
}

/** Every match of a regular expression's first group. */
export const all = (text: string, re: RegExp): string[] => [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].map((m) => m[1] ?? m[0]);

/** Header and footer parts, by their kind as the section names them (default / first). */
export function furnitureParts(d: DocxParts, kind: 'header' | 'footer'): Record<string, string> {
  const doc = part(d, 'word/document.xml');
  const rels = part(d, 'word/_rels/document.xml.rels');
  const out: Record<string, string> = {};
  for (const [, type, id] of doc.matchAll(new RegExp(`<w:${kind}Reference w:type="(\\w+)" r:id="(\\w+)"`, 'g'))) {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    if (target) out[type!] = part(d, `word/${target}`);
  }
  return out;
}

/** Plain text of some WordprocessingML (its w:t runs joined). */
export const textOf = (xml: string): string => all(xml, /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/).join('');

/** An outside program, or a reason to skip: a loud skip locally, a failure under CI=true (.ci/run installs them). */
export function tool(name: string, install: string): { ok: true } | { ok: false; reason: string } {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return { ok: true };
  } catch {
    const reason = `${name} not found: ${install}`;
    if (process.env.CI === 'true') throw new Error(`docx tests: ${reason} (CI=true)`);
    console.warn(`\n*** DOCX OUTSIDE-READER TEST SKIPPED: ${reason} ***\n`);
    return { ok: false, reason };
  }
}
