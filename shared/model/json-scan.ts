// One quick pass over JSON text before JSON.parse: whether it nests within a depth, and how many keys it names.

/** What scanJsonText found: `within` the depth asked for, and the keys (strings followed by a colon) it counted. */
export interface JsonTextScan {
  within: boolean;
  keys: number;
}

/**
 * Nesting counted exactly as json-depth.ts `findTooDeep` counts it (brackets inside strings skipped, a stray closer
 * never below zero, an unclosed string runs to the end), and keys exactly as raw-json.ts needs them for
 * hasDuplicateKey (a string whose next non-blank character is a colon). It stops at the first bracket past
 * `maxDepth` (`keys` is then a partial count, and of no use: the text is refused). Only yes or no and a count,
 * so it jumps over whole strings and, with a regular expression, over everything between the characters it needs:
 * the depth check and the key count were two scans of the whole text, 3-4 ms of a cold CLI on a 130 kB brief.
 */
export function scanJsonText(text: string, maxDepth = Infinity): JsonTextScan {
  // test() rather than exec(): the position is lastIndex - 1, and no match array is made for each of thousands.
  const next = /["[\]{}]/g;
  let depth = 0;
  let keys = 0;
  while (next.test(text)) {
    const i = next.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // The closing quote is the first one after an even run of backslashes (each backslash escapes one character).
      let q = i;
      for (;;) {
        q = text.indexOf('"', q + 1);
        if (q < 0) return { within: true, keys };
        let backslashes = 0;
        for (let k = q - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      let j = q + 1;
      for (let d = text.charCodeAt(j); d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09; d = text.charCodeAt(++j));
      if (text.charCodeAt(j) === 0x3a /* : */) keys++;
      next.lastIndex = q + 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return { within: false, keys };
    } else if (depth > 0) depth--;
  }
  return { within: true, keys };
}
