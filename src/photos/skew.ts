/**
 * How far a document photo is tilted, so OCR can read it straight: the angle at which the strong
 * edges (text strokes, the card's border) line up into the sharpest horizontal rows. A projection
 * profile over candidate angles, coarse then fine. Pure over a greyscale image.
 */
import type { GreyImage } from './quality.js';

const MAX_DEGREES = 15;

/**
 * The tilt in degrees, positive when the content is turned clockwise (as sharp's `rotate(+a)`
 * turns it); rotate by the negative to straighten. 0 when there is too little to measure.
 */
export function estimateSkew(img: GreyImage): number {
  const { data, width: w, height: h } = img;
  const xs: number[] = [];
  const ys: number[] = [];
  // Strong vertical gradients: the top and bottom of letters and of the card.
  for (let y = 1; y < h - 1; y += 1) {
    for (let x = 1; x < w - 1; x += 2) {
      const i = y * w + x;
      const gy = data[i + w]! - data[i - w]!;
      if (gy > 60 || gy < -60) {
        xs.push(x - w / 2);
        ys.push(y - h / 2);
      }
    }
  }
  if (xs.length < 200) return 0;
  const diag = Math.ceil(Math.hypot(w, h));
  const bins = new Float64Array(diag * 2 + 1);
  const score = (degrees: number) => {
    const a = (degrees * Math.PI) / 180;
    const s = Math.sin(a);
    const c = Math.cos(a);
    bins.fill(0);
    for (let k = 0; k < xs.length; k++) bins[Math.round(ys[k]! * c - xs[k]! * s) + diag]!++;
    let sum = 0;
    for (let b = 0; b < bins.length; b++) sum += bins[b]! * bins[b]!;
    return sum;
  };
  let best = 0;
  let bestScore = -1;
  for (let d = -MAX_DEGREES; d <= MAX_DEGREES; d += 1) {
    const sc = score(d);
    if (sc > bestScore) [best, bestScore] = [d, sc];
  }
  const coarse = best;
  for (let d = coarse - 1; d <= coarse + 1; d += 0.2) {
    const sc = score(d);
    if (sc > bestScore) [best, bestScore] = [d, sc];
  }
  return Math.round(best * 10) / 10;
}
