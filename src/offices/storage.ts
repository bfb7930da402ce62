/** SQL for offices and their desa. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { desa, officeClosures, officeHolidayYears, offices, officeSpecialPeriods } from '../db/schema.js';

export type OfficeRow = typeof offices.$inferSelect;
export type DesaRow = typeof desa.$inferSelect;

export async function findOffice(db: Db, code: string): Promise<OfficeRow | undefined> {
  const [row] = await db.select().from(offices).where(eq(offices.code, code)).limit(1);
  return row;
}

export async function listOffices(db: Db): Promise<OfficeRow[]> {
  return db.select().from(offices).orderBy(asc(offices.code));
}

export async function listDesa(db: Db, officeCode: string): Promise<DesaRow[]> {
  return db.select().from(desa).where(eq(desa.officeCode, officeCode)).orderBy(asc(desa.code));
}

export async function insertOffice(db: Db, office: typeof offices.$inferInsert, villages: { code: string; name: string }[]): Promise<void> {
  await db.insert(offices).values(office);
  if (villages.length) await db.insert(desa).values(villages.map((v) => ({ ...v, officeCode: office.code })));
}

export async function updateOffice(db: Db, code: string, values: Partial<typeof offices.$inferInsert>): Promise<void> {
  await db.update(offices).set(values).where(eq(offices.code, code));
}

export async function listClosures(db: Db, officeCode: string) {
  return db.select().from(officeClosures).where(eq(officeClosures.officeCode, officeCode)).orderBy(asc(officeClosures.date));
}

export async function insertClosure(db: Db, values: typeof officeClosures.$inferInsert): Promise<boolean> {
  const rows = await db.insert(officeClosures).values(values).onConflictDoNothing().returning();
  return rows.length === 1;
}

export async function deleteClosure(db: Db, officeCode: string, date: string, kind: string): Promise<boolean> {
  const rows = await db
    .delete(officeClosures)
    .where(and(eq(officeClosures.officeCode, officeCode), eq(officeClosures.date, date), eq(officeClosures.kind, kind)))
    .returning();
  return rows.length === 1;
}

export async function listSpecialPeriods(db: Db, officeCode: string) {
  return db.select().from(officeSpecialPeriods).where(eq(officeSpecialPeriods.officeCode, officeCode)).orderBy(asc(officeSpecialPeriods.from));
}

export async function insertSpecialPeriod(db: Db, values: typeof officeSpecialPeriods.$inferInsert): Promise<boolean> {
  const rows = await db.insert(officeSpecialPeriods).values(values).onConflictDoNothing().returning();
  return rows.length === 1;
}

export async function deleteSpecialPeriod(db: Db, officeCode: string, from: string): Promise<boolean> {
  const rows = await db
    .delete(officeSpecialPeriods)
    .where(and(eq(officeSpecialPeriods.officeCode, officeCode), eq(officeSpecialPeriods.from, from)))
    .returning();
  return rows.length === 1;
}

export type HolidayYearConfirmation = typeof officeHolidayYears.$inferSelect;

export async function listConfirmedHolidayYears(db: Db, officeCode: string): Promise<HolidayYearConfirmation[]> {
  return db.select().from(officeHolidayYears).where(eq(officeHolidayYears.officeCode, officeCode)).orderBy(asc(officeHolidayYears.year));
}

export async function insertConfirmedHolidayYear(db: Db, values: typeof officeHolidayYears.$inferInsert): Promise<boolean> {
  const rows = await db.insert(officeHolidayYears).values(values).onConflictDoNothing().returning();
  return rows.length === 1;
}

export async function deleteConfirmedHolidayYear(db: Db, officeCode: string, year: number): Promise<boolean> {
  const rows = await db
    .delete(officeHolidayYears)
    .where(and(eq(officeHolidayYears.officeCode, officeCode), eq(officeHolidayYears.year, year)))
    .returning();
  return rows.length === 1;
}
