import { describe, it, expect } from 'vitest';
import { HOLIDAYS_2026, holidaysForYear, officeHolidayYear } from './holidays.js';

describe('2026 (SKB 3 Menteri, September 2025)', () => {
  const year = holidaysForYear(2026);
  const dates = (kind: string) => year.closures.filter((c) => c.kind === kind).map((c) => c.date.slice(5));
  const nameOn = (date: string) => year.closures.find((c) => c.date === date)?.name;

  it('is confirmed and entered, with no note', () => {
    expect(year).toMatchObject({ year: 2026, confirmed: true, source: 'entered', note: null });
    expect(year.closures).toBe(HOLIDAYS_2026);
  });

  it('has exactly the libur nasional and cuti bersama dates of the decree', () => {
    expect(dates('libur_nasional')).toEqual([
      '01-01', '01-16', '02-17', '03-19', '03-21', '03-22', '04-03', '04-05', '05-01',
      '05-14', '05-27', '05-31', '06-01', '06-16', '08-17', '08-25', '12-25',
    ]);
    expect(dates('cuti_bersama')).toEqual(['02-16', '03-18', '03-20', '03-23', '03-24', '05-15', '05-28', '12-24']);
    expect(new Set(year.closures.map((c) => c.date)).size).toBe(25);
  });

  it('names each date after the right holiday', () => {
    expect(nameOn('2026-01-01')).toMatch(/^Tahun Baru 2026 Masehi/);
    expect(nameOn('2026-01-16')).toMatch(/^Isra Mikraj/);
    expect(nameOn('2026-02-17')).toMatch(/^Tahun Baru Imlek/);
    expect(nameOn('2026-03-19')).toMatch(/^Hari Suci Nyepi/);
    expect(nameOn('2026-03-21')).toMatch(/^Idulfitri/);
    expect(nameOn('2026-03-22')).toMatch(/^Idulfitri/);
    expect(nameOn('2026-04-03')).toBe('Wafat Yesus Kristus');
    expect(nameOn('2026-04-05')).toMatch(/Paskah/);
    expect(nameOn('2026-05-01')).toMatch(/^Hari Buruh/);
    expect(nameOn('2026-05-14')).toBe('Kenaikan Yesus Kristus');
    expect(nameOn('2026-05-27')).toMatch(/^Iduladha/);
    expect(nameOn('2026-05-31')).toMatch(/^Hari Raya Waisak/);
    expect(nameOn('2026-06-01')).toBe('Hari Lahir Pancasila');
    expect(nameOn('2026-06-16')).toMatch(/^Tahun Baru Islam/);
    expect(nameOn('2026-08-17')).toMatch(/Kemerdekaan Republik Indonesia/);
    expect(nameOn('2026-08-25')).toMatch(/^Maulid Nabi/);
    expect(nameOn('2026-12-25')).toMatch(/Natal/);
    expect(nameOn('2026-03-20')).toMatch(/^Cuti Bersama Idulfitri/);
    expect(nameOn('2026-05-28')).toMatch(/^Cuti Bersama Iduladha/);
    expect(nameOn('2026-12-24')).toMatch(/^Cuti Bersama .*Natal/);
  });
});

