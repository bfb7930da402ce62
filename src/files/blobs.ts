/**
 * Where document bytes live: addressed by their SHA-256, so the same scan uploaded twice is
 * stored once and a stored file can never be silently replaced.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';

export interface BlobStore {
  readonly kind: 'disk' | 's3';
  put(sha256: string, bytes: Buffer): Promise<void>;
  get(sha256: string): Promise<Buffer | undefined>;
}

export function diskBlobStore(root: string): BlobStore {
  const pathOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('not a sha256');
    return path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  };
  return {
    kind: 'disk',
    async put(sha, bytes) {
      const target = pathOf(sha);
      try {
        await fs.access(target);
        return; // content-addressed: already there means identical bytes
      } catch {
        /* not stored yet */
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Write then rename, so a crash never leaves a half file under the final name.
      const tmp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(tmp, bytes, { flag: 'wx' });
      await fs.rename(tmp, target);
    },
    async get(sha) {
      try {
        return await fs.readFile(pathOf(sha));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
  };
}
