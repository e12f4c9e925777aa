// Draws the add-in's ribbon and store icons (a rising column chart in the brand blue on a
// transparent background, as Office's ribbon icons are) as PNGs into addin/assets/, in every size
// the manifest names: 16/32/80 required, 20/24/40/48/64 for high-DPI ribbons, 128 for the store.
// Run once after changing the design: node scripts/make-addin-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function icon(size) {
  const blue = [0x1f, 0x5f, 0xa8, 255];
  const clear = [0, 0, 0, 0];
  const pad = Math.max(1, Math.round(size * 0.12));
  const bars = [0.35, 0.6, 0.85];
  const inner = size - 2 * pad;
  const barWidth = Math.max(1, Math.floor(inner / 5));
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let color = clear;
      bars.forEach((h, i) => {
        const left = pad + i * 2 * barWidth;
        const top = pad + Math.round(inner * (1 - h));
        if (x >= left && x < left + barWidth && y >= top && y < size - pad) color = blue;
      });
      raw.set(color, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('addin/assets', { recursive: true });
const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];
for (const size of SIZES) writeFileSync(`addin/assets/icon-${size}.png`, icon(size));
console.log(`wrote addin/assets/icon-{${SIZES.join(',')}}.png`);
