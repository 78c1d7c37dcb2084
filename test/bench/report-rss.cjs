// Preloaded into a benchmarked process (`node -r`): writes its peak resident set size in bytes to $BRIEFING_RSS_FILE.
'use strict';
const fs = require('node:fs');
process.on('exit', () => {
  const file = process.env.BRIEFING_RSS_FILE;
  if (!file) return;
  // VmHWM is the peak of this process's own memory map. resourceUsage().maxRSS is not: Linux carries it across
  // fork and exec, so a child of a big bench process would report the parent's size.
  let bytes;
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (kb) bytes = Number(kb[1]) * 1024;
  } catch {
    // not Linux: fall back below
  }
  fs.writeFileSync(file, String(bytes ?? process.resourceUsage().maxRSS * 1024));
});
