/**
 * The children register (issue 12): importing a desa's extract or a school's roster, schools, the
 * KIA a hand-over gives, and the coverage the Jemput Bola programme exists to raise. Imports are
 * all-or-nothing unless the operator chooses only the valid rows; one import at a time per office
 * (an advisory lock held to commit), so two lists at once cannot both add the same child.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditActorOf, recordAudit, type Origin } from '../audit/audit.js';
import { authorize, coversOffice, WHOLE_REGENCY, type StaffActor } from '../auth/policy.js';
import { officeDate } from '../calendar/calendar.js';
import type { Db } from '../db/database.js';
import type { ChildFactSource } from '../db/schema.js';
import { formatIsoDate, isRealDate, type IsoDate } from '../identity/calendar-date.js';
import { t, type Locale } from '../i18n/i18n.js';
import { findOffice, listDesa, listOffices, type OfficeRow } from '../offices/storage.js';
import type { Clock } from '../platform/clock.js';
import { invalid, notFound } from '../platform/errors.js';
import { safeLines, safeText } from '../platform/safe-text.js';
import type { RegionLookup } from '../regions/region-lookup.js';
import { MAX_CHILD_AGE, normaliseWhatsApp, type ChildFacts, type RowProblem } from './children.js';
import { planImport } from './matching.js';
import { checkRoster, sortProblems } from './roster.js';
import { readRoster } from './roster-xlsx.js';
import { normaliseNpsn, SCHOOL_LEVEL_LABELS, SCHOOL_LEVELS, type SchoolLevel } from './schools.js';
import * as store from './storage.js';

export type ChildrenDeps = { db: Db; clock: Clock; regions: RegionLookup };

export type ImportOptions = {
  /** The file's name, kept as the source of the facts it gives. */
  fileName: string;
  bytes: Uint8Array;
  /** Per file header, the contract column it holds ('' to ignore it); from the console's preview. */
  mapping?: Record<string, string> | undefined;
  dryRun: boolean;
  /** Write the valid rows even when others have problems (the operator's choice). */
  onlyValid: boolean;
};

export type ImportReport = {
  imported: number;
  updated: number;
  unchanged: number;
  refused: number;
  errors: { row: number; column: string; code: string; reason: string }[];
  /** Whether the register was written (false on a dry run, or when problems stopped an all-or-nothing import). */
  saved: boolean;
};


function reasonOf(locale: Locale, problem: RowProblem): string {
  return t(locale, `children.import.${problem.code}`, problem.params ?? {});
}

function fileProblem(locale: Locale, problem: RowProblem): ImportReport {
  return { imported: 0, updated: 0, unchanged: 0, refused: 0, errors: [{ row: problem.row, column: problem.column, code: problem.code, reason: reasonOf(locale, problem) }], saved: false };
}

/**
 * Reads, checks and matches a list, then writes it in one transaction with its audit entry.
 * `actor` null: the `kencot` command on the server's shell.
 */
