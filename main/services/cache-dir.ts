// Where the CLI keeps its caches: the OS's per-user cache folder (the app uses <userData>/cache); BRIEFING_CACHE_DIR overrides, "off" disables.
import os from 'node:os';
import path from 'node:path';

/** The CLI's cache folder, or undefined when caching is switched off (BRIEFING_CACHE_DIR=off) or there is no home folder. */
export function cliCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const set = env.BRIEFING_CACHE_DIR;
  if (set !== undefined && set !== '') return set === 'off' ? undefined : path.resolve(set);
  const home = os.homedir();
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA || (home ? path.join(home, 'AppData', 'Local') : undefined);
    return base ? path.join(base, 'briefing-builder', 'Cache') : undefined;
  }
  if (!home) return undefined;
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'briefing-builder');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'briefing-builder');
}
