/**
 * Layanan khusus: who the special service is for, what it offers, and how a request carrying it
 * stands in the queues. One rule for every channel (chatbot, portal, counter): the same question,
 * the same record, the same offer of home delivery.
 *
 * The seed runs the service for penyandang disabilitas and names lansia beside them as those for
 * whom a trip to the office is hardest; UU 8/2016 art. 4 gives the kinds of disability. A
 * disability is health data — specific personal data under UU 27/2022 (PDP) art. 4 — so it is kept
 * only with the applicant's consent to its one purpose, and shown only to the officers who act on it.
 *
 * No zod here: the web client imports these rules, and the schema would weigh on every phone.
 */
import type { LocalizedText } from '../catalogue/vocabulary.js';
import { ageInYears, type IsoDate } from '../identity/calendar-date.js';

/** UU 8/2016 art. 4(1): fisik, intelektual, mental, sensorik (netra, rungu, wicara). */
export const DISABILITY_KINDS = ['fisik', 'intelektual', 'mental', 'netra', 'rungu', 'wicara'] as const;
export type DisabilityKind = (typeof DISABILITY_KINDS)[number];

/** What the office can arrange (the seed: "jika kesulitan mobilisasi maka akan ada petugas yang mengantar"). */
export const ACCOMMODATIONS = ['home_visit', 'accompany', 'sign_language', 'priority_counter', 'home_delivery'] as const;
export type Accommodation = (typeof ACCOMMODATIONS)[number];

export const DISABILITY_KIND_LABELS: Readonly<Record<DisabilityKind, LocalizedText>> = {
  fisik: { id: 'Fisik (mis. sulit berjalan, memakai kursi roda)', en: 'Physical (e.g. difficulty walking, a wheelchair user)' },
  intelektual: { id: 'Intelektual', en: 'Intellectual' },
  mental: { id: 'Mental', en: 'Mental' },
  netra: { id: 'Sensorik netra (penglihatan)', en: 'Sensory: visual' },
  rungu: { id: 'Sensorik rungu (pendengaran)', en: 'Sensory: hearing' },
  wicara: { id: 'Sensorik wicara (bicara)', en: 'Sensory: speech' },
};

export const ACCOMMODATION_LABELS: Readonly<Record<Accommodation, LocalizedText>> = {
  home_visit: { id: 'Petugas datang ke rumah (perekaman KTP-el, foto KIA)', en: 'An officer visits the home (KTP-el recording, KIA photo)' },
  accompany: { id: 'Dijemput atau didampingi petugas ke kantor', en: 'Fetched or accompanied to the office by an officer' },
  sign_language: { id: 'Bantuan juru bahasa isyarat', en: 'Sign-language help' },
  priority_counter: { id: 'Didahulukan di loket', en: 'Served first at the counter' },
  home_delivery: { id: 'Dokumen diantar ke rumah (Jujuk Dolanan)', en: 'Document delivered home (Jujuk Dolanan)' },
};

/** Lansia in UU 13/1998 art. 1: 60 years and over. */
export const ELDERLY_AGE = 60;

/** The purpose the applicant consents to; shown with the question and kept with the answer. */
export const SPECIAL_NEEDS_PURPOSE = 'special_service' as const;

/** What an applicant states, as every channel sends it (the zod schema: `special-needs-schema.ts`). */
export type SpecialNeedsStated = {
  disabled: boolean;
  elderly: boolean;
  kinds: DisabilityKind[];
  accommodations: Accommodation[];
  /** Anything else the officers should know ("memakai kursi roda, rumah di gang sempit"). */
  note?: string | undefined;
  /** The applicant agreed that a disability is kept for arranging the service and seen only by the officers who do. */
  consent: boolean;
};

/** As kept on the request (`requests.special_needs`). */
export type SpecialNeeds = {
  disabled: boolean;
  elderly: boolean;
  kinds: DisabilityKind[];
  accommodations: Accommodation[];
  note?: string;
  /** Given when a disability is kept (health data); null for an elderly person's help alone (an age is not). */
  consent: { purpose: typeof SPECIAL_NEEDS_PURPOSE; at: string } | null;
};

export type SpecialNeedsProblem =
  | 'consent_required'
  | 'kind_required'
  | 'kinds_without_disability'
  | 'accommodations_without_need';

