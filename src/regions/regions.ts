/**
 * Indonesian administrative regions (Kemendagri codes) from the `idn-area-data` npm package.
 *
 * The package ships the data as CSV next to an async API; we read the CSV ourselves so lookups are
 * synchronous and the dataset can sit behind the pure `RegionLookup` interface. Provinces,
 * regencies and districts (~7k rows) are read on first use; villages (~84k rows) only when a
 * village is first asked for, because most callers (NIK validation) never need them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { dottedDistrictCode, dottedRegionCode, type DistrictPlace, type RegionLookup } from './region-lookup.js';

export interface Province {
  readonly code: string; // "33"
  readonly name: string;
}

export interface Regency {
  readonly code: string; // "33.02"
  readonly provinceCode: string;
  readonly name: string;
}

export interface District {
  readonly code: string; // "33.02.20"
  readonly regencyCode: string;
  readonly name: string;
}

export interface Village {
  readonly code: string; // "33.02.20.2001"
  readonly districtCode: string;
  readonly name: string;
}

/** Every lookup accepts dotted ("33.02.20") or bare-digit ("330220") codes. */
export interface RegionDataset extends RegionLookup {
  provinces(): readonly Province[];
  province(code: string): Province | undefined;
  regency(code: string): Regency | undefined;
  district(code: string): District | undefined;
  village(code: string): Village | undefined;
  regenciesOfProvince(code: string): readonly Regency[];
  districtsOfRegency(code: string): readonly District[];
  villagesOfDistrict(code: string): readonly Village[];
}

/** The `data` folder of the installed idn-area-data package. */
export function idnAreaDataDir(): string {
  const packageJson = createRequire(import.meta.url).resolve('idn-area-data/package.json');
  return path.join(path.dirname(packageJson), 'data');
}

function readCsv(dataDir: string, file: string, columns: readonly string[]): Record<string, string>[] {
  const rows = parse<Record<string, string>>(readFileSync(path.join(dataDir, file)), {
    columns: true,
    // The files never quote fields; a `"` inside a village name stands for an apostrophe
    // (Soka"an, Ra"as in Madura), so quote handling must be off or those rows fail to parse.
    quote: false,
    skip_empty_lines: true,
    trim: true,
  });
  // A renamed column in a future package version must fail loudly, not yield empty lookups.
  const first = rows[0];
  if (!first || columns.some((c) => typeof first[c] !== 'string')) {
    throw new Error(`${file} in ${dataDir} lacks columns ${columns.join(', ')}`);
  }
  return rows;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** A dataset over CSV files shaped like idn-area-data's (uncached; most callers want loadRegions). */
export function createRegionDataset(dataDir: string = idnAreaDataDir()): RegionDataset {
  const provinces: Province[] = readCsv(dataDir, 'provinces.csv', ['code', 'name'])
    .map((r) => ({ code: r.code!, name: r.name! }))
    .sort(byCode);
  const regencies: Regency[] = readCsv(dataDir, 'regencies.csv', ['code', 'province_code', 'name'])
    .map((r) => ({ code: r.code!, provinceCode: r.province_code!, name: r.name! }))
    .sort(byCode);
  const districts: District[] = readCsv(dataDir, 'districts.csv', ['code', 'regency_code', 'name'])
    .map((r) => ({ code: r.code!, regencyCode: r.regency_code!, name: r.name! }))
    .sort(byCode);

  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const regencyByCode = new Map(regencies.map((r) => [r.code, r]));
  const districtByCode = new Map(districts.map((d) => [d.code, d]));
  const regenciesByProvince = groupBy(regencies, (r) => r.provinceCode);
  const districtsByRegency = groupBy(districts, (d) => d.regencyCode);

  let villageIndex: { byCode: Map<string, Village>; byDistrict: Map<string, Village[]> } | undefined;
  const villages = () => {
    if (!villageIndex) {
      const all: Village[] = readCsv(dataDir, 'villages.csv', ['code', 'district_code', 'name'])
        .map((r) => ({ code: r.code!, districtCode: r.district_code!, name: r.name! }))
        .sort(byCode);
      villageIndex = { byCode: new Map(all.map((v) => [v.code, v])), byDistrict: groupBy(all, (v) => v.districtCode) };
    }
    return villageIndex;
  };

  const code = (input: string) => dottedRegionCode(input) ?? '';
  const district = (input: string) => districtByCode.get(dottedDistrictCode(input) ?? '');

  return {
    provinces: () => provinces,
    province: (c) => provinceByCode.get(code(c)),
    regency: (c) => regencyByCode.get(code(c)),
    district,
    village: (c) => villages().byCode.get(code(c)),
    regenciesOfProvince: (c) => regenciesByProvince.get(code(c)) ?? [],
    districtsOfRegency: (c) => districtsByRegency.get(code(c)) ?? [],
    villagesOfDistrict: (c) => villages().byDistrict.get(code(c)) ?? [],
    isKnownDistrict: (c) => district(c) !== undefined,
    placeOfDistrict(c): DistrictPlace | undefined {
      const d = district(c);
      const regency = d && regencyByCode.get(d.regencyCode);
      const province = regency && provinceByCode.get(regency.provinceCode);
      if (!d || !regency || !province) return undefined;
      return { provinceName: province.name, regencyName: regency.name, districtName: d.name };
    },
  };
}

let shared: RegionDataset | undefined;

/** The installed dataset, read once per process. */
export function loadRegions(): RegionDataset {
  shared ??= createRegionDataset();
  return shared;
}
