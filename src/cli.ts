#!/usr/bin/env node
/**
 * `kencot` — administration from the server's shell: migrations, offices, staff accounts, purging
 * scans past their retention period.
 * Uses the same configuration (DATABASE_URL or DATA_DIR) as the server.
 */
import { Command, InvalidArgumentError } from 'commander';
import { createStaffUser, resetPassword } from './auth/service.js';
import { isRole, ROLES, type Role } from './auth/roles.js';
import { openDatabase } from './db/database.js';
import { configuredBlobStore } from './files/blobs.js';
import { purgeDueFiles } from './files/purge.js';
import { t } from './i18n/i18n.js';
import { addOffice } from './offices/setup.js';
import { systemClock } from './platform/clock.js';
import { loadConfig } from './platform/config.js';
import { AppError } from './platform/errors.js';
import { terminalMessage } from './platform/logger.js';
import { loadRegions } from './regions/regions.js';
import { NumberInput, registerNumber } from './whatsapp/service.js';

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
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

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof AppError ? t('en', err.messageKey, err.params) : terminalMessage(err));
  process.exit(1);
});
