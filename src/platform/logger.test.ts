import { DrizzleQueryError } from 'drizzle-orm/errors';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions, safeError, terminalMessage } from './logger.js';

const NIK = '3302205005200001';
const PHONE = '6281227009876';
const PIN_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g';

/** What drizzle throws when PostgreSQL refuses an insert: values in the message, the params and the driver's detail. */
function failedInsert() {
  const driver = Object.assign(new Error('duplicate key value violates unique constraint "requests_nik_key"'), {
    code: '23505',
    severity: 'ERROR',
    detail: `Key (subject_nik)=(${NIK}) already exists.`,
    constraint: 'requests_nik_key',
    table: 'requests',
    schema: 'public',
    where: `SQL statement "insert … ${PHONE}"`,
  });
  return new DrizzleQueryError('insert into "requests" ("subject_nik", "applicant_phone", "pin_hash") values ($1, $2, $3)', [NIK, PHONE, PIN_HASH], driver);
}

function capture() {
  const lines: string[] = [];
  return { lines, logger: pino(loggerOptions('info'), { write: (line: string) => void lines.push(line) }) };
}

describe('logged errors', () => {
  it('keep the error class, SQLSTATE and schema names of a failed query, never its values', () => {
    const { lines, logger } = capture();
    // The workers log both ways: { err } and the error itself.
    logger.error({ err: failedInsert(), inboundId: 7 }, 'whatsapp message handling failed');
    logger.error(failedInsert());
    logger.error({ error: failedInsert() }, 'another spelling');
    const fastifyStyle = failedInsert();
    logger.error({ err: fastifyStyle }, fastifyStyle.message);
    const text = lines.join('\n');
    for (const secret of [NIK, PHONE, '$argon2', 'Failed query', 'already exists', 'insert']) expect(text).not.toContain(secret);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({ inboundId: 7, err: { type: 'DrizzleQueryError', cause: { code: '23505', constraint: 'requests_nik_key', table: 'requests', schema: 'public' } } });
    expect(JSON.parse(lines[1]!)).toMatchObject({ err: { type: 'DrizzleQueryError', cause: { code: '23505' } } });
  });

  it('keep where the error was thrown, without the message the stack starts with', () => {
    const serialized = safeError(new TypeError(`Unexpected token, "${NIK}" is not valid JSON`));
    expect(serialized.type).toBe('TypeError');
    expect(serialized.stack).toMatch(/^\s+at /);
    expect(JSON.stringify(serialized)).not.toContain(NIK);
  });

  it('keep an application error its stable code and status', () => {
    expect(safeError(Object.assign(new Error('not_found: errors.not_found'), { name: 'AppError', code: 'not_found', status: 404 }))).toMatchObject({ type: 'AppError', code: 'not_found', status: 404 });
  });

  it('print a failed query on a terminal without its values, other errors with their message', () => {
    expect(terminalMessage(failedInsert())).not.toContain(NIK);
    expect(terminalMessage(failedInsert())).toContain('23505');
    expect(terminalMessage(new Error('DATA_DIR is not writable'))).toBe('DATA_DIR is not writable');
  });
});
