// Typst's side of the batch benchmark as a whole process: start, load the fonts, compile one source N times, write each PDF (as our batch writes each brief).
// usage: node test/bench/typst-process.cjs SOURCE.typ N OUT_DIR FONTS_DIR [MARKER]
// With MARKER (a sentence of the source), compile i has `(brief i)` put into that sentence: N different briefs, one paragraph apart.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [source, count, outDir, fontsDir, marker] = process.argv.slice(2);
const n = Number(count);
if (!source || !outDir || !fontsDir || !(n >= 1)) {
  process.stderr.write('usage: node typst-process.cjs SOURCE.typ N OUT_DIR FONTS_DIR [MARKER]\n');
  process.exit(2);
}
const text = fs.readFileSync(source, 'utf8');
if (marker && !text.includes(marker)) {
  process.stderr.write(`the source has no "${marker}"\n`);
  process.exit(2);
}
/** The marker sentence with the brief's number put before its full stop (the same edit as the batch benchmark's briefs). */
function variant(sentence, i) {
  return `${sentence.slice(0, -1)} (brief ${i + 1}).`;
}
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [fontsDir] }] });
for (let i = 0; i < n; i++) {
  // A new string each time, as a batch reads each file anew; without a marker the same content, so Typst's memo is hot after the first.
  const result = compiler.compile({ mainFileContent: marker ? text.replace(marker, variant(marker, i)) : `${text}` });
  if (result.hasError() || !result.result) {
    process.stderr.write('typst compile failed\n');
    process.exit(1);
  }
  fs.writeFileSync(path.join(outDir, `brief-${i + 1}.pdf`), compiler.pdf(result.result));
}
