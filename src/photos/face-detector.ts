/**
 * A trained face detector for the child's pass photo (KIA): @vladmandic/face-api's TinyFaceDetector
 * on TensorFlow.js's pure-JavaScript CPU backend, with the model weights shipped inside the npm
 * package (`model/tiny_face_detector_model.bin`, about 190 kB), read from node_modules: nothing is
 * downloaded at run time. Loaded on first use (about 1–2 s); a photo takes a few hundred
 * milliseconds at the 224-pixel input size.
 *
 * When the library cannot be loaded, `detectFace` resolves to null and the check falls back to the
 * skin-colour heuristic of `face.ts`: the detector's absence changes nothing but the hint.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RgbImage } from './face.js';

export type DetectedFace = {
  /** Detector confidence, 0–1. */
  score: number;
  /** Box as shares of the image: left, top, width, height. */
  x: number;
  y: number;
  width: number;
  height: number;
};

const require = createRequire(import.meta.url);
const INPUT_SIZE = 160;
const SCORE_THRESHOLD = 0.3;

// The library is CommonJS bundled for Node and typed loosely; only these calls are used.
type FaceApi = {
  tf: {
    setBackend(name: string): Promise<boolean>;
    ready(): Promise<void>;
    tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
    env(): { set(flag: string, value: unknown): void };
  };
  nets: { tinyFaceDetector: { loadFromDisk(dir: string): Promise<void> } };
  TinyFaceDetectorOptions: new (opts: { inputSize: number; scoreThreshold: number }) => unknown;
  detectAllFaces(input: unknown, options: unknown): Promise<{ score: number; box: { x: number; y: number; width: number; height: number } }[]>;
};

let loading: Promise<FaceApi | null> | null = null;

/** The face-api model directory inside node_modules. */
export function faceModelDir(): string {
  return path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
}

function load(): Promise<FaceApi | null> {
  loading ??= (async () => {
    try {
      // The Node build of face-api that needs no native TensorFlow binding; it uses the CPU backend.
      const api = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
      // Production mode: fewer debug checks, and no console hint at first use about TensorFlow's
      // native binding (which would download a binary at install, refused here).
      api.tf.env().set('PROD', true);
      await api.tf.setBackend('cpu');
      await api.tf.ready();
      await api.nets.tinyFaceDetector.loadFromDisk(faceModelDir());
      return api;
    } catch {
      return null;
    }
  })();
  return loading;
}

/** Load the detector ahead of the first photo. False when it cannot run here. */
export async function startFaceDetector(): Promise<boolean> {
  return (await load()) !== null;
}

/** The most confident face, or `{ score: 0 }`-less null when none is found or the detector is unavailable. */
export async function detectFace(rgb: RgbImage): Promise<DetectedFace | 'none' | null> {
  const api = await load();
  if (!api) return null;
  const tensor = api.tf.tensor3d(new Uint8Array(rgb.data), [rgb.height, rgb.width, 3], 'int32');
  try {
    const found = await api.detectAllFaces(tensor, new api.TinyFaceDetectorOptions({ inputSize: INPUT_SIZE, scoreThreshold: SCORE_THRESHOLD }));
    if (found.length === 0) return 'none';
    const best = found.reduce((a, b) => (b.score > a.score ? b : a));
    return { score: best.score, x: best.box.x / rgb.width, y: best.box.y / rgb.height, width: best.box.width / rgb.width, height: best.box.height / rgb.height };
  } catch {
    return null;
  } finally {
    tensor.dispose();
  }
}
