// Test support: a CliIO that records what a `briefing` command prints, line by line.
import type { CliIO } from '../../main/cli/io.js';

export interface RecordedIO extends CliIO {
  out: string[];
  err: string[];
}

export function recorder(): RecordedIO {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}
