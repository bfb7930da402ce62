/** SQL for the children register and schools (issue 12). */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database.js';
import { children, desa, schools, type ChildFactSource } from '../db/schema.js';
import type { Sex } from '../identity/nik.js';
import type { ChildFacts } from './children.js';
import type { RegisteredChild } from './matching.js';

export type ChildRow = typeof children.$inferSelect;
export type SchoolRow = typeof schools.$inferSelect;

/** Rows per INSERT (one JSON parameter each). */
const CHUNK = 5000;

const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** The register of an office as the matcher reads it. */
export async function registerForMatching(db: Db, officeCode: string): Promise<RegisteredChild[]> {
  const rows = await db.select().from(children).where(eq(children.officeCode, officeCode));
  return rows.map((r) => ({
    id: r.id,
    nik: orUndefined(r.nik),
    name: orUndefined(r.name),
    birthDate: r.birthDate,
    sex: orUndefined(r.sex) as Sex | undefined,
    desaCode: orUndefined(r.desaCode),
    schoolNpsn: orUndefined(r.schoolNpsn),
    schoolClass: orUndefined(r.schoolClass),
    parentName: orUndefined(r.parentName),
    kkNumber: orUndefined(r.kkNumber),
    whatsapp: orUndefined(r.whatsapp),
    hasKia: orUndefined(r.hasKia),
  }));
}

/** The facts as columns (only those given). */
function columnsOf(facts: Partial<ChildFacts>) {
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as Partial<typeof children.$inferInsert>;
}

/**
 * Many children at once: each chunk travels as one JSON parameter unpacked by the server
 * (`jsonb_to_recordset`), several times faster than a VALUES list of a dozen parameters a row.
 */
export async function insertChildren(db: Db, officeCode: string, rows: { facts: ChildFacts; sources: Record<string, ChildFactSource> }[], now: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map(({ facts, sources }) => ({
      nik: facts.nik ?? null,
      name: facts.name ?? null,
      birth_date: facts.birthDate,
      sex: facts.sex ?? null,
      desa_code: facts.desaCode ?? null,
      school_npsn: facts.schoolNpsn ?? null,
      school_class: facts.schoolClass ?? null,
      parent_name: facts.parentName ?? null,
      kk_number: facts.kkNumber ?? null,
      whatsapp: facts.whatsapp ?? null,
      has_kia: facts.hasKia ?? null,
      sources,
    }));
    await db.execute(sql`
      insert into children (office_code, nik, name, birth_date, sex, desa_code, school_npsn, school_class, parent_name, kk_number, whatsapp, has_kia, sources, created_at, updated_at)
      select ${officeCode}, r.nik, r.name, r.birth_date, r.sex, r.desa_code, r.school_npsn, r.school_class, r.parent_name, r.kk_number, r.whatsapp, r.has_kia, r.sources, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(nik text, name text, birth_date text, sex text, desa_code text, school_npsn text, school_class text, parent_name text, kk_number text, whatsapp text, has_kia boolean, sources jsonb)`);
  }
}

export async function updateChild(db: Db, id: string, changes: Partial<ChildFacts>, sources: Record<string, ChildFactSource>, now: Date): Promise<void> {
  await db
    .update(children)
    .set({ ...columnsOf(changes), sources: sql`${children.sources} || ${JSON.stringify(sources)}::jsonb`, updatedAt: now })
    .where(eq(children.id, id));
}

export async function findChildByNik(db: Db, officeCode: string, nik: string): Promise<ChildRow | undefined> {
  const [row] = await db.select().from(children).where(and(eq(children.officeCode, officeCode), eq(children.nik, nik))).limit(1);
  return row;
}

export async function markHoldsKia(db: Db, id: string, since: string, source: ChildFactSource, now: Date): Promise<void> {
  await db
    .update(children)
    .set({ hasKia: true, kiaSince: since, sources: sql`${children.sources} || ${JSON.stringify({ hasKia: source, kiaSince: source })}::jsonb`, updatedAt: now })
    .where(eq(children.id, id));
}

