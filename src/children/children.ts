/**
 * The children register's rules (issue 12), pure: which columns a list may carry, and what a row
 * of a desa's extract or a school's roster must hold to enter the register. The same NIK and KK
 * rules as intake (`identity/nik.ts`); a desa is one of the office's, by name or code.
 *
 * A row states facts; an empty cell states nothing (an updated list that leaves a column empty
 * never erases what the register knows).
 */
import { ageInYears, compareIsoDates, formatIsoDate, isRealDate, type IsoDate } from '../identity/calendar-date.js';
import { parseKk, parseNik, type NikContext, type Sex } from '../identity/nik.js';
import { normaliseNpsn } from './schools.js';

/** The contract's column names, in the order the report lists problems. */
export const CHILD_COLUMNS = ['nik', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'desa', 'npsn', 'kelas', 'nama_orang_tua', 'no_kk', 'no_wa', 'punya_kia'] as const;
export type ChildColumn = (typeof CHILD_COLUMNS)[number];

/** The KIA is for children under 17: the register holds ages 0–16. */
export const MAX_CHILD_AGE = 16;

export type ChildFacts = {
  nik?: string;
  name?: string;
  birthDate: IsoDate;
  sex?: Sex;
  desaCode?: string;
  schoolNpsn?: string;
  schoolClass?: string;
  parentName?: string;
  kkNumber?: string;
  whatsapp?: string;
  hasKia?: boolean;
};
export type ChildFactField = Exclude<keyof ChildFacts, never>;

/** What is wrong with a cell; the words are in `children.import.<code>` (src/i18n/locales/children.*.ts). */
export type RowProblem = { row: number; column: string; code: string; params?: Record<string, string | number> };

export type DesaOfOffice = { code: string; name: string };

export type RowContext = NikContext & { desa: readonly DesaOfOffice[] };

const NAME_MAX = 100;
const CLASS_MAX = 20;
// Control characters and lone surrogates: the same net as safe-text, for cells of a file.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A header cell → the contract's column name: any case, spaces or dashes for underscores. */
export function columnKey(header: string): string {
  return header.normalize('NFKC').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export type ColumnMap = { positions: Map<ChildColumn, number>; problems: RowProblem[] };

/**
 * Which file column holds which fact. `mapping` (from the console's preview) names, per file
 * header, the contract column it holds, or '' to ignore it; without it the header must use the
 * contract's names (others are ignored).
 */
export function mapColumns(header: readonly string[], headerLine: number, mapping?: Readonly<Record<string, string>>): ColumnMap {
  const positions = new Map<ChildColumn, number>();
  const problems: RowProblem[] = [];
  header.forEach((cell, index) => {
    const chosen = mapping && cell in mapping ? mapping[cell]! : columnKey(cell);
    if (!(CHILD_COLUMNS as readonly string[]).includes(chosen)) return;
    const column = chosen as ChildColumn;
    if (positions.has(column)) problems.push({ row: headerLine, column, code: 'duplicate_column' });
    else positions.set(column, index);
  });
  if (!positions.has('nik') && !(positions.has('nama') && positions.has('tanggal_lahir'))) {
    problems.push({ row: headerLine, column: 'nik', code: 'missing_identity_columns' });
  }
  return { positions, problems };
}

/** 'YYYY-MM-DD' or 'DD-MM-YYYY' (also with '/' or '.', as spreadsheets write it). */
export function parseListDate(text: string): IsoDate | undefined {
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!year) return undefined;
  const parts = { year: Number(year), month: Number(month), day: Number(day) };
  return isRealDate(parts.year, parts.month, parts.day) ? formatIsoDate(parts) : undefined;
}

/** Desa, kelurahan as people write them: "Desa Karang Tengah", "karangtengah", "33.02.20.2004", "2004". */
export function findDesa(text: string, desa: readonly DesaOfOffice[]): DesaOfOffice | undefined {
  const digits = text.replace(/[\s.]/g, '');
  if (/^\d+$/.test(digits)) return desa.find((d) => d.code.replace(/\./g, '') === digits || (digits.length === 4 && d.code.endsWith(`.${digits}`)));
  const key = (name: string) => name.toLowerCase().replace(/^(desa|kelurahan|kel\.|ds\.)\s*/, '').replace(/[^a-z0-9]/g, '');
  const wanted = key(text);
  return desa.find((d) => key(d.name) === wanted);
}

/** The same rule as the portal's (`normalisePhone` in portal/service.ts): an Indonesian mobile number as its wa_id. */
export function normaliseWhatsApp(input: string): string | undefined {
  const compact = input.replace(/[\s.()-]/g, '');
  if (!/^(\+?62|0)8\d{7,12}$/.test(compact)) return undefined;
  const digits = compact.replace(/^\+/, '');
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}

const YES = new Set(['ya', 'y', 'yes', '1', 'sudah', 'ada', 'punya']);
const NO = new Set(['tidak', 't', 'no', 'n', '0', 'belum', 'tidak ada', 'belum punya']);

