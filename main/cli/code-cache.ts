// Loads a CommonJS bundle through V8's code cache: the compiled code of an earlier run is kept in the cache folder, so a cold start skips most compiling.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

/*
 * Node 20 has no module.enableCompileCache (22.1 does), so the bundle is compiled here with vm.Script and the
 * code V8 made for it is kept. V8 checks the cache against its own version and flags and rejects a mismatch; it
 * does not check the source's content, so the file's name carries the build id (a hash of the sources that made
 * the bundle), the bundle's size and mtime, Node's version and the architecture. The cache is written when the
 * process ends, holding every function compiled by then: an export writes its own (the engine's functions), any
 * other command a second, smaller one. A cache that cannot be read or written only costs speed.
 */

type CommonJsMain = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/** `write` false: use a cache that is there, never write one (a batch's helper threads: the main thread writes it). */
export function runWithCodeCache(file: string, cacheDir: string | undefined, buildId: string | undefined, kind: string, write = true): void {
  const source = readFileSync(file, 'utf8');
  const stat = statSync(file);
  const name = `code-${buildId ?? 'dev'}-${stat.size}-${Math.trunc(stat.mtimeMs)}-${process.version}-${process.arch}-${kind}.bin`;
  const cacheFile = cacheDir && buildId ? path.join(cacheDir, name) : undefined;
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // none yet
    }
  }
  // The same wrapper Node puts around a CommonJS module, so the bundle runs as if required.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (write && cacheFile && (!cachedData || script.cachedDataRejected)) {
    process.once('exit', () => {
      try {
        mkdirSync(path.dirname(cacheFile), { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
        // Caches of other builds or Node versions are never read again.
        for (const other of readdirSync(cacheDir!)) if (other.startsWith('code-') && other.endsWith(`-${kind}.bin`) && other !== name) rmSync(path.join(cacheDir!, other), { force: true });
      } catch {
        // not writable: the next start compiles again
      }
    });
  }
  const module = { exports: {} };
  (script.runInThisContext() as CommonJsMain)(module.exports, createRequire(file), module, file, path.dirname(file));
}
