// Process start of the `briefing` command (dist/cli.cjs), and of a batch's helper threads: runs the CLI bundle (dist/cli-main.cjs) through the code cache in the user's cache folder.
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { BUILD_ID } from '../services/build-id.js';
import { cliCacheDir } from '../services/cache-dir.js';
import { runWithCodeCache } from './code-cache.js';
import { recordPhases, endPhase } from '../../shared/phases.js';

// This bundle's copy of shared/phases.ts: the mark itself lands in the process-wide performance timeline.
if (process.env.BRIEFING_PHASES === '1' && isMainThread) recordPhases();
endPhase('boot');

// An export compiles the engine's functions, other commands hardly any: each kind keeps a cache of its own.
const kind = process.argv[2] === 'export' ? 'export' : 'other';
// A batch's helper threads start here too (batch-threads.ts), with the export's cache, which only the main thread writes.
runWithCodeCache(path.join(__dirname, 'cli-main.cjs'), cliCacheDir(), BUILD_ID, kind, isMainThread);
