import { inflateSync } from 'node:zlib';

/** A decoded image: `width` × `height` pixels of 4 bytes each (RGBA), row by row. */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** The Paeth predictor of PNG's filter type 4. */
function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [toLeft, toUp, toUpLeft] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/**
 * Decodes the 8-bit RGB or RGBA, non-interlaced PNGs Chromium's screenshots
 * are, so that a test can look at what a reader would see.
 */
export function decodePng(png: Buffer): Pixels {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const chunk = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      const [depth, colour, , , interlace] = chunk.subarray(8, 13);
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) throw new Error('only 8-bit RGB(A), non-interlaced PNGs are decoded');
      channels = colour === 6 ? 4 : 3;
    }
    if (type === 'IDAT') data.push(chunk);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0;
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0] ?? 0;
      rows[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel++) {
    for (let channel = 0; channel < 3; channel++) rgba[pixel * 4 + channel] = rows[pixel * channels + channel] ?? 0;
    rgba[pixel * 4 + 3] = channels === 4 ? (rows[pixel * channels + 3] ?? 0) : 255;
  }
  return { width, height, rgba };
}

/** How far, on average, the pixels are from one colour: 0 when every pixel is that colour. */
export function distanceFrom(pixels: Pixels, [red, green, blue]: [number, number, number]): number {
  let total = 0;
  for (let pixel = 0; pixel < pixels.width * pixels.height; pixel++) {
    total +=
      Math.abs((pixels.rgba[pixel * 4] ?? 0) - red) +
      Math.abs((pixels.rgba[pixel * 4 + 1] ?? 0) - green) +
      Math.abs((pixels.rgba[pixel * 4 + 2] ?? 0) - blue);
  }
  return total / (pixels.width * pixels.height);
}
