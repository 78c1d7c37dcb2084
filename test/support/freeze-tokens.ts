// Test support: deep-freezes markdown-it tokens, so any write to a memoized parse throws (ES modules are strict code).
import type { Token } from 'markdown-it';

export function freezeTokens(tokens: readonly Token[]): void {
  for (const t of tokens) {
    if (t.children) freezeTokens(t.children);
    for (const a of t.attrs ?? []) Object.freeze(a);
    Object.freeze(t.attrs);
    Object.freeze(t.map);
    Object.freeze(t.meta);
    Object.freeze(t);
  }
  Object.freeze(tokens);
}
