/** What a KIA request carries besides the subject's columns, for tests that take one in and care about something else. */

/** A family card of Kembaran, registered 10 May 2020. */
export const KK_NUMBER = '3302201005200001';
/** A girl born 10 May 2020 in Kembaran (day + 40). */
export const GIRL_NIK = '3302205005200001';

export const KIA_DETAILS = { kk_number: KK_NUMBER, subject_birth_place: 'Banyumas' } as const;
