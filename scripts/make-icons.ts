/** Renders assets/icon.svg in Chromium and writes the packaging icons: icon.png (512), icon.ico (Windows), icon.icns (macOS). */
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const assets = path.resolve(import.meta.dirname, '../assets');
const svg = readFileSync(path.join(assets, 'icon.svg'), 'utf8');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const render = async (size: number): Promise<Buffer> => {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  const png = await page.screenshot({ omitBackground: true });
  await page.close();
  return png;
};
const png16 = await render(16);
const png32 = await render(32);
const png48 = await render(48);
const png256 = await render(256);
const png512 = await render(512);
const png1024 = await render(1024);
await browser.close();

/** ICO with embedded PNGs (Windows Vista and later). */
const ico = (images: [number, Buffer][]) => {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(([size, data], i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map(([, data]) => data)]);
};

/** ICNS with PNG chunks (ic08 = 256, ic09 = 512, ic10 = 1024@2x). */
const icns = (chunks: [string, Buffer][]) => {
  const body = chunks.map(([type, data]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + body.reduce((n, b) => n + b.length, 0), 4);
  return Buffer.concat([head, ...body]);
};

writeFileSync(path.join(assets, 'icon.png'), png512);
writeFileSync(path.join(assets, 'icon.ico'), ico([[16, png16], [32, png32], [48, png48], [256, png256]]));
writeFileSync(path.join(assets, 'icon.icns'), icns([['ic08', png256], ['ic09', png512], ['ic10', png1024]]));
console.log('wrote assets/icon.png, icon.ico, icon.icns');