export async function importChildren(deps: ChildrenDeps, actor: StaffActor | null, officeCode: string, opts: ImportOptions, origin: Origin, locale: Locale = 'id'): Promise<ImportReport> {
  if (actor) authorize(actor, 'children.import', { officeCode });
  const office = await findOffice(deps.db, officeCode);
  if (!office) throw notFound();
  const table = await readRoster(opts.bytes);
  if ('problem' in table) return fileProblem(locale, table.problem);

  const now = deps.clock.now();
  const today = officeDate(office.timezone, now);
  const desa = await listDesa(deps.db, officeCode);
  const checked = checkRoster(table, { regions: deps.regions, today, desa }, opts.mapping);

  const run = async (tx: Db) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`children-import:${officeCode}`}))`);
    const plan = planImport(checked.valid, await store.registerForMatching(tx, officeCode));
    const problems = sortProblems([...checked.problems, ...plan.problems]);
    const refusedRows = new Set(problems.map((p) => p.row));
    // A problem in the header refuses every row.
    const refused = problems.some((p) => p.row === table.headerLine) ? checked.dataRows : refusedRows.size;
    const counts = {
      imported: plan.rows.filter((r) => r.kind === 'insert').length,
      updated: plan.rows.filter((r) => r.kind === 'update').length,
      unchanged: plan.rows.filter((r) => r.kind === 'unchanged').length,
    };
    const errors = problems.map((p) => ({ row: p.row, column: p.column, code: p.code, reason: reasonOf(locale, p) }));
    const blocked = problems.length > 0 && !opts.onlyValid;
    if (blocked) return { imported: 0, updated: 0, unchanged: 0, refused, errors, saved: false };
    if (opts.dryRun) return { ...counts, refused, errors, saved: false };

    const at = now.toISOString();
    const sourcesOf = (facts: Partial<ChildFacts>, row: number): Record<string, ChildFactSource> =>
      Object.fromEntries(Object.keys(facts).map((field) => [field, { kind: 'import', file: opts.fileName, row, at }]));
    await store.insertChildren(tx, officeCode, plan.rows.flatMap((r) => (r.kind === 'insert' ? [{ facts: r.facts, sources: sourcesOf(r.facts, r.row) }] : [])), now);
    for (const r of plan.rows) if (r.kind === 'update') await store.updateChild(tx, r.id, r.changes, sourcesOf(r.changes, r.row), now);
    // Counts and the file's name only: the rows are children's personal data.
    await recordAudit(tx, now, {
      officeCode,
      actor: auditActorOf(actor),
      action: 'children.imported',
      entityType: 'office',
      entityId: officeCode,
      details: { file: opts.fileName.slice(0, 120), ...counts, refused, onlyValid: opts.onlyValid },
    }, origin);
    return { ...counts, refused, errors, saved: true };
  };
  return deps.db.transaction(run);
}

/** The report as the `--json` contract spells it (a space after each colon and comma, as the issue shows it). */
export function contractJson(report: ImportReport): string {
  const errors = report.errors.map((e) => `{"row": ${e.row}, "column": ${JSON.stringify(e.column)}, "reason": ${JSON.stringify(e.reason)}}`);
  return `{"imported": ${report.imported}, "updated": ${report.updated}, "unchanged": ${report.unchanged}, "refused": ${report.refused}, "errors": [${errors.join(', ')}]}`;
}

/** The report for people reading a terminal, in Indonesian. */
export function reportText(report: ImportReport, opts: { dryRun: boolean }, locale: Locale = 'id'): string {
  const lines: string[] = [];
  if (!report.saved && !opts.dryRun && report.errors.length > 0) lines.push(t(locale, 'children.import.not_imported', { count: report.refused || report.errors.length }));
  lines.push(t(locale, opts.dryRun ? 'children.import.summary_dry_run' : 'children.import.summary', report));
  for (const e of report.errors) lines.push(t(locale, e.column ? 'children.import.problem_line' : 'children.import.problem_line_file', e));
  return lines.join('\n');
}

/**
 * A KIA handed over through Kencot: the child holds one from today. Called in the hand-over's
 * transaction (src/requests/service.ts), so the register and the request never disagree. A child
 * the register does not know yet enters it, with the request as the source of each fact.
 */
export async function markKiaHandedOver(
  tx: Db,
  request: { officeCode: string; ticket: string; desaCode: string | null; subject: { nik?: string; name: string; birthDate?: string; sex?: 'L' | 'P' }; details: Record<string, string> },
  now: Date,
): Promise<void> {
  const nik = request.subject.nik;
  if (!nik) return;
  const office = await findOffice(tx, request.officeCode);
  if (!office) return;
  const today = officeDate(office.timezone, now);
  const source: ChildFactSource = { kind: 'request', ticket: request.ticket, at: now.toISOString() };
  const existing = await store.findChildByNik(tx, request.officeCode, nik);
  // A new card (first, lost or damaged): the child holds one from the day it was handed over.
  if (existing) return store.markHoldsKia(tx, existing.id, today, source, now);
  const birthDate = request.subject.birthDate;
  if (!birthDate) return;
  const facts = {
    nik,
    name: request.subject.name,
    birthDate,
    sex: request.subject.sex ?? null,
    desaCode: request.desaCode,
    kkNumber: request.details.kk_number ?? null,
    hasKia: true,
  };
  await store.insertHandedOverChild(tx, {
    officeCode: request.officeCode,
    ...facts,
    kiaSince: today,
    sources: Object.fromEntries([...Object.keys(facts).filter((k) => facts[k as keyof typeof facts] != null), 'kiaSince'].map((k) => [k, source])),
    createdAt: now,
    updatedAt: now,
  });
}

// ---------------------------------------------------------------------------------------------
// Schools

export const SchoolInput = z.object({
  npsn: safeText().transform((v, ctx) => normaliseNpsn(v) ?? (ctx.addIssue({ code: 'custom', message: 'npsn' }), z.NEVER)),
  name: safeText().trim().min(3).max(150),
  level: z.enum(SCHOOL_LEVELS),
  desaCode: safeText().optional(),
  address: safeLines().trim().max(300).optional(),
  contactName: safeText().trim().max(100).optional(),
  contactPhone: safeText().trim().max(30).optional(),
});

export function presentSchool(s: store.SchoolRow) {
  return {
    npsn: s.npsn,
    name: s.name,
    level: s.level as SchoolLevel,
    levelLabel: SCHOOL_LEVEL_LABELS[s.level as SchoolLevel] ?? { id: s.level, en: s.level },
    desaCode: s.desaCode,
    address: s.address,
    contactName: s.contactName,
    contactPhone: s.contactPhone,
  };
}

export async function saveSchool(deps: ChildrenDeps, actor: StaffActor, officeCode: string, input: z.infer<typeof SchoolInput>, origin: Origin) {
  authorize(actor, 'children.import', { officeCode });
  if (!(await findOffice(deps.db, officeCode))) throw notFound();
  if (input.desaCode && !(await listDesa(deps.db, officeCode)).some((d) => d.code === input.desaCode)) throw invalid('children.import.desa_unknown', { value: input.desaCode });
  const phone = input.contactPhone ? (normaliseWhatsApp(input.contactPhone) ?? input.contactPhone) : null;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { row, created } = await store.upsertSchool(tx, {
      officeCode,
      npsn: input.npsn,
      name: input.name,
      level: input.level,
      desaCode: input.desaCode ?? null,
      address: input.address ?? null,
      contactName: input.contactName ?? null,
      contactPhone: phone,
      updatedAt: now,
    });
    await recordAudit(tx, now, { officeCode, actor: auditActorOf(actor), action: created ? 'school.created' : 'school.updated', entityType: 'school', entityId: row.id, details: { npsn: row.npsn } }, origin);
    return { school: presentSchool(row), created };
  });
}

export async function schoolsOf(deps: ChildrenDeps, actor: StaffActor, officeCode: string) {
  authorize(actor, 'coverage.read', { officeCode });
  if (!(await findOffice(deps.db, officeCode))) throw notFound();
  return { schools: (await store.listSchools(deps.db, officeCode)).map(presentSchool) };
}

// ---------------------------------------------------------------------------------------------
// Coverage

export const AGE_BANDS = [
  { band: '0-4', from: 0 },
  { band: '5-9', from: 5 },
  { band: '10-14', from: 10 },
  { band: '15-16', from: 15 },
] as const;

type Figure = { children: number; withKia: number; share: number | null };
const figure = (children: number, withKia: number): Figure => ({ children, withKia, share: children === 0 ? null : Math.round((withKia / children) * 10_000) / 10_000 });

/**
 * Children born after the returned date are younger than `age` on `today`: the same month and day
 * `age` years back (28 February for a 29th in a common year, which also puts a 29-February child's
 * birthday on 1 March, as `anniversary` does).
 */
export function bornAfterForAge(today: IsoDate, age = MAX_CHILD_AGE + 1): IsoDate {
  const year = Number(today.slice(0, 4)) - age;
  const [month, day] = [Number(today.slice(5, 7)), Number(today.slice(8, 10))];
  return formatIsoDate({ year, month, day: isRealDate(year, month, day) ? day : day - 1 });
}

export type OfficeCoverage = {
  officeCode: string;
  name: string;
  date: IsoDate;
  /** Where the denominator comes from: the children register (a desa population figure is not entered yet). */
  denominator: 'register';
  total: Figure;
  desa: Array<{ code: string | null; name: string } & Figure>;
  schools: Array<{ npsn: string | null; name: string } & Figure>;
  ageBands: Array<{ band: string } & Figure>;
};

async function coverageOf(db: Db, offices: readonly OfficeRow[], now: Date): Promise<OfficeCoverage[]> {
  if (offices.length === 0) return [];
  const codes = offices.map((o) => o.code);
  // Offices of one regency share a zone; each office's own date decides its children's ages.
  const today = officeDate(offices[0]!.timezone, now);
  const oldest = bornAfterForAge(today);
  // Youngest band first in the CASE: a child younger than 5 is 0–4, else younger than 10 is 5–9 …
  const ordered = AGE_BANDS.map((b, i) => ({ band: b.band, bornAfter: i + 1 < AGE_BANDS.length ? bornAfterForAge(today, AGE_BANDS[i + 1]!.from) : oldest }));
  const [{ byDesa, bySchool, byBand }, desaRows, schoolRows] = await Promise.all([
    store.coverageCounts(db, codes, oldest, ordered),
    store.desaOfOffices(db, codes),
    store.schoolsOfOffices(db, codes),
  ]);
  return offices.map((office) => {
    const mine = <T extends { officeCode: string }>(rows: T[]) => rows.filter((r) => r.officeCode === office.code);
    const count = (rows: store.CoverageCount[], key: string | null) => rows.find((r) => r.key === key) ?? { children: 0, withKia: 0 };
    const desaCounts = mine(byDesa);
    const desa: OfficeCoverage['desa'] = mine(desaRows).map((d) => {
      const c = count(desaCounts, d.code);
      return { code: d.code, name: d.name, ...figure(c.children, c.withKia) };
    });
    const noDesa = count(desaCounts, null);
    if (noDesa.children > 0) desa.push({ code: null, name: t('id', 'children.coverage.no_desa'), ...figure(noDesa.children, noDesa.withKia) });
    const schoolCounts = mine(bySchool);
    const schools: OfficeCoverage['schools'] = mine(schoolRows).map((s) => {
      const c = count(schoolCounts, s.npsn);
      return { npsn: s.npsn, name: s.name, ...figure(c.children, c.withKia) };
    });
    // Children at a school the office has not entered yet still count, under their NPSN.
    for (const c of schoolCounts) if (c.key !== null && !schools.some((s) => s.npsn === c.key)) schools.push({ npsn: c.key, name: c.key, ...figure(c.children, c.withKia) });
    const noSchool = count(schoolCounts, null);
    if (noSchool.children > 0) schools.push({ npsn: null, name: t('id', 'children.coverage.no_school'), ...figure(noSchool.children, noSchool.withKia) });
    const bandCounts = mine(byBand);
    const totalChildren = desaCounts.reduce((n, c) => n + c.children, 0);
    const totalWithKia = desaCounts.reduce((n, c) => n + c.withKia, 0);
    return {
      officeCode: office.code,
      name: office.name,
      date: today,
      denominator: 'register',
      total: figure(totalChildren, totalWithKia),
      desa,
      schools,
      ageBands: AGE_BANDS.map((b) => {
        const c = count(bandCounts, b.band);
        return { band: b.band, ...figure(c.children, c.withKia) };
      }),
    };
  });
}

/** One office's coverage, or (the regency role, `officeCode` = 'regency') every office of its regency. */
export async function kiaCoverage(deps: ChildrenDeps, actor: StaffActor | null, officeCode: string) {
  if (actor) authorize(actor, 'coverage.read', { officeCode });
  const now = deps.clock.now();
  if (officeCode === WHOLE_REGENCY) {
    const offices = (await listOffices(deps.db)).filter((o) => actor !== null && coversOffice(actor, o.code));
    return { offices: await coverageOf(deps.db, offices, now) };
  }
  const office = await findOffice(deps.db, officeCode);
  if (!office) throw notFound();
  return { offices: await coverageOf(deps.db, [office], now) };
}

/** `kencot coverage --json`, spelled as the issue's contract shows it. */
export function coverageJson(coverage: OfficeCoverage): string {
  const desa = coverage.desa.map((d) => `{"code": ${JSON.stringify(d.code)}, "name": ${JSON.stringify(d.name)}, "children": ${d.children}, "withKia": ${d.withKia}}`);
  return `{"desa": [${desa.join(', ')}], "total": {"children": ${coverage.total.children}, "withKia": ${coverage.total.withKia}}}`;
}

const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1).replace('.', ',')}%`);

