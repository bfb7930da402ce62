/**
 * Schools (unit pendidikan) where Jemput Bola KIA sessions go: the levels the seed's programme
 * names and the NPSN (Nomor Pokok Sekolah Nasional, 8 digits). Pure.
 */
import type { LocalizedText } from '../catalogue/vocabulary.js';

export const SCHOOL_LEVELS = ['paud_tk_ra', 'sd_mi', 'smp_mts', 'sma_smk_ma', 'slb'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export const SCHOOL_LEVEL_LABELS: Record<SchoolLevel, LocalizedText> = {
  paud_tk_ra: { id: 'PAUD/TK/RA', en: 'Pre-school (PAUD/TK/RA)' },
  sd_mi: { id: 'SD/MI', en: 'Primary (SD/MI)' },
  smp_mts: { id: 'SMP/MTs', en: 'Lower secondary (SMP/MTs)' },
  sma_smk_ma: { id: 'SMA/SMK/MA', en: 'Upper secondary (SMA/SMK/MA)' },
  slb: { id: 'SLB', en: 'Special school (SLB)' },
};

/** "20301234", also typed as "2030 1234"; undefined when it is not 8 digits. */
export function normaliseNpsn(input: string): string | undefined {
  const digits = input.replace(/[\s.\-]/g, '');
  return /^\d{8}$/.test(digits) ? digits : undefined;
}

/** A level as people write it ("SD", "MI", "SD/MI", "sd_mi", "TK") → its code. */
export function schoolLevelOf(input: string): SchoolLevel | undefined {
  const word = input.trim().toLowerCase().replace(/[\s_]+/g, '');
  if ((SCHOOL_LEVELS as readonly string[]).includes(input.trim())) return input.trim() as SchoolLevel;
  for (const level of SCHOOL_LEVELS) {
    const parts = SCHOOL_LEVEL_LABELS[level].id.toLowerCase().split('/');
    if (word === parts.join('/') || parts.includes(word)) return level;
  }
  return undefined;
}
