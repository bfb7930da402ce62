/**
 * Bringing an installation to life: the shared secret, offices created from the region
 * dataset, the demo office (Kecamatan Kembaran) and the first admin account.
 */
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { installation } from '../db/schema.js';
import { createStaffUser } from '../auth/service.js';
import { countUsers } from '../auth/storage.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import type { RegionDataset } from '../regions/regions.js';
import { createOffice, type NewOffice, type OfficeRegion } from './service.js';
import { findOffice } from './storage.js';

export const DEMO_OFFICE_CODE = '33.02.20';

/** Kecamatan Kembaran's published contacts, from its technical guideline (seed document). */
export const KEMBARAN_CONTACT = {
  address: 'Kantor Kecamatan Kembaran, Kembaran, Kabupaten Banyumas, Jawa Tengah',
  phone: '085161725300',
  whatsapp: '085161725300',
  email: 'pelayanankecamatankembaran1@gmail.com',
  instagram: '@kecamtankembaran',
};

/** The secret shared by every server copy; made once, on the first start. */
export async function ensureInstallationSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insert(installation)
    .values({ key: 'secret', value: crypto.randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(installation).where(eq(installation.key, 'secret'));
  return row!.value;
}

/** The dataset writes provinces and regencies in capitals ("KABUPATEN BANYUMAS"); people read "Kabupaten Banyumas". */
export function displayRegionName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .split(' ')
    .map((word) => (['dki', 'di'].includes(word) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

export function officeRegion(regions: RegionDataset, districtCode: string): OfficeRegion {
  const district = regions.district(districtCode);
  const regency = district && regions.regency(district.regencyCode);
  const province = regency && regions.province(regency.provinceCode);
  if (!district || !regency || !province) throw new AppError('office_unknown', 422, 'errors.office_unknown', { code: districtCode });
  return {
    district: { code: district.code, name: district.name },
    regency: { code: regency.code, name: displayRegionName(regency.name) },
    province: { name: displayRegionName(province.name) },
    villages: regions.villagesOfDistrict(district.code).map((v) => ({ code: v.code, name: v.name })),
  };
}

export async function addOffice(
  deps: { db: Db; clock: Clock },
  regions: RegionDataset,
  input: Omit<NewOffice, 'region'> & { code: string },
) {
  return createOffice(deps, { ...input, region: officeRegion(regions, input.code) }, { requestId: 'setup' });
}

/**
 * First start: the demo office and, on an installation without any account, an admin whose
 * password is returned once for the caller to print.
 */
export async function setUpDemo(deps: { db: Db; clock: Clock }, regions: RegionDataset) {
  if (!(await findOffice(deps.db, DEMO_OFFICE_CODE))) {
    // Kembaran follows Banyumas's 2022 practice: akta + KK, and a 3×4 photo from age 5.
    await addOffice(deps, regions, { code: DEMO_OFFICE_CODE, ticketPrefix: 'KBR', contact: KEMBARAN_CONTACT, kiaRuleSet: 'banyumas_2022' });
  }
  if ((await countUsers(deps.db)) > 0) return undefined;
  const { user, password } = await createStaffUser(
    deps,
    null,
    { officeCode: DEMO_OFFICE_CODE, role: 'admin', name: 'Admin Kecamatan Kembaran', username: 'admin' },
    { requestId: 'setup' },
  );
  return { username: user.username, password };
}

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const result = (await db.execute(sql`select count(*)::int as n from offices`)) as unknown as { rows: { n: number }[] };
  return (result.rows[0]?.n ?? 0) === 0;
}
