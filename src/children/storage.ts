/** SQL for the children register and schools (issue 12). */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { children, desa, schools, type ChildFactSource } from '../db/schema.js';
import type { Sex } from '../identity/nik.js';
import type { ChildFacts } from './children.js';
import type { RegisteredChild } from './matching.js';

export type ChildRow = typeof children.$inferSelect;
export type SchoolRow = typeof schools.$inferSelect;

/** Rows per INSERT: 12 parameters a row stays far below PostgreSQL's 65,535. */
const CHUNK = 1000;

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

export async function insertChildren(db: Db, officeCode: string, rows: { facts: ChildFacts; sources: Record<string, ChildFactSource> }[], now: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map(({ facts, sources }) => ({
      officeCode,
      nik: facts.nik ?? null,
      name: facts.name ?? null,
      birthDate: facts.birthDate,
      sex: facts.sex ?? null,
      desaCode: facts.desaCode ?? null,
      schoolNpsn: facts.schoolNpsn ?? null,
      schoolClass: facts.schoolClass ?? null,
      parentName: facts.parentName ?? null,
      kkNumber: facts.kkNumber ?? null,
      whatsapp: facts.whatsapp ?? null,
      hasKia: facts.hasKia ?? null,
      sources,
      createdAt: now,
      updatedAt: now,
    }));
    await db.insert(children).values(values);
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

export type CoverageCount = { key: string | null; children: number; withKia: number };

/**
 * Children of the office born after `oldestBirthDateExclusive` (aged 0–16 today), counted by a
 * grouping column, with those holding a KIA. Birth dates are 'YYYY-MM-DD' text, so they compare as dates.
 */
async function countBy(db: Db, officeCodes: readonly string[], oldestExclusive: string, key: ReturnType<typeof sql>): Promise<Array<CoverageCount & { officeCode: string }>> {
  const rows = await db
    .select({
      officeCode: children.officeCode,
      key: sql<string | null>`${key}`,
      children: sql<number>`count(*)::int`,
      withKia: sql<number>`(count(*) filter (where ${children.hasKia}))::int`,
    })
    .from(children)
    .where(and(inArray(children.officeCode, [...officeCodes]), sql`${children.birthDate} > ${oldestExclusive}`))
    .groupBy(children.officeCode, sql`2`);
  return rows.map((r) => ({ officeCode: r.officeCode, key: r.key, children: Number(r.children), withKia: Number(r.withKia) }));
}

export function coverageByDesa(db: Db, officeCodes: readonly string[], oldestExclusive: string) {
  return countBy(db, officeCodes, oldestExclusive, sql`${children.desaCode}`);
}

export function coverageBySchool(db: Db, officeCodes: readonly string[], oldestExclusive: string) {
  return countBy(db, officeCodes, oldestExclusive, sql`${children.schoolNpsn}`);
}

/** `bands`: the youngest birth date (exclusive) each band starts after, oldest band last. */
export function coverageByAgeBand(db: Db, officeCodes: readonly string[], oldestExclusive: string, bands: readonly { band: string; bornAfter: string }[]) {
  const cases = sql.join(
    bands.map((b) => sql`when ${children.birthDate} > ${b.bornAfter} then ${b.band}`),
    sql` `,
  );
  return countBy(db, officeCodes, oldestExclusive, sql`case ${cases} end`);
}

export async function desaOfOffices(db: Db, officeCodes: readonly string[]) {
  return db.select().from(desa).where(inArray(desa.officeCode, [...officeCodes])).orderBy(asc(desa.code));
}

export async function schoolsOfOffices(db: Db, officeCodes: readonly string[]) {
  return db.select().from(schools).where(inArray(schools.officeCode, [...officeCodes])).orderBy(asc(schools.name));
}
