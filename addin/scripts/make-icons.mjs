// Draws the add-in's ribbon and store icons (a page with lines of text, one underlined) as PNG files in
// addin/assets/. The PNGs are committed; run this again only to change the artwork:
//   node addin/scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';

const SIZES = [16, 32, 64, 80, 128];
const TEAL = [0x1f, 0x6f, 0x78, 255];
const WHITE = [255, 255, 255, 255];
const AMBER = [0xf2, 0xb1, 0x34, 255];
const CLEAR = [0, 0, 0, 0];

function pixel(size, x, y) {
  const u = (x + 0.5) / size,
    v = (y + 0.5) / size;
  // Rounded square background.
  const r = 0.18,
    cx = Math.min(Math.max(u, r), 1 - r),
    cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return CLEAR;
  // Three lines of "text"; the middle one carries a wavy underline.
  const line = (top, left, right) => v >= top && v < top + 0.09 && u >= left && u < right;
  if (line(0.22, 0.2, 0.8) || line(0.44, 0.2, 0.62) || line(0.7, 0.2, 0.72)) return WHITE;
  const wave = 0.6 + 0.035 * Math.sin(u * Math.PI * 8);
  if (u >= 0.2 && u < 0.62 && Math.abs(v - wave) < Math.max(0.035, 1.2 / size)) return AMBER;
  return TEAL;
}

function png(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) Buffer.from(pixel(size, x, y)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../assets/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of SIZES) writeFileSync(new URL(`icon-${size}.png`, dir), png(size));
console.log(`icons: ${SIZES.map((s) => `icon-${s}.png`).join(', ')}`);
