#!/usr/bin/env node
/**
 * `kencot` — administration from the server's shell: migrations, offices, staff accounts, purging
 * scans past their retention period, backups; and `understand`, what the chatbot reads in a message.
 * Uses the same configuration (DATABASE_URL or DATA_DIR) as the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { createStaffUser, resetPassword, setStaffActive } from './auth/service.js';
import { createBackup, restoreBackup } from './backup/service.js';
import { isRole, ROLES, type Role } from './auth/roles.js';
import { openDatabase } from './db/database.js';
import { configuredBlobStore } from './files/blobs.js';
import { purgeDueFiles } from './files/purge.js';
import { t } from './i18n/i18n.js';
import { ikmReport } from './ikm/cli.js';
import { SERVICES } from './catalogue/services.js';
import { addOffice } from './offices/setup.js';
import { applyPersonalDataRetention, totalOf } from './privacy/purge.js';
import { systemClock } from './platform/clock.js';
import { loadConfig } from './platform/config.js';
import { AppError } from './platform/errors.js';
import { terminalMessage } from './platform/logger.js';
import { loadRegions } from './regions/regions.js';
import { NumberInput, registerNumber } from './whatsapp/service.js';
import { understand } from './whatsapp/understand.js';

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>, opts = { migrate: true }): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    // Backup and restore leave the schema as they find it (restore migrates itself, to the backup's level first).
    if (opts.migrate) await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

const parseRole = (value: string): Role => {
  if (!isRole(value)) throw new InvalidArgumentError(`one of: ${ROLES.join(', ')}`);
  return value;
};

const program = new Command('kencot').description('Kencot administration').showHelpAfterError();

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() => withDatabase(async (database) => console.log(`Migrations applied (${database.kind}).`)));

const office = program.command('office').description('kecamatan offices');
office
  .command('add')
  .description('add an office from the region dataset by its Kemendagri code')
  .requiredOption('--code <code>', 'Kemendagri district code, e.g. 33.02.21')
  .requiredOption('--prefix <letters>', 'ticket prefix, e.g. KBR')
  .requiredOption('--address <text>', 'office address')
  .option('--phone <phone>')
  .option('--whatsapp <phone>')
  .option('--email <email>')
  .action((opts: { code: string; prefix: string; address: string; phone?: string; whatsapp?: string; email?: string }) =>
    withDatabase(async ({ db }) => {
      const row = await addOffice({ db, clock: systemClock }, loadRegions(), {
        code: opts.code,
        ticketPrefix: opts.prefix,
        contact: { address: opts.address, phone: opts.phone, whatsapp: opts.whatsapp, email: opts.email },
      });
      console.log(`Added ${row.name} (${row.code}).`);
    }),
  );

const user = program.command('user').description('staff accounts');
user
  .command('add')
  .description('create a staff account and print its first password')
  .requiredOption('--office <code>', 'office code, e.g. 33.02.20')
  .requiredOption('--role <role>', ROLES.join(' | '), parseRole)
  .requiredOption('--name <name>', 'full name')
  .requiredOption('--username <username>')
  .action((opts: { office: string; role: Role; name: string; username: string }) =>
    withDatabase(async ({ db }) => {
      const { user: created, password } = await createStaffUser(
        { db, clock: systemClock },
        null,
        { officeCode: opts.office, role: opts.role, name: opts.name, username: opts.username },
        { requestId: 'cli' },
      );
      console.log(`Created ${created.username} (${created.role}). First password: ${password}`);
      console.log('It must be changed at the first sign-in.');
    }),
  );
user
  .command('reset-password')
  .description('set a new generated password, unlock the account and sign it out everywhere')
  .argument('<username>')
  .action((username: string) =>
    withDatabase(async ({ db }) => {
      const { password } = await resetPassword({ db, clock: systemClock }, null, username, { requestId: 'cli' });
      console.log(`New password for ${username}: ${password}`);
    }),
  );

for (const [command, active] of [['deactivate', false], ['reactivate', true]] as const) {
  user
    .command(command)
    .description(active ? 'let a deactivated account sign in again' : 'stop an account from signing in and end its sessions')
    .argument('<username>')
    .action((username: string) =>
      withDatabase(async ({ db }) => {
        const changed = await setStaffActive({ db, clock: systemClock }, null, username, active, { requestId: 'cli' });
        console.log(t('id', active ? 'cli.user_reactivated' : 'cli.user_deactivated', { username: changed.username }));
      }),
    );
}

const whatsapp = program.command('whatsapp').description('the WhatsApp Cloud API channel');
whatsapp
  .command('add-number')
  .description("point a business number (Cloud API phone_number_id) at an office, with its approved templates")
  .requiredOption('--office <code>', 'office code, e.g. 33.02.20')
  .requiredOption('--phone-number-id <id>', "the number's id in Meta's WhatsApp Manager")
  .option('--display-phone <phone>', 'the number as people see it')
  .option('--templates <json>', 'kind → {name, language}, e.g. {"request.*":{"name":"kencot_status_permohonan","language":"id"}}')
  .action((opts: { office: string; phoneNumberId: string; displayPhone?: string; templates?: string }) =>
    withDatabase(async ({ db }) => {
      const input = NumberInput.parse({ displayPhone: opts.displayPhone, templates: opts.templates ? JSON.parse(opts.templates) : undefined });
      const row = await registerNumber({ db, clock: systemClock }, null, opts.office, opts.phoneNumberId, input, { requestId: 'cli' });
      console.log(`WhatsApp number ${row.phoneNumberId} now answers for ${row.officeCode}; templates: ${Object.keys(row.templates).join(', ')}.`);
    }),
  );

const files = program.command('files').description("citizens' documents");
files
  .command('purge')
  .description('delete the scans whose retention period has passed (the server also does this every hour)')
  .action(() =>
    withDatabase(async ({ db }) => {
      const purged = await purgeDueFiles({ db, clock: systemClock, blobs: configuredBlobStore(loadConfig()) }, { requestId: 'cli' });
      console.log(t('id', purged === 0 ? 'cli.files_purged_none' : 'cli.files_purged', { count: purged }));
    }),
  );

program
  .command('backup')
  .description('write one archive with a consistent snapshot of the database and the documents it still needs')
  .requiredOption('--output <file>', "the archive to create (never overwritten); '-' writes to stdout, e.g. to pipe into age or gpg")
  .action((opts: { output: string }) =>
    withDatabase(async (database) => {
      const config = loadConfig();
      const toStdout = opts.output === '-';
      const summary = await createBackup({ database, clock: systemClock, blobs: configuredBlobStore(config) }, toStdout ? process.stdout : opts.output);
      // With the archive on stdout, people's messages go to stderr.
      const say = toStdout ? console.error : console.log;
      const rows = summary.tables.reduce((n, table) => n + table.rows, 0);
      say(t('id', 'cli.backup_written', { tables: summary.tables.length, rows, blobs: summary.blobs, size: summary.bytes, sha256: summary.sha256 }));
      if (summary.missingBlobs > 0) console.error(t('id', 'cli.backup_missing_blobs', { count: summary.missingBlobs }));
      if (!toStdout) say(t('id', 'cli.backup_encrypt_reminder'));
    }, { migrate: false }),
  );

program
  .command('restore')
  .description('restore an archive made by `kencot backup` into an empty database and file store')
  .requiredOption('--input <file>', 'the archive (decrypted)')
  .option('--force', 'replace a database that is not empty, audit trail included; only with every server stopped')
  .action((opts: { input: string; force?: boolean }) =>
    withDatabase(async (database) => {
      const summary = await restoreBackup({ database, clock: systemClock, blobs: configuredBlobStore(loadConfig()) }, opts.input, { force: opts.force === true });
      console.log(t('id', 'cli.restore_done', { createdAt: summary.createdAt, engine: summary.engine, migration: summary.migration ?? '-', blobs: summary.blobs }));
      for (const table of summary.tables) console.log(t('id', 'cli.restore_table', { table: table.name, rows: table.rows }));
      if (summary.missingBlobs > 0) console.error(t('id', 'cli.backup_missing_blobs', { count: summary.missingBlobs }));
    }, { migrate: false }),
  );

const data = program.command('data').description('personal data (UU PDP)');
data
  .command('purge')
  .description('anonymise or delete the personal data whose retention period has passed (the server also does this every hour)')
  .action(() =>
    withDatabase(async ({ db }) => {
      const counts = await applyPersonalDataRetention({ db, clock: systemClock }, { requestId: 'cli' });
      if (totalOf(counts) === 0) {
        console.log(t('id', 'privacy.cli.none'));
        return;
      }
      for (const [kind, count] of Object.entries(counts)) if (count > 0) console.log(t('id', `privacy.cli.${kind}`, { count }));
    }),
  );

program
  .command('ikm')
  .description('compute the satisfaction index (IKM, PermenPANRB 14/2017) from a CSV of survey answers')
  .requiredOption('--input <file>', 'CSV: a header of unsur codes (PERSYARATAN, PROSEDUR, …) in any order, one respondent per row, answers 1–4')
  .option('--population <n>', 'service users in the period, to check the Krejcie–Morgan minimum sample', (v) => {
    if (!/^\d+$/.test(v)) throw new InvalidArgumentError('a whole number');
    return Number(v);
  })
  .option('--json', 'print the result as JSON')
  .action((opts: { input: string; population?: number; json?: boolean }) => {
    const { output, ok } = ikmReport(opts);
    (ok ? console.log : console.error)(output);
    if (!ok) process.exitCode = 1;
  });

program
  .command('understand')
  .description("what the chatbot reads in a citizen's message: intent, service and ticket (no database needed)")
  .argument('<text...>', 'the message, e.g. "cek status kbr 26 2"')
  .option('--json', 'print {"intent", "service", "ticket"} as JSON')
  .action((parts: string[], opts: { json?: boolean }) => {
    const { intent, service, ticket } = understand(parts.join(' '), SERVICES);
    if (opts.json) {
      // Spelled as the contract shows it (a space after each colon); any JSON reader takes it.
      console.log(`{"intent": ${JSON.stringify(intent)}, "service": ${JSON.stringify(service)}, "ticket": ${JSON.stringify(ticket)}}`);
      return;
    }
    console.log(`intent: ${intent} · service: ${service ?? '-'} · ticket: ${ticket ?? '-'}`);
  });

const importing = program.command('import').description('fill registers from lists');
importing
  .command('children')
  .description("import a desa's extract or a school's roster (CSV or XLSX, its first sheet) into an office's children register; exits 1 when a row was refused")
  .requiredOption('--office <code>', 'office code, e.g. 33.02.20')
  .requiredOption('--input <file>', 'CSV with a header: nik, nama, tanggal_lahir, jenis_kelamin, desa, npsn, kelas, nama_orang_tua, no_kk, no_wa, punya_kia (any order and case)')
  .option('--dry-run', 'check and count, save nothing')
  .option('--only-valid', 'save the valid rows even when others are refused (otherwise nothing is saved then)')
  .option('--json', 'print {"imported", "updated", "unchanged", "refused", "errors": [{"row", "column", "reason"}]}')
  .action((opts: { office: string; input: string; dryRun?: boolean; onlyValid?: boolean; json?: boolean }) =>
    withDatabase(async ({ db }) => {
      const { contractJson, importChildren, reportText } = await import('./children/service.js');
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(opts.input);
      } catch {
        console.error(t('id', 'children.import.file_unreadable', { file: opts.input }));
        process.exitCode = 1;
        return;
      }
      const dryRun = opts.dryRun === true;
      const report = await importChildren({ db, clock: systemClock, regions: loadRegions() }, null, opts.office, { fileName: path.basename(opts.input), bytes, dryRun, onlyValid: opts.onlyValid === true }, { requestId: 'cli' });
      console.log(opts.json ? contractJson(report) : reportText(report, { dryRun }));
      if (report.errors.length > 0) process.exitCode = 1;
    }),
  );

program
  .command('coverage')
  .description('KIA coverage of an office: children 0–16 in the register and those holding a KIA, per desa and per school')
  .requiredOption('--office <code>', 'office code, e.g. 33.02.20')
  .option('--json', 'print {"desa": [{"code", "name", "children", "withKia"}], "total": {"children", "withKia"}}')
  .action((opts: { office: string; json?: boolean }) =>
    withDatabase(async ({ db }) => {
      const { coverageJson, coverageText, kiaCoverage } = await import('./children/service.js');
      const { offices } = await kiaCoverage({ db, clock: systemClock, regions: loadRegions() }, null, opts.office);
      console.log(opts.json ? coverageJson(offices[0]!) : coverageText(offices[0]!));
    }),
  );

const milliseconds = (v: string) => {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('a whole number of milliseconds');
  return Number(v);
};

program
  .command('photo-check')
  .description('check a photo of a KK, akta, KTP-el or a child\'s pass photo: blurred, dark, bright, small, cropped, screen, no_face, wrong_document')
  .argument('<file>', 'the photo (JPG, PNG, WebP)')
  .option('--kind <kind>', 'kk | akta | ktp | photo (a document of any kind when left out)')
  .option('--json', 'print { ok, problems, measures } as JSON')
  .option('--ocr-timeout <ms>', 'time budget for reading the title (wrong_document)', milliseconds)
  .action(async (file: string, opts: { kind?: string; json?: boolean; ocrTimeout?: number }) => {
    // Loaded on use: OCR and the face detector are heavy, and no other command needs them.
    const { photoCheckReport } = await import('./photos/cli.js');
    const { output, ok } = await photoCheckReport({ file, kind: opts.kind, json: opts.json, ocrTimeoutMs: opts.ocrTimeout });
    (ok ? console.log : console.error)(output);
    if (!ok) process.exitCode = 1;
  });

program
  .command('read-numbers')
  .description('read the 16-digit numbers (NIK, KK number) printed on a document photo, by OCR on this machine')
  .argument('<file>', 'the photo (JPG, PNG, WebP)')
  .option('--json', 'print { numbers } as JSON')
  .option('--timeout <ms>', 'time budget for the OCR', milliseconds)
  .action(async (file: string, opts: { json?: boolean; timeout?: number }) => {
    const { readNumbersReport } = await import('./photos/cli.js');
    const { output, ok } = await readNumbersReport({ file, json: opts.json, ocrTimeoutMs: opts.timeout });
    (ok ? console.log : console.error)(output);
    if (!ok) process.exitCode = 1;
  });

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof AppError ? t('en', err.messageKey, err.params) : terminalMessage(err));
  process.exit(1);
});
