#!/usr/bin/env node
// `briefing` command shim: runs the bundled CLI built by `npm run build:node` (done by `npm ci` via prepare).
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('briefing: the command is not built yet; run `npm run build:node` in the project folder\n');
  process.exit(1);
}
require(bundle);