describe('a year with no entered list (fallback to date-holidays)', () => {
  const year = holidaysForYear(2027);
  const on = (date: string) => year.closures.filter((c) => c.date === date).map((c) => c.name);

  it('is marked unconfirmed, with a note that cuti bersama are unknown', () => {
    expect(year).toMatchObject({ year: 2027, confirmed: false, source: 'date-holidays' });
    expect(year.note).toMatch(/cuti bersama are unknown/i);
    expect(year.closures.every((c) => c.kind === 'libur_nasional')).toBe(true);
    expect(year.closures.every((c) => c.date.startsWith('2027-'))).toBe(true);
  });

  it('takes the calendar date of lunar holidays despite the package’s "-0600" time strings', () => {
    expect(on('2027-03-09')).toEqual(['Idulfitri']); // "2027-03-09 00:00:00 -0600"
    expect(on('2027-03-10')).toEqual(['Idulfitri']);
    expect(on('2027-03-08')).toEqual(['Hari Raya Nyepi']);
    expect(on('2027-05-16')).toEqual(['Iduladha']);
  });

  it('names 27 Rajab Isra Mikraj, not a second Maulid', () => {
    expect(on('2027-01-05')).toEqual(['Isra Mikraj Nabi Muhammad SAW']);
    expect(year.closures.filter((c) => c.name.startsWith('Maulid')).map((c) => c.date)).toEqual(['2027-08-14']);
    expect(on('2027-12-25').sort()).toEqual(['Isra Mikraj Nabi Muhammad SAW', 'Kelahiran Yesus Kristus (Natal)']);
  });

  it('says which holidays the package cannot compute once its listed dates run out', () => {
    expect(year.note).not.toMatch(/Missing/);
    const y2028 = holidaysForYear(2028);
    expect(y2028.confirmed).toBe(false);
    expect(y2028.note).toMatch(/Missing and to be entered: Hari Suci Nyepi, Hari Raya Waisak/);
  });

  it('prefers a list an admin entered, and rejects one filed under the wrong year', () => {
    const entered = { 2027: [{ date: '2027-01-01', kind: 'libur_nasional' as const, name: 'Tahun Baru 2027 Masehi' }] };
    expect(holidaysForYear(2027, entered)).toMatchObject({ confirmed: true, source: 'entered', closures: entered[2027] });
    expect(holidaysForYear(2026, entered).confirmed).toBe(false); // only what is passed counts
    expect(() => holidaysForYear(2028, { 2028: entered[2027] })).toThrow(/filed under year 2028/);
    expect(() => holidaysForYear(27)).toThrow(RangeError);
  });
});

describe("an office's list in force for a year", () => {
  // 2027 as an SKB might publish it: Isra Mikraj a day after the estimate's 5 January, and a
  // cuti bersama the package cannot know.
  const skb2027 = [
    { date: '2027-01-01', kind: 'libur_nasional' as const, name: 'Tahun Baru 2027 Masehi' },
    { date: '2027-01-06', kind: 'libur_nasional' as const, name: 'Isra Mikraj Nabi Muhammad SAW' },
    { date: '2027-02-05', kind: 'cuti_bersama' as const, name: 'Cuti Bersama Tahun Baru Imlek' },
  ];
  const flood = { date: '2027-01-12', kind: 'penutupan_kantor' as const, name: 'Banjir' };

  it('before confirming is the estimate plus the entries, an entry replacing the listed holiday of its date', () => {
    const y = officeHolidayYear(2027, [...skb2027, flood], false);
    expect(y).toMatchObject({ year: 2027, confirmed: false, inForce: 'estimate' });
    const dates = y.closures.map((c) => c.date);
    expect(dates).toEqual(expect.arrayContaining(['2027-01-01', '2027-01-05', '2027-01-06', '2027-02-05', '2027-03-09']));
    expect(dates).not.toContain('2027-01-12'); // an office closure is not a national holiday
    expect(y.closures.filter((c) => c.date === '2027-01-01')).toEqual([skb2027[0]]);
  });

  it('once confirmed is exactly the entered list, without the estimate', () => {
    expect(officeHolidayYear(2027, [...skb2027, flood, { date: '2028-01-01', kind: 'libur_nasional', name: 'Tahun Baru 2028' }], true)).toEqual({
      year: 2027,
      confirmed: true,
      inForce: 'office',
      closures: skb2027,
    });
  });

  it('keeps a shipped year as shipped, confirmed or not, with entries of that year on top', () => {
    const extra = { date: '2026-12-31', kind: 'cuti_bersama' as const, name: 'Cuti bersama tambahan' };
    for (const confirmed of [false, true]) {
      const y = officeHolidayYear(2026, [extra], confirmed);
      expect(y).toMatchObject({ confirmed: true, inForce: 'shipped' });
      expect(y.closures).toHaveLength(HOLIDAYS_2026.length + 1);
      expect(y.closures.at(-1)).toEqual(extra);
    }
  });
});
