// Draws the phone app's icons (web/public/m/icons) as PNG with no image library: a red field, a white grid of
// four cells and a dot, the app's "grid" mark. Run once when the mark changes: node scripts/icons.mjs
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An RGBA PNG of size×size whose pixels come from paint(x, y) → [r, g, b, a]. */
function png(size, paint) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(paint(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const red = [200, 22, 29, 255];
const white = [255, 255, 255, 255];
/** The mark inside a square of the given inset (a maskable icon keeps it in the middle 80%). */
function mark(size, inset, rounded) {
  return (x, y) => {
    const u = x / size,
      v = y / size;
    if (rounded) {
      const r = 0.18,
        cx = Math.min(Math.max(u, r), 1 - r),
        cy = Math.min(Math.max(v, r), 1 - r);
      if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return [0, 0, 0, 0];
    }
    const a = inset + (1 - 2 * inset) * 0.18,
      b = 1 - a,
      line = (b - a) * 0.06;
    const inBox = u >= a && u <= b && v >= a && v <= b;
    const onLine = inBox && (u - a < line || b - u < line || v - a < line || b - v < line || Math.abs(u - 0.5) < line / 2 || Math.abs(v - 0.5) < line / 2);
    const dot = (u - 0.625) ** 2 + (v - 0.375) ** 2 < ((b - a) * 0.09) ** 2;
    return onLine || dot ? white : red;
  };
}

const folder = join(import.meta.dirname, '..', 'public', 'm', 'icons');
await mkdir(folder, { recursive: true });
await writeFile(join(folder, 'icon-192.png'), png(192, mark(192, 0, true)));
await writeFile(join(folder, 'icon-512.png'), png(512, mark(512, 0, true)));
await writeFile(join(folder, 'maskable-512.png'), png(512, mark(512, 0.1, false)));
console.log(`icons written to ${folder}`);