/**
 * Reads what the applicant stated into the record, or says what is wrong. Nothing is kept without
 * consent: without it the applicant is served as anyone else, which the caller says in words.
 */
export function recordSpecialNeeds(
  input: SpecialNeedsStated,
  subjectIsElderly: boolean,
  at: Date,
): { ok: true; needs: SpecialNeeds | null } | { ok: false; problem: SpecialNeedsProblem } {
  const elderly = input.elderly || subjectIsElderly;
  const stated = input.disabled || input.elderly || input.kinds.length > 0 || input.accommodations.length > 0 || Boolean(input.note);
  if (!stated) return { ok: true, needs: null };
  if (!input.disabled && input.kinds.length > 0) return { ok: false, problem: 'kinds_without_disability' };
  if (input.disabled && input.kinds.length === 0) return { ok: false, problem: 'kind_required' };
  if (!input.disabled && !elderly) return { ok: false, problem: 'accommodations_without_need' };
  if (input.disabled && !input.consent) return { ok: false, problem: 'consent_required' };
  return {
    ok: true,
    needs: {
      disabled: input.disabled,
      elderly,
      kinds: DISABILITY_KINDS.filter((k) => input.kinds.includes(k)),
      accommodations: ACCOMMODATIONS.filter((a) => input.accommodations.includes(a)),
      ...(input.note ? { note: input.note } : {}),
      consent: input.consent ? { purpose: SPECIAL_NEEDS_PURPOSE, at: at.toISOString() } : null,
    },
  };
}

/** Is the person the document is for 60 or over on `today`? Unknown birth date: no. */
export function isElderly(birthDate: IsoDate | undefined, today: IsoDate): boolean {
  return birthDate !== undefined && ageInYears(birthDate, today) >= ELDERLY_AGE;
}

/**
 * Who may ask for the special service's accommodations, home delivery among them: a disabled or
 * elderly person. The one rule the chatbot, the portal and the counter apply before offering
 * *Jujuk Dolanan*.
 */
export function qualifiesForSpecialService(state: { disabled: boolean; elderly: boolean }): boolean {
  return state.disabled || state.elderly;
}

export function homeDeliveryOffered(state: { disabled: boolean; elderly: boolean }): boolean {
  return qualifiesForSpecialService(state);
}

/**
 * A service that needs the person in front of an officer's device (KTP-el recording: fingerprints,
 * iris, photo) is not applied for from a phone — unless the officer comes to the person: the
 * special service's home visit, for a disabled or elderly person who cannot come.
 */
export function homeVisitOnly(channels: readonly string[], channel: 'whatsapp' | 'web'): boolean {
  return !channels.includes(channel) && channels.includes('home_visit');
}

export function remoteApplicationAllowed(
  channels: readonly string[],
  channel: 'whatsapp' | 'web',
  needs: { disabled: boolean; elderly: boolean; accommodations: readonly string[] } | null | undefined,
): boolean {
  if (channels.includes(channel)) return true;
  return homeVisitOnly(channels, channel) && Boolean(needs) && qualifiesForSpecialService(needs!) && needs!.accommodations.includes('home_visit');
}

/** Queue order: requests with the special service first (0 = first), then by due time. */
export const PRIORITY = { special: 0, normal: 1 } as const;

/** Why a request stands first, for the badge: disability, elderly, or both; null when it does not. */
export type PriorityReason = 'disabilitas' | 'lansia' | 'disabilitas_lansia';

export function priorityReasonOf(needs: SpecialNeeds | null, subjectIsElderly: boolean): PriorityReason | null {
  const disabled = needs?.disabled ?? false;
  const elderly = (needs?.elderly ?? false) || subjectIsElderly;
  if (disabled && elderly) return 'disabilitas_lansia';
  if (disabled) return 'disabilitas';
  if (elderly) return 'lansia';
  return null;
}

export const PRIORITY_REASON_LABELS: Readonly<Record<PriorityReason, LocalizedText>> = {
  disabilitas: { id: 'Prioritas · disabilitas', en: 'Priority · disability' },
  lansia: { id: 'Prioritas · lansia', en: 'Priority · elderly' },
  disabilitas_lansia: { id: 'Prioritas · disabilitas, lansia', en: 'Priority · disability, elderly' },
};

export function priorityOf(reason: PriorityReason | null): number {
  return reason ? PRIORITY.special : PRIORITY.normal;
}
