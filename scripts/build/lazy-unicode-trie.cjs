// Build-time stand-in for the unicode-trie package in the CLI bundle: the same trie, decompressed at its first lookup instead of when its module loads.
'use strict';
// The real package by its file, which the build's redirect (scripts/build-node.mjs) does not catch.
const UnicodeTrie = require('unicode-trie/index.js');
const { Buffer } = require('node:buffer');

/*
 * fontkit and linebreak build five tries when their modules load; inflating them was 23 ms of every cold
 * `briefing export`, which with its words and paragraphs from the engine cache never looks a character up, and
 * decoding two of them from base64 text another 7 ms. Every use in the bundle is `trie.get(codePoint)` (checked
 * when bundling), so only get is offered.
 */
class LazyUnicodeTrie {
  /** `data`: the trie's bytes, or `{ base64 }`, as the build rewrites the packages that decode their trie from base64 text when they load (scripts/build-node.mjs). */
  constructor(data) {
    this.source = data;
    this.trie = null;
  }

  get(codePoint) {
    if (!this.trie) {
      const { source } = this;
      this.trie = new UnicodeTrie(typeof source.base64 === 'string' ? Buffer.from(source.base64, 'base64') : source);
      this.source = null;
    }
    return this.trie.get(codePoint);
  }
}

module.exports = LazyUnicodeTrie;
