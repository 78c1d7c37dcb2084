// Minimal typings for hypher and the en-US TeX patterns (neither package ships types).
declare module 'hypher' {
  export interface HyphenationPatterns {
    id: string | string[];
    leftmin: number;
    rightmin: number;
    patterns: Record<number, string>;
    exceptions?: string;
  }
  export default class Hypher {
    constructor(patterns: HyphenationPatterns);
    hyphenate(word: string): string[];
  }
}
declare module 'hyphenation.en-us' {
  import type { HyphenationPatterns } from 'hypher';
  const patterns: HyphenationPatterns;
  export default patterns;
}
