/**
 * The fallback when the trained detector (`face-detector.ts`) cannot load: is there a face, roughly
 * centred, in a child's pass photo (KIA)? A skin-tone and shape heuristic,
 * not a trained detector: the largest blob of skin-coloured pixels (YCbCr rule of Chai & Ngan) must
 * be face-sized and roughly an upright ellipse, with its centre near the middle of the frame. It runs on a small RGB copy in milliseconds, needs
 * no model, and is honest about what it is: a hint, never a refusal. Pure.
 */

export type RgbImage = { data: Uint8Array | Uint8ClampedArray; width: number; height: number };

export type FaceMeasures = {
  /** Share of the frame covered by the largest skin blob (0 when there is none). */
  faceShare: number;
  /** Blob centre as a share of width and height. */
  faceX: number;
  faceY: number;
  /** Blob height over width. */
  faceAspect: number;
  /** Share of the blob's bounding box that is skin (an ellipse fills about 0.79). */
  faceFill: number;
};

const isSkin = (r: number, g: number, b: number): boolean => {
  const cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
  const cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
  const y = 0.299 * r + 0.587 * g + 0.114 * b;
  return y > 40 && cb >= 77 && cb <= 127 && cr >= 137 && cr <= 173;
};

export function measureFace(img: RgbImage): FaceMeasures {
  const { width: w, height: h, data } = img;
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) mask[i] = isSkin(data[i * 3]!, data[i * 3 + 1]!, data[i * 3 + 2]!) ? 1 : 0;
  // Largest 4-connected component; the label array doubles as the visited set.
  const label = new Int32Array(w * h);
  const stack: number[] = [];
  let best = { size: 0, minX: 0, maxX: 0, minY: 0, maxY: 0, sumX: 0, sumY: 0 };
  let next = 0;
  for (let start = 0; start < w * h; start++) {
    if (!mask[start] || label[start]) continue;
    next++;
    const c = { size: 0, minX: w, maxX: 0, minY: h, maxY: 0, sumX: 0, sumY: 0 };
    label[start] = next;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % w;
      const y = (p - x) / w;
      c.size++;
      c.sumX += x;
      c.sumY += y;
      if (x < c.minX) c.minX = x;
      if (x > c.maxX) c.maxX = x;
      if (y < c.minY) c.minY = y;
      if (y > c.maxY) c.maxY = y;
      const around = [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1];
      for (const q of around) {
        if (q < 0 || !mask[q] || label[q]) continue;
        label[q] = next;
        stack.push(q);
      }
    }
    if (c.size > best.size) best = c;
  }
  if (best.size === 0) return { faceShare: 0, faceX: 0, faceY: 0, faceAspect: 0, faceFill: 0 };
  const bw = best.maxX - best.minX + 1;
  const bh = best.maxY - best.minY + 1;
  return {
    faceShare: best.size / (w * h),
    faceX: best.sumX / best.size / w,
    faceY: best.sumY / best.size / h,
    faceAspect: bh / bw,
    faceFill: best.size / (bw * bh),
  };
}

export type FaceThresholds = { minShare: number; maxShare: number; minAspect: number; maxAspect: number; minFill: number; maxFill: number; maxOffCentreX: number; minY: number; maxY: number };

/** A face is present and roughly centred. */
export function faceOk(m: FaceMeasures, t: FaceThresholds): boolean {
  return (
    m.faceShare >= t.minShare &&
    m.faceShare <= t.maxShare &&
    m.faceAspect >= t.minAspect &&
    m.faceAspect <= t.maxAspect &&
    m.faceFill >= t.minFill &&
    m.faceFill <= t.maxFill &&
    Math.abs(m.faceX - 0.5) <= t.maxOffCentreX &&
    m.faceY >= t.minY &&
    m.faceY <= t.maxY
  );
}
