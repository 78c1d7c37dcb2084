// Preloaded into a benchmarked process (`node -r`): writes its peak resident set size in bytes to $BRIEFING_RSS_FILE.
'use strict';
const fs = require('node:fs');
process.on('exit', () => {
  const file = process.env.BRIEFING_RSS_FILE;
  // resourceUsage().maxRSS is in kilobytes.
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
