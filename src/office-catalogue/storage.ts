/** SQL for an office's own settings of catalogue services (office_service_settings). */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { officeServiceSettings } from '../db/schema.js';

export type ServiceSettingRow = typeof officeServiceSettings.$inferSelect;

export async function listServiceSettings(db: Db, officeCode: string): Promise<ServiceSettingRow[]> {
  return db.select().from(officeServiceSettings).where(eq(officeServiceSettings.officeCode, officeCode)).orderBy(asc(officeServiceSettings.serviceCode));
}

export async function upsertServiceSetting(db: Db, values: typeof officeServiceSettings.$inferInsert): Promise<void> {
  await db
    .insert(officeServiceSettings)
    .values(values)
    .onConflictDoUpdate({
      target: [officeServiceSettings.officeCode, officeServiceSettings.serviceCode],
      set: { enabled: values.enabled, requirements: values.requirements ?? null, slaWorkingDays: values.slaWorkingDays ?? null, updatedAt: values.updatedAt },
    });
}

export async function deleteServiceSetting(db: Db, officeCode: string, serviceCode: string): Promise<boolean> {
  const rows = await db
    .delete(officeServiceSettings)
    .where(and(eq(officeServiceSettings.officeCode, officeCode), eq(officeServiceSettings.serviceCode, serviceCode)))
    .returning({ serviceCode: officeServiceSettings.serviceCode });
  return rows.length === 1;
}
