// After the build: a Brotli and a gzip copy of every script and style sheet, so the console's host sends them
// compressed without compressing on each request (web/host/ConsolePages.cs picks the one the browser accepts).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const assets = join(import.meta.dirname, '..', 'host', 'wwwroot', 'assets');
let before = 0;
let after = 0;
for (const name of await readdir(assets)) {
  if (!/\.(m?js|css)$/.test(name)) continue;
  const content = await readFile(join(assets, name));
  const br = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
  await writeFile(join(assets, `${name}.br`), br);
  await writeFile(join(assets, `${name}.gz`), gzipSync(content, { level: 9 }));
  before += content.length;
  after += br.length;
}
console.log(`compressed scripts and styles: ${(before / 1024).toFixed(0)} KiB → ${(after / 1024).toFixed(0)} KiB (brotli)`);