/** L/P as on the KTP, also written out. */
function sexOf(text: string): Sex | undefined {
  const word = text.trim().toLowerCase().replace(/[\s-]+/g, '');
  if (['l', 'lk', 'lakilaki', 'laki'].includes(word)) return 'L';
  if (['p', 'pr', 'perempuan', 'wanita'].includes(word)) return 'P';
  return undefined;
}

/** A name as the register keeps it: one line, spaces collapsed. */
const tidyName = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

export type RowResult = { ok: true; facts: ChildFacts } | { ok: false; problems: RowProblem[] };

/** One data row of a list: its facts, or every problem found in it. */
export function validateChildRow(cells: Partial<Record<ChildColumn, string>>, row: number, ctx: RowContext): RowResult {
  const problems: RowProblem[] = [];
  const problem = (column: ChildColumn, code: string, params?: Record<string, string | number>) => problems.push({ row, column, code, ...(params && { params }) });
  const cell = (column: ChildColumn) => (cells[column] ?? '').trim();
  for (const column of CHILD_COLUMNS) if (UNSAFE.test(cells[column] ?? '')) problem(column, 'control_characters');
  if (problems.length > 0) return { ok: false, problems };

  const facts: Partial<ChildFacts> = {};
  const nikText = cell('nik');
  let nikBirthDate: IsoDate | undefined;
  if (nikText) {
    const nik = parseNik(nikText, ctx);
    if (!nik.ok) problem('nik', `nik_${nik.errors[0]}`);
    else {
      facts.nik = nik.nik;
      nikBirthDate = nik.birthDate;
      facts.sex = nik.sex;
    }
  }

  const name = tidyName(cell('nama'));
  if (name.length > NAME_MAX) problem('nama', 'too_long', { max: NAME_MAX });
  else if (name) facts.name = name;

  const dateText = cell('tanggal_lahir');
  if (dateText) {
    const date = parseListDate(dateText);
    if (!date) problem('tanggal_lahir', 'date_format', { value: dateText.slice(0, 20) });
    else if (compareIsoDates(date, ctx.today) > 0) problem('tanggal_lahir', 'date_future', { date });
    else if (ageInYears(date, ctx.today) > MAX_CHILD_AGE) problem('tanggal_lahir', 'not_a_child', { age: ageInYears(date, ctx.today) });
    else facts.birthDate = date;
  } else if (nikBirthDate) {
    // The NIK holds the birth date (two year digits, read as the latest century that fits).
    if (ageInYears(nikBirthDate, ctx.today) > MAX_CHILD_AGE) problem('nik', 'not_a_child', { age: ageInYears(nikBirthDate, ctx.today) });
    else facts.birthDate = nikBirthDate;
  }
  if (!nikText) {
    if (!name) problem('nama', 'missing_name');
    if (!dateText) problem('tanggal_lahir', 'missing_birth_date');
  }

  const sexText = cell('jenis_kelamin');
  if (sexText) {
    const sex = sexOf(sexText);
    if (!sex) problem('jenis_kelamin', 'sex_invalid', { value: sexText.slice(0, 20) });
    else facts.sex = sex;
  }

  const desaText = cell('desa');
  if (desaText) {
    const found = findDesa(desaText, ctx.desa);
    if (!found) problem('desa', 'desa_unknown', { value: desaText.slice(0, 60) });
    else facts.desaCode = found.code;
  }

  const npsnText = cell('npsn');
  if (npsnText) {
    const npsn = normaliseNpsn(npsnText);
    if (!npsn) problem('npsn', 'npsn_format', { value: npsnText.slice(0, 20) });
    else facts.schoolNpsn = npsn;
  }

  const schoolClass = tidyName(cell('kelas'));
  if (schoolClass.length > CLASS_MAX) problem('kelas', 'too_long', { max: CLASS_MAX });
  else if (schoolClass) facts.schoolClass = schoolClass;

  const parentName = tidyName(cell('nama_orang_tua'));
  if (parentName.length > NAME_MAX) problem('nama_orang_tua', 'too_long', { max: NAME_MAX });
  else if (parentName) facts.parentName = parentName;

  const kkText = cell('no_kk');
  if (kkText) {
    const kk = parseKk(kkText, ctx);
    if (!kk.ok) problem('no_kk', `kk_${kk.errors[0]}`);
    else facts.kkNumber = kk.kk;
  }

  const waText = cell('no_wa');
  if (waText) {
    const wa = normaliseWhatsApp(waText);
    if (!wa) problem('no_wa', 'whatsapp_invalid', { value: waText.slice(0, 20) });
    else facts.whatsapp = wa;
  }

  const kiaText = cell('punya_kia').toLowerCase();
  if (kiaText) {
    if (YES.has(kiaText)) facts.hasKia = true;
    else if (NO.has(kiaText)) facts.hasKia = false;
    else problem('punya_kia', 'yes_no_invalid', { value: kiaText.slice(0, 20) });
  }

  if (problems.length > 0 || !facts.birthDate) return { ok: false, problems };
  return { ok: true, facts: facts as ChildFacts };
}