export function coverageText(coverage: OfficeCoverage, locale: Locale = 'id'): string {
  const line = (f: { name: string } & Figure) => `  ${t(locale, 'children.coverage.line', { ...f, share: percent(f.share) })}`;
  return [
    t(locale, 'children.coverage.title', { office: coverage.name, date: coverage.date }),
    ...coverage.desa.map(line),
    t(locale, 'children.coverage.total', { ...coverage.total, share: percent(coverage.total.share) }),
    ...(coverage.schools.length > 0 ? [t(locale, 'children.coverage.schools'), ...coverage.schools.map(line)] : []),
  ].join('\n');
}

export function presentChild(c: store.ChildRow) {
  return {
    id: c.id,
    nik: c.nik,
    name: c.name,
    birthDate: c.birthDate,
    sex: c.sex,
    desaCode: c.desaCode,
    schoolNpsn: c.schoolNpsn,
    schoolClass: c.schoolClass,
    parentName: c.parentName,
    kkNumber: c.kkNumber,
    whatsapp: c.whatsapp,
    hasKia: c.hasKia,
    kiaSince: c.kiaSince,
    sources: c.sources,
  };
}

export async function listRegister(deps: ChildrenDeps, actor: StaffActor, officeCode: string, page: { limit: number; offset: number }) {
  authorize(actor, 'children.read', { officeCode });
  if (!(await findOffice(deps.db, officeCode))) throw notFound();
  return { children: (await store.listChildren(deps.db, officeCode, page)).map(presentChild) };
}