/** A child the register did not know, from a KIA hand-over; an import that added the NIK meanwhile is marked instead. */
export async function insertHandedOverChild(db: Db, values: typeof children.$inferInsert): Promise<void> {
  await db
    .insert(children)
    .values(values)
    .onConflictDoUpdate({
      target: [children.officeCode, children.nik],
      set: { hasKia: true, kiaSince: values.kiaSince, sources: sql`${children.sources} || ${JSON.stringify({ hasKia: values.sources?.hasKia, kiaSince: values.sources?.kiaSince })}::jsonb`, updatedAt: values.updatedAt },
    });
}

export async function listChildren(db: Db, officeCode: string, opts: { limit: number; offset: number }): Promise<ChildRow[]> {
  return db.select().from(children).where(eq(children.officeCode, officeCode)).orderBy(asc(children.name), asc(children.birthDate), asc(children.id)).limit(opts.limit).offset(opts.offset);
}

export async function listSchools(db: Db, officeCode: string): Promise<SchoolRow[]> {
  return db.select().from(schools).where(eq(schools.officeCode, officeCode)).orderBy(asc(schools.name), asc(schools.npsn));
}

/** Adds a school or replaces what the office knew of it (by NPSN); true when it was new. */
export async function upsertSchool(db: Db, values: Omit<typeof schools.$inferInsert, 'id' | 'createdAt'>): Promise<{ row: SchoolRow; created: boolean }> {
  const existing = await db.select().from(schools).where(and(eq(schools.officeCode, values.officeCode), eq(schools.npsn, values.npsn))).limit(1);
  if (existing[0]) {
    const [row] = await db.update(schools).set(values).where(eq(schools.id, existing[0].id)).returning();
    return { row: row!, created: false };
  }
  const [row] = await db.insert(schools).values({ ...values, createdAt: values.updatedAt }).returning();
  return { row: row!, created: true };
}

export type CoverageCount = { officeCode: string; key: string | null; children: number; withKia: number };
export type CoverageCounts = { byDesa: CoverageCount[]; bySchool: CoverageCount[]; byBand: CoverageCount[] };

/**
 * Children of the offices born after `oldestExclusive` (aged 0–16 today) with those holding a KIA,
 * per desa, per school and per age band, in one pass over the table (grouping sets). `bands`: each
 * band's youngest-exclusive birth date, youngest band first. Birth dates are 'YYYY-MM-DD' text, so
 * they compare as dates.
 */
export async function coverageCounts(db: Db, officeCodes: readonly string[], oldestExclusive: string, bands: readonly { band: string; bornAfter: string }[]): Promise<CoverageCounts> {
  const cases = sql.join(
    bands.map((b) => sql`when birth_date > ${b.bornAfter} then ${b.band}`),
    sql` `,
  );
  const result = await rows<{ office_code: string; desa_code: string | null; school_npsn: string | null; band: string | null; g: number; children: number; with_kia: number }>(
    db,
    sql`select office_code, desa_code, school_npsn, band, grouping(desa_code, school_npsn, band)::int as g,
               count(*)::int as children, (count(*) filter (where has_kia))::int as with_kia
        from (select office_code, desa_code, school_npsn, has_kia, (case ${cases} end)::text as band
              from children
              where office_code in (${sql.join(officeCodes.map((c) => sql`${c}`), sql`, `)}) and birth_date > ${oldestExclusive}) c
        group by grouping sets ((office_code, desa_code), (office_code, school_npsn), (office_code, band))`,
  );
  const pick = (g: number, key: (r: (typeof result)[number]) => string | null) =>
    result.filter((r) => Number(r.g) === g).map((r) => ({ officeCode: r.office_code, key: key(r), children: Number(r.children), withKia: Number(r.with_kia) }));
  // grouping() bits: desa, school, band; 1 = not grouped by it.
  return { byDesa: pick(0b011, (r) => r.desa_code), bySchool: pick(0b101, (r) => r.school_npsn), byBand: pick(0b110, (r) => r.band) };
}

export async function desaOfOffices(db: Db, officeCodes: readonly string[]) {
  return db.select().from(desa).where(inArray(desa.officeCode, [...officeCodes])).orderBy(asc(desa.code));
}

export async function schoolsOfOffices(db: Db, officeCodes: readonly string[]) {
  return db.select().from(schools).where(inArray(schools.officeCode, [...officeCodes])).orderBy(asc(schools.name));
}
