// Process start of the `briefing` command (dist/cli.cjs): runs the CLI bundle (dist/cli-main.cjs) through the code cache in the user's cache folder.
import path from 'node:path';
import { BUILD_ID } from '../services/build-id.js';
import { cliCacheDir } from '../services/cache-dir.js';
import { runWithCodeCache } from './code-cache.js';
import { recordPhases, endPhase } from '../../shared/phases.js';

// This bundle's copy of shared/phases.ts: the mark itself lands in the process-wide performance timeline.
if (process.env.BRIEFING_PHASES === '1') recordPhases();
endPhase('boot');

// An export compiles the engine's functions, other commands hardly any: each kind keeps a cache of its own.
const kind = process.argv[2] === 'export' ? 'export' : 'other';
runWithCodeCache(path.join(__dirname, 'cli-main.cjs'), cliCacheDir(), BUILD_ID, kind);
