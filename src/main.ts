/** `npm start`: one server process. Stops cleanly on SIGTERM/SIGINT. */
import { t } from './i18n/i18n.js';
import { loadConfig } from './platform/config.js';
import { AppError } from './platform/errors.js';
import { terminalMessage } from './platform/logger.js';
import { startServer } from './server.js';

const config = loadConfig();
const server = await startServer(config).catch((err: unknown) => {
  console.error(err instanceof AppError ? t('en', err.messageKey, err.params) : terminalMessage(err));
  process.exit(1);
});

if (server.firstAdmin) {
  // Printed once, to the terminal only: the account must change it at first sign-in.
  const line = '='.repeat(64);
  console.log(
    `\n${line}\n  Kencot siap. Akun admin pertama (catat sekarang, hanya ditampilkan sekali):\n` +
      `    nama pengguna : ${server.firstAdmin.username}\n    kata sandi    : ${server.firstAdmin.password}\n` +
      `  Buka ${server.url}/petugas untuk masuk.\n${line}\n`,
  );
}
console.log(`Kencot: ${server.url} (database: ${server.database.kind})`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
