// `npm start`: launches the built app in Electron, or says in one line how to work without Electron's runtime.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let binary = null;
try {
  // The electron package exports the path of its runtime; it throws when the runtime was never downloaded.
  binary = require('electron');
} catch {
  binary = null;
}
if (typeof binary !== 'string' || !fs.existsSync(binary)) {
  console.error(
    "briefing: Electron's runtime is not installed on this machine (see README, 'Air-gapped install'); export headless instead: npx briefing export assets/examples/t12-issue-brief.brief --out t12.pdf",
  );
  process.exit(1);
}
const child = spawn(binary, ['.'], { stdio: 'inherit', env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0' } });
child.on('exit', (code) => process.exit(code ?? 0));
