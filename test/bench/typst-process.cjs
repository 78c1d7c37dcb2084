// Typst's side of the batch benchmark as a whole process: start, load the fonts, compile one source N times, write each PDF (as our batch writes each brief).
// usage: node test/bench/typst-process.cjs SOURCE.typ N OUT_DIR FONTS_DIR
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [source, count, outDir, fontsDir] = process.argv.slice(2);
const n = Number(count);
if (!source || !outDir || !fontsDir || !(n >= 1)) {
  process.stderr.write('usage: node typst-process.cjs SOURCE.typ N OUT_DIR FONTS_DIR\n');
  process.exit(2);
}
const text = fs.readFileSync(source, 'utf8');
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [fontsDir] }] });
for (let i = 0; i < n; i++) {
  // A new string each time, as a batch reads each file anew; the same content, so Typst's memo is hot after the first.
  const result = compiler.compile({ mainFileContent: `${text}` });
  if (result.hasError() || !result.result) {
    process.stderr.write('typst compile failed\n');
    process.exit(1);
  }
  fs.writeFileSync(path.join(outDir, `brief-${i + 1}.pdf`), compiler.pdf(result.result));
}
