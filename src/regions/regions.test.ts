import { describe, expect, it } from 'vitest';
import { dottedDistrictCode, dottedRegionCode, regionLookupFromDistricts } from './region-lookup.js';
import { loadRegions } from './regions.js';

const KEMBARAN_DESA = [
  'Ledug',
  'Pliken',
  'Purwodadi',
  'Karang Tengah',
  'Kramat',
  'Sambeng Wetan',
  'Sambeng Kulon',
  'Purbadana',
  'Kembaran',
  'Bojongsari',
  'Karangsoka',
  'Dukuhwaluh',
  'Tambaksari Kidul',
  'Bantarwuni',
  'Karangsari',
  'Linggasari',
];

describe('region dataset (idn-area-data)', () => {
  const regions = loadRegions();

  it('is read once per process', () => {
    expect(loadRegions()).toBe(regions);
  });

  it('knows Jawa Tengah, Kabupaten Banyumas and Kecamatan Kembaran', () => {
    expect(regions.province('33')?.name).toBe('JAWA TENGAH');
    expect(regions.regency('33.02')).toEqual({ code: '33.02', provinceCode: '33', name: 'KABUPATEN BANYUMAS' });
    expect(regions.district('33.02.20')).toEqual({ code: '33.02.20', regencyCode: '33.02', name: 'Kembaran' });
    expect(regions.placeOfDistrict('330220')).toEqual({
      provinceName: 'JAWA TENGAH',
      regencyName: 'KABUPATEN BANYUMAS',
      districtName: 'Kembaran',
    });
  });

  it('Kabupaten Banyumas has 27 kecamatan, 33.02.01 Lumbir to 33.02.27 Purwokerto Utara', () => {
    const kecamatan = regions.districtsOfRegency('33.02');
    expect(kecamatan).toHaveLength(27);
    expect(kecamatan[0]).toMatchObject({ code: '33.02.01', name: 'Lumbir' });
    expect(kecamatan[26]).toMatchObject({ code: '33.02.27', name: 'Purwokerto Utara' });
    expect(regions.regenciesOfProvince('33').map((r) => r.code)).toContain('33.02');
  });

  it('Kecamatan Kembaran has 16 desa, 2001 Ledug to 2016 Linggasari, in code order', () => {
    const desa = regions.villagesOfDistrict('33.02.20');
    expect(desa.map((v) => v.name)).toEqual(KEMBARAN_DESA);
    expect(desa.map((v) => v.code)).toEqual(KEMBARAN_DESA.map((_, i) => `33.02.20.${2001 + i}`));
    expect(desa.every((v) => v.districtCode === '33.02.20')).toBe(true);
    expect(regions.village('3302202016')?.name).toBe('Linggasari');
  });

  it('accepts bare-digit codes and answers unknown codes with nothing', () => {
    expect(regions.regency('3302')?.name).toBe('KABUPATEN BANYUMAS');
    expect(regions.districtsOfRegency('3302')).toHaveLength(27);
    expect(regions.villagesOfDistrict('330220')).toHaveLength(16);
    expect(regions.district('33.02.99')).toBeUndefined();
    expect(regions.district('banyumas')).toBeUndefined();
    expect(regions.villagesOfDistrict('33.02.99')).toEqual([]);
    expect(regions.isKnownDistrict('33.02.20')).toBe(true);
    expect(regions.isKnownDistrict('330220')).toBe(true);
    expect(regions.isKnownDistrict('33.02')).toBe(false);
    expect(regions.isKnownDistrict('99.99.99')).toBe(false);
    expect(regions.placeOfDistrict('99.99.99')).toBeUndefined();
  });

  it('keeps village names with a " for the glottal stop (Soka"an in Madura) intact', () => {
    expect(regions.village('35.13.15.2017')).toEqual({ code: '35.13.15.2017', districtCode: '35.13.15', name: 'Soka"an' });
  });

  it('hangs together: every district belongs to a known regency of a known province', () => {
    const provinces = regions.provinces();
    expect(provinces.length).toBe(38);
    let districts = 0;
    for (const p of provinces) {
      for (const r of regions.regenciesOfProvince(p.code)) {
        for (const d of regions.districtsOfRegency(r.code)) {
          expect(regions.placeOfDistrict(d.code)?.districtName).toBe(d.name);
          districts += 1;
        }
      }
    }
    expect(districts).toBeGreaterThan(7000);
  });
});

describe('region codes', () => {
  it('brings bare digits to the dotted form and rejects what is not a code', () => {
    expect(dottedRegionCode('33')).toBe('33');
    expect(dottedRegionCode('3302')).toBe('33.02');
    expect(dottedRegionCode(' 330220 ')).toBe('33.02.20');
    expect(dottedRegionCode('3302202001')).toBe('33.02.20.2001');
    expect(dottedRegionCode('33.02.20.2001')).toBe('33.02.20.2001');
    for (const bad of ['', '3', '330', '33022', '33.0220', '33-02-20', '33022020011', 'ab']) {
      expect(dottedRegionCode(bad), bad).toBeUndefined();
    }
    expect(dottedDistrictCode('3302')).toBeUndefined();
    expect(dottedDistrictCode('330220')).toBe('33.02.20');
  });

  it('a lookup over a fixed table answers like the dataset', () => {
    const lookup = regionLookupFromDistricts([{ code: '330220', districtName: 'Kembaran' }]);
    expect(lookup.isKnownDistrict('33.02.20')).toBe(true);
    expect(lookup.isKnownDistrict('33.02.21')).toBe(false);
    expect(lookup.placeOfDistrict('330220')?.districtName).toBe('Kembaran');
    expect(() => regionLookupFromDistricts([{ code: '33.02' }])).toThrow(RangeError);
  });
});
