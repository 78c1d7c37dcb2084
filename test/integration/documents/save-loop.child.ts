// Child for the fault-injection test: once told where to start, saves generation after generation until killed.
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { saveBriefFile } from '../../../main/services/documents/brief-file.js';
import { faultBrief } from './fault-briefs.js';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: save-loop.child PATH (then the first generation on stdin)');

// Started ahead of time and kept waiting, so the parent's next kill does not pay for Node's start-up.
writeSync(1, 'ready\n');
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const start = Number((await lines.next()).value);

// writeSync so that a line reported before the kill is never lost in a stream buffer.
for (let gen = start; ; gen++) {
  writeSync(1, `begin ${gen}\n`);
  await saveBriefFile(path, faultBrief(gen));
  writeSync(1, `done ${gen}\n`);
}
