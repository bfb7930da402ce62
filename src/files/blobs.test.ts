import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskBlobStore, s3BlobStore, type BlobStore } from './blobs.js';

/**
 * A local stand-in for an S3-compatible service (the outside edge): path-style objects in memory,
 * refusing requests that are not SigV4-signed with the configured access key.
 */
function s3StandIn() {
  const objects = new Map<string, Buffer>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url}`);
      if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 Credential=KENCOTKEY/')) {
        res.writeHead(403).end();
        return;
      }
      const key = decodeURIComponent((req.url ?? '').split('?')[0]!);
      if (req.method === 'PUT') {
        objects.set(key, Buffer.concat(chunks));
        res.writeHead(200, { etag: '"x"' }).end();
      } else if (req.method === 'DELETE') {
        // Like S3: deleting a key that is not there is a success too.
        objects.delete(key);
        res.writeHead(204).end();
      } else if (objects.has(key)) {
        res.writeHead(200, { 'content-length': objects.get(key)!.length, 'content-type': 'application/octet-stream' });
        res.end(req.method === 'HEAD' ? undefined : objects.get(key));
      } else {
        res.writeHead(404, { 'content-type': 'application/xml' });
        res.end(req.method === 'HEAD' ? undefined : '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>missing</Message></Error>');
      }
    });
  });
  return { server, objects, requests };
}

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

function behavesAsBlobStore(name: string, make: () => BlobStore) {
  describe(name, () => {
    it('returns exactly the bytes stored under their hash, nothing for an unknown hash', async () => {
      const store = make();
      const bytes = crypto.randomBytes(70_000);
      await store.put(sha(bytes), bytes);
      await store.put(sha(bytes), bytes); // the same document uploaded twice
      expect((await store.get(sha(bytes)))?.equals(bytes)).toBe(true);
      expect(await store.get(sha(Buffer.from('other')))).toBeUndefined();
    });

    it('deletes exactly the bytes under one hash, and deleting them again is harmless', async () => {
      const store = make();
      const gone = crypto.randomBytes(5_000);
      const kept = crypto.randomBytes(5_000);
      await store.put(sha(gone), gone);
      await store.put(sha(kept), kept);
      await store.delete(sha(gone));
      expect(await store.get(sha(gone))).toBeUndefined();
      expect((await store.get(sha(kept)))?.equals(kept)).toBe(true);
      await expect(store.delete(sha(gone))).resolves.toBeUndefined();
      // Stored again later (the same scan uploaded anew), the bytes are back.
      await store.put(sha(gone), gone);
      expect((await store.get(sha(gone)))?.equals(gone)).toBe(true);
    });

    it('refuses a key that is not a SHA-256, so no path can be smuggled in', async () => {
      await expect(make().put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow(/sha256/);
      await expect(make().delete('../../etc/passwd')).rejects.toThrow(/sha256/);
    });
  });
}

const standIn = s3StandIn();
let endpoint = '';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kencot-blobs-'));
beforeAll(async () => {
  await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}`;
});
afterAll(() => {
  standIn.server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

behavesAsBlobStore('disk', () => diskBlobStore(dir));
behavesAsBlobStore('S3-compatible', () =>
  s3BlobStore({ endpoint, bucket: 'kencot', region: 'id-jkt-1', accessKeyId: 'KENCOTKEY', secretAccessKey: 'secret' }),
);

describe('S3-compatible specifics', () => {
  it('writes path-style keys under files/ and skips the upload when the object exists', async () => {
    const store = s3BlobStore({ endpoint, bucket: 'kencot', region: 'id-jkt-1', accessKeyId: 'KENCOTKEY', secretAccessKey: 'secret' });
    const bytes = Buffer.from('scan of a kartu keluarga');
    standIn.requests.length = 0;
    await store.put(sha(bytes), bytes);
    await store.put(sha(bytes), bytes);
    const puts = standIn.requests.filter((r) => r.startsWith('PUT')).map((r) => r.split('?')[0]);
    expect(puts).toEqual([`PUT /kencot/files/${sha(bytes).slice(0, 2)}/${sha(bytes)}`]);
  });

  it('surfaces a refusal by the object store instead of pretending the file is missing', async () => {
    const store = s3BlobStore({ endpoint, bucket: 'kencot', region: 'id-jkt-1', accessKeyId: 'WRONGKEY', secretAccessKey: 'secret' });
    await expect(store.get(sha(Buffer.from('x')))).rejects.toBeTruthy();
  });
});
