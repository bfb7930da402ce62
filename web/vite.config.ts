/** Builds the web client (portal and staff console) into dist/web, where the server serves it. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(webDir, '../dist/web');

/**
 * Writes `.br` and `.gz` beside each text asset so the server can send them as they are
 * (@fastify/static `preCompressed: true`): on a cheap phone over a slow link, 250 kB of
 * JavaScript is ~70 kB brotli.
 */
function precompress(): Plugin {
  return {
    name: 'kencot-precompress',
    apply: 'build',
    closeBundle() {
      for (const entry of fs.readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(js|css|html|svg|json)$/.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const content = fs.readFileSync(file);
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    reportCompressedSize: true,
    sourcemap: false,
    // Cheap Android phones often run an old Chrome / WebView that is not updated.
    target: ['es2020', 'chrome87', 'safari14', 'firefox78'],
  },
  server: {
    // `npx vite --config web/vite.config.ts` for UI work against a server on the default port.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
