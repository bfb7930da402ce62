/**
 * The pure face of the region dataset. Domain code (NIK/KK parsing) depends on this interface only,
 * so it stays free of file I/O; `regions.ts` implements it over the idn-area-data CSV files.
 *
 * Codes are Kemendagri codes, dotted: province "33", regency "33.02", district (kecamatan)
 * "33.02.20", village (desa/kelurahan) "33.02.20.2001". BPS statistical codes are a different
 * scheme and must not be mixed in.
 */

export interface DistrictPlace {
  readonly provinceName: string;
  readonly regencyName: string;
  readonly districtName: string;
}

export interface RegionLookup {
  /** Accepts "33.02.20" or "330220". */
  isKnownDistrict(code: string): boolean;
  /** Names for showing where a NIK was issued; undefined for an unknown code. */
  placeOfDistrict(code: string): DistrictPlace | undefined;
}

const DOTTED_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/**
 * Brings a region code to the dotted form the dataset uses, from either dotted or bare digits
 * (users and other systems write both). Undefined if it is not a code of any level.
 */
export function dottedRegionCode(input: string): string | undefined {
  const text = input.trim();
  if (DOTTED_CODE.test(text)) return text;
  if (!/^(\d{2}|\d{4}|\d{6}|\d{10})$/.test(text)) return undefined;
  return [text.slice(0, 2), text.slice(2, 4), text.slice(4, 6), text.slice(6)].filter((part) => part !== '').join('.');
}

/** A district code ("PP.KK.CC") from dotted or 6-digit input; undefined otherwise. */
export function dottedDistrictCode(input: string): string | undefined {
  const code = dottedRegionCode(input);
  return code !== undefined && code.length === 8 ? code : undefined;
}

/** A RegionLookup over a fixed table, for tests and for callers that already hold the districts. */
export function regionLookupFromDistricts(
  districts: Iterable<{ code: string } & Partial<DistrictPlace>>,
): RegionLookup {
  const byCode = new Map<string, DistrictPlace>();
  for (const d of districts) {
    const code = dottedDistrictCode(d.code);
    if (code === undefined) throw new RangeError(`not a district code: '${d.code}'`);
    byCode.set(code, {
      provinceName: d.provinceName ?? '',
      regencyName: d.regencyName ?? '',
      districtName: d.districtName ?? '',
    });
  }
  const find = (code: string) => {
    const dotted = dottedDistrictCode(code);
    return dotted === undefined ? undefined : byCode.get(dotted);
  };
  return {
    isKnownDistrict: (code) => find(code) !== undefined,
    placeOfDistrict: find,
  };
}
