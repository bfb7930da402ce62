/**
 * Where document bytes live: addressed by their SHA-256, so the same scan uploaded twice is
 * stored once and a stored file can never be silently replaced.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

export interface BlobStore {
  readonly kind: 'disk' | 's3';
  put(sha256: string, bytes: Buffer): Promise<void>;
  get(sha256: string): Promise<Buffer | undefined>;
  /**
   * Removes the bytes; nothing happens when they are already gone, so a purge can be repeated.
   * The caller decides that no live record still shares these bytes.
   */
  delete(sha256: string): Promise<void>;
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
    async delete(sha) {
      await fs.rm(pathOf(sha), { force: true });
    },
  };
}

/**
 * S3-compatible object storage (MinIO, AWS, Indonesian cloud providers), for installations that
 * run several server copies or want documents off the server's disk. Path-style addressing, because
 * most self-hosted S3 implementations expect it.
 */
export function s3BlobStore(opts: {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  prefix?: string;
}): BlobStore {
  const client = new S3Client({
    endpoint: opts.endpoint,
    region: opts.region,
    forcePathStyle: true,
    credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
  });
  const keyOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('not a sha256');
    return `${opts.prefix ?? 'files/'}${sha.slice(0, 2)}/${sha}`;
  };
  return {
    kind: 's3',
    async put(sha, bytes) {
      // Content-addressed: an existing key already holds these exact bytes.
      try {
        await client.send(new HeadObjectCommand({ Bucket: opts.bucket, Key: keyOf(sha) }));
        return;
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      await client.send(new PutObjectCommand({ Bucket: opts.bucket, Key: keyOf(sha), Body: bytes, ContentType: 'application/octet-stream' }));
    },
    async get(sha) {
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: opts.bucket, Key: keyOf(sha) }));
        return res.Body ? Buffer.from(await res.Body.transformToByteArray()) : undefined;
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    async delete(sha) {
      // S3 answers a delete of a missing key with success, which is what a repeated purge needs.
      await client.send(new DeleteObjectCommand({ Bucket: opts.bucket, Key: keyOf(sha) }));
    },
  };
}

/** The store the configuration names: S3-compatible when configured, else the data directory. */
export function configuredBlobStore(config: { dataDir: string; s3?: Parameters<typeof s3BlobStore>[0] | undefined }): BlobStore {
  return config.s3 ? s3BlobStore(config.s3) : diskBlobStore(path.join(config.dataDir, 'files'));
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}
