/** What a KIA request carries besides the subject's columns, for tests that take one in and care about something else. */

/** A family card of Kembaran, registered 10 May 2020. */
export const KK_NUMBER = '3302201005200001';
/** A girl born 10 May 2020 in Kembaran (day + 40). */
export const GIRL_NIK = '3302205005200001';

export const KIA_DETAILS = { kk_number: KK_NUMBER, subject_birth_place: 'Banyumas' } as const;

let girls = 0;
/**
 * Another girl born 10 May 2020 in Kembaran (NIK sequence 1001, 1002 …), for tests that take in
 * several requests of one service: a second open request for the same child is refused.
 */
export const anotherGirlNik = (): string => `330220500520${String(1000 + ++girls).padStart(4, '0')}`;
