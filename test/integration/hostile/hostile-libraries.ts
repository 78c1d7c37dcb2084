// Builds the hostile team libraries of issue 10 in a temp folder: one folder per attack, each a real file-system object.
import { execFileSync } from 'node:child_process';
import { mkdir, open, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A fact that passes every check, so a folder's only problem is its attack. */
export function factYaml(id: string, url = 'https://example.org/report'): string {
  return [
    `- id: ${id}`,
    `  statement: "A figure from a report."`,
    `  asOf: 2025-01-01`,
    `  review: { maxAgeDays: 3650 }`,
    `  source: { title: Report, publisher: Example, date: 2025-01-01, url: "${url}" }`,
    '',
  ].join('\n');
}

/** Nine levels of nine aliases: about 387 million strings once expanded. */
function aliasBomb(indent = ''): string {
  const lines = [`${indent}a0: &a0 "lol"`];
  for (let i = 1; i <= 9; i++) lines.push(`${indent}a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

export interface HostileCase {
  /** Folder name, also the library id. */
  name: string;
  /** The file the problem must name, relative to the library. */
  file: string;
  /** What the problem's message must say. */
  message: RegExp;
  /** The line the problem must give, where the attack has one. */
  line?: number;
  build(dir: string): Promise<void>;
}

async function library(dir: string, name: string): Promise<void> {
  await mkdir(path.join(dir, 'facts'), { recursive: true });
  await mkdir(path.join(dir, 'sections'), { recursive: true });
  await writeFile(path.join(dir, 'library.yaml'), `id: ${name}\nname: ${name}\nversion: "1"\n`);
  // One good fact beside the attack: it must still load.
  await writeFile(path.join(dir, 'facts', 'good.yaml'), factYaml(`${name}-good`));
}

/** A fact file that is a symbolic link to `target`. */
function linkCase(name: string, fileName: string, target: string, message: RegExp): HostileCase {
  return { name, file: `facts/${fileName}`, message, build: (dir) => symlink(target, path.join(dir, 'facts', fileName)) };
}

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: 'alias-bomb-fact',
    file: 'facts/bomb.yaml',
    message: /YAML aliases \(\*name\) expand into too many copies/,
    // The first alias: line 3 anchors "lol", line 4 starts copying it.
    line: 4,
    build: (dir) => writeFile(path.join(dir, 'facts', 'bomb.yaml'), `- id: bomb\n  statement:\n${aliasBomb('    ')}`),
  },
  {
    name: 'alias-bomb-front-matter',
    file: 'sections/bomb.md',
    message: /YAML aliases \(\*name\) expand into too many copies/,
    line: 8,
    build: (dir) => writeFile(path.join(dir, 'sections', 'bomb.md'), `---\nid: bomb\ntitle: Bomb\ntopic: context\nrevision: 1\nextra:\n${aliasBomb('  ')}---\nBody.\n`),
  },
  // Refused before it is opened: /dev/zero lies outside the library (a device inside one is refused as "a device").
  linkCase('dev-zero', 'zero.yaml', '/dev/zero', /leads to a file outside the library folder/),
  {
    name: 'fifo',
    file: 'facts/pipe.yaml',
    message: /is a named pipe \(FIFO\), not a regular file/,
    build: async (dir) => void execFileSync('mkfifo', [path.join(dir, 'facts', 'pipe.yaml')]),
  },
  linkCase('symlink-loop', 'loop.yaml', 'loop.yaml', /symbolic link that loops back on itself/),
  linkCase('etc-passwd', 'passwd.yaml', '/etc/passwd', /leads to a file outside the library folder/),
  {
    name: 'huge-file',
    file: 'facts/huge.yaml',
    message: /is 50\.0 MB; a library file may be at most 2 MB/,
    build: async (dir) => {
      // A sparse file: 50 MB to the reader, next to nothing on the shared disk.
      const handle = await open(path.join(dir, 'facts', 'huge.yaml'), 'w');
      await handle.truncate(50 * 1024 * 1024);
      await handle.close();
    },
  },
  {
    name: 'bad-utf8',
    file: 'facts/latin1.yaml',
    message: /is not valid UTF-8 text/,
    line: 2,
    build: (dir) => writeFile(path.join(dir, 'facts', 'latin1.yaml'), Buffer.concat([Buffer.from('- id: latin\n  statement: "caf'), Buffer.from([0xe9]), Buffer.from('"\n')])),
  },
  {
    name: 'javascript-url',
    file: 'facts/js.yaml',
    message: /source\.url "javascript:alert\(1\)": only http:\/\/ and https:\/\/ addresses/,
    line: 5,
    build: (dir) => writeFile(path.join(dir, 'facts', 'js.yaml'), factYaml('js-url', 'javascript:alert(1)')),
  },
];

/** Builds `parent/<case.name>`: a valid team library plus the case's attack. */
export async function buildHostile(parent: string, c: HostileCase): Promise<string> {
  const dir = path.join(parent, c.name);
  await library(dir, c.name);
  await c.build(dir);
  return dir;
}
