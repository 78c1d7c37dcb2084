// Child for the fault-injection test: saves generation after generation to one path until it is killed.
import { writeSync } from 'node:fs';
import { saveBriefFile } from '../../../main/services/documents/brief-file.js';
import { faultBrief } from './fault-briefs.js';

const [path, startArg] = process.argv.slice(2);
if (!path || !startArg) throw new Error('usage: save-loop.child PATH START_GENERATION');

// writeSync so that a line reported before the kill is never lost in a stream buffer.
for (let gen = Number(startArg); ; gen++) {
  writeSync(1, `begin ${gen}\n`);
  await saveBriefFile(path, faultBrief(gen));
  writeSync(1, `done ${gen}\n`);
}
