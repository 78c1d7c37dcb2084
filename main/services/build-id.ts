// The build's identity: a hash of the sources and locked packages, set by scripts/build-node.mjs (undefined when run from source).
declare const __BRIEFING_BUILD_ID__: string | undefined;

/**
 * Caches of computed results (engine-cache.ts) are only valid for the code that computed them. The app version
 * does not change with every code change, so the bundles carry this hash instead; code run from source (tests,
 * tsx) has none and uses no such cache unless it passes an id of its own.
 */
export const BUILD_ID: string | undefined = typeof __BRIEFING_BUILD_ID__ === 'string' ? __BRIEFING_BUILD_ID__ : undefined;
