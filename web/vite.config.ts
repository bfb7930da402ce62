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

/** The portal's first page on a cheap phone over 3G: its scripts, gzip-compressed, stay under this. */
const FIRST_PAGE_JS_BUDGET = 200 * 1024;

/**
 * Measures what the first page loads — the scripts index.html names and the modules they
 * preload — and fails the build when it outgrows the budget, so a heavy import is caught at once.
 */
function firstPageBudget(): Plugin {
  return {
    name: 'kencot-first-page-budget',
    apply: 'build',
    closeBundle() {
      const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
      const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
      const bytes = [...new Set(scripts)].reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 }).length, 0);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(`portal first page: ${scripts.length} script(s), ${kb(bytes)} gzip (budget ${kb(FIRST_PAGE_JS_BUDGET)})`);
      if (bytes > FIRST_PAGE_JS_BUDGET) throw new Error(`The portal's first page needs ${kb(bytes)} of gzip JavaScript, over the ${kb(FIRST_PAGE_JS_BUDGET)} budget.`);
    },
  };
}

export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react(), precompress(), firstPageBudget()],
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
