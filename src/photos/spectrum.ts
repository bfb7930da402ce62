/**
 * The spectrum of a square greyscale patch, for telling a photographed screen by its moiré: the
 * pixel grid of a screen beats with the camera's sensor into a periodic pattern, which shows up as
 * a few isolated peaks at high frequency. Paper and text spread their energy over the spectrum.
 * Pure: numbers in, numbers out.
 */
import type { GreyImage } from './quality.js';

/** In-place radix-2 complex FFT over `re`/`im` (length a power of two). */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const angle = (-2 * Math.PI) / len;
    const wr = Math.cos(angle);
    const wi = Math.sin(angle);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const tr = re[b]! * cr - im[b]! * ci;
        const ti = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
        const nr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = nr;
      }
    }
  }
}

/** Power spectrum of an N×N patch (N a power of two), mean removed and Hann-windowed. */
export function powerSpectrum(patch: GreyImage): { n: number; power: Float64Array } {
  const n = patch.width;
  if (n !== patch.height || (n & (n - 1)) !== 0) throw new RangeError('patch must be square, a power of two');
  let mean = 0;
  for (let i = 0; i < n * n; i++) mean += patch.data[i]!;
  mean /= n * n;
  const hann = Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1)));
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) re[y * n + x] = (patch.data[y * n + x]! - mean) * hann[x]! * hann[y]!;
  const rowRe = new Float64Array(n);
  const rowIm = new Float64Array(n);
  for (let y = 0; y < n; y++) {
    rowRe.set(re.subarray(y * n, y * n + n));
    rowIm.set(im.subarray(y * n, y * n + n));
    fft(rowRe, rowIm);
    re.set(rowRe, y * n);
    im.set(rowIm, y * n);
  }
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      rowRe[y] = re[y * n + x]!;
      rowIm[y] = im[y * n + x]!;
    }
    fft(rowRe, rowIm);
    for (let y = 0; y < n; y++) {
      re[y * n + x] = rowRe[y]!;
      im[y * n + x] = rowIm[y]!;
    }
  }
  const power = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) power[i] = re[i]! * re[i]! + im[i]! * im[i]!;
  return { n, power };
}

/**
 * How much the strongest pair of orthogonal high-frequency peaks stands out from its surroundings:
 * log10 of the weaker peak's power over the mean power of a ring around it (radius 3 to 6 bins),
 * for periods between 2 and 12 pixels. A screen's pixel grid is periodic across and down alike, so
 * its moiré gives a sharp peak and another at a right angle; printed text repeats only along the
 * line (the digits' fixed pitch), which gives a ridge and no partner. Comparing with the ring, not
 * with the whole band, keeps a blurred photo (little high-frequency energy at all) from looking
 * periodic. JPEG's 8×8 and 16×16 (chroma) blocks put peaks on multiples of N/16: those bins are
 * left out, or every compressed phone photo would look like a screen.
 */
export function periodicPeak(patch: GreyImage): number {
  const { n, power } = powerSpectrum(patch);
  const mask = n - 1;
  const block = n / 16;
  const nearBlock = (k: number) => {
    const m = k & (block - 1);
    return m <= 1 || m >= block - 1;
  };
  const rMin2 = (n / 12) ** 2;
  const rMax2 = (n / 2) ** 2;
  const inBand = (u: number, v: number) => {
    const r2 = u * u + v * v;
    return r2 >= rMin2 && r2 <= rMax2 && !(nearBlock(u) && nearBlock(v));
  };
  // Power at frequency (u, v), either half-plane (the spectrum of a real image is symmetric).
  const at = (u: number, v: number) => power[(v & mask) * n + (u & mask)]!;
  const ring = (u: number, v: number) => {
    let sum = 0;
    let count = 0;
    for (let dv = -6; dv <= 6; dv++) {
      for (let du = -6; du <= 6; du++) {
        const d2 = du * du + dv * dv;
        if (d2 < 9 || d2 > 36) continue;
        sum += at(u + du, v + dv);
        count++;
      }
    }
    return sum / count;
  };
  // Candidates: the strongest bins whose right-angle partner (−v, u) is strong too. A short list
  // kept sorted by insertion: most bins fall below its last entry at once.
  const TOP = 40;
  const top: { u: number; v: number; pu: number; pv: number; weaker: number }[] = [];
  for (let v = -n / 2 + 1; v < n / 2; v++) {
    for (let u = 0; u < n / 2; u++) {
      if (!inBand(u, v)) continue;
      const p = at(u, v);
      if (top.length === TOP && p <= top[TOP - 1]!.weaker) continue;
      let best = 0;
      let pu = 0;
      let pv = 0;
      for (let dv = -1; dv <= 1; dv++) {
        for (let du = -1; du <= 1; du++) {
          const qu = -v + du;
          const qv = u + dv;
          const q = at(qu, qv);
          if (q > best && inBand(qu, qv)) [best, pu, pv] = [q, qu, qv];
        }
      }
      const weaker = Math.min(p, best);
      if (top.length === TOP && weaker <= top[TOP - 1]!.weaker) continue;
      let i = top.length < TOP ? top.length : TOP - 1;
      while (i > 0 && top[i - 1]!.weaker < weaker) i--;
      top.splice(i, 0, { u, v, pu, pv, weaker });
      if (top.length > TOP) top.pop();
    }
  }
  let best = 0;
  for (const c of top) {
    const a = at(c.u, c.v) / Math.max(ring(c.u, c.v), 1e-9);
    const b = at(c.pu, c.pv) / Math.max(ring(c.pu, c.pv), 1e-9);
    best = Math.max(best, Math.min(a, b));
  }
  return best > 0 ? Math.log10(best) : 0;
}
