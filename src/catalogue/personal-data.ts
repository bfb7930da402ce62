/**
 * Why the office keeps each kind of personal data besides scans, and for how long (UU 27/2022 PDP
 * Pasal 16(2) and 43–44: a stated purpose, kept no longer than it needs, then deleted or
 * anonymised). Data, not code: the worker in `src/privacy/purge.ts` applies it, the data-subject
 * page shows it. The reasoning and sources are in `docs/personal-data-retention.md`.
 *
 * What is kept after the period is what the law or the statistics need without an identity:
 * a request keeps its office, service, channel, desa, dates, states and SLA figures; an audit entry
 * keeps who (staff), what and when.
 *
 * Pure: no clock, no I/O. Times are passed in.
 */
import type { LocalizedText } from './vocabulary.js';

export const PERSONAL_DATA_KINDS = ['request_personal', 'chat_message', 'phone_verification', 'outbox_payload', 'audit_details'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export type PersonalDataRetention = {
  purpose: LocalizedText;
  /** Calendar days after the record's starting moment (`since`, below) until it goes. */
  days: number;
  /** From when the days count, in words. */
  since: LocalizedText;
  /** What happens then. */
  then: 'anonymise' | 'delete' | 'blank';
};

const rule = (purpose: [string, string], days: number, since: [string, string], then: PersonalDataRetention['then']): PersonalDataRetention => ({
  purpose: { id: purpose[0], en: purpose[1] },
  days,
  since: { id: since[0], en: since[1] },
  then,
});

/** Two years: the time a maladministration report may still be made to the Ombudsman (UU 37/2008 Pasal 24(1)c). */
export const REQUEST_ARCHIVE_DAYS = 730;

export const PERSONAL_DATA_RETENTION: Readonly<Record<PersonalDataKind, PersonalDataRetention>> = {
  request_personal: rule(
    [
      'Untuk melayani permohonan, lalu menjawab keluhan, keberatan, atau pemeriksaan Ombudsman atas layanan tersebut.',
      'To serve the request, then to answer a complaint, an objection or an Ombudsman inquiry about that service.',
    ],
    REQUEST_ARCHIVE_DAYS,
    ['sejak permohonan selesai (diserahkan, ditolak, atau dibatalkan)', 'after the request closed (handed over, refused or cancelled)'],
    'anonymise',
  ),
  chat_message: rule(
    ['Untuk menjawab pesan WhatsApp dan menerima permohonan yang dikirim lewat percakapan.', 'To answer WhatsApp messages and take in requests sent in the chat.'],
    90,
    ['sejak pesan diterima, bila tidak ada permohonan yang masih diproses untuk nomor itu', 'after the message arrived, once no open request of that number needs it'],
    'blank',
  ),
  phone_verification: rule(
    ['Untuk membuktikan bahwa nomor WhatsApp milik pemohon.', 'To prove the WhatsApp number belongs to the applicant.'],
    1,
    ['sejak kode dikirim', 'after the code was sent'],
    'delete',
  ),
  outbox_payload: rule(
    ['Untuk mengirim pemberitahuan kepada pemohon dan menelusuri bila pesan tidak sampai.', 'To send notices to the applicant and trace a message that did not arrive.'],
    30,
    ['sejak pesan terkirim atau gagal dikirim', 'after the message was sent or given up on'],
    'blank',
  ),
  audit_details: rule(
    [
      'Untuk membuktikan siapa melakukan apa dan kapan; setelah masa ini hanya petugas, tindakan, dan waktunya yang disimpan.',
      'To prove who did what and when; after this period only the officer, the action and the time are kept.',
    ],
    REQUEST_ARCHIVE_DAYS,
    ['sejak tindakan dicatat', 'after the action was recorded'],
    'blank',
  ),
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a record of this kind that started at `since` (closing, receipt, sending, recording) is due. */
export function personalDataDueAt(kind: PersonalDataKind, since: Date): Date {
  return new Date(since.getTime() + PERSONAL_DATA_RETENTION[kind].days * DAY_MS);
}

/** Whether the record is due now. `since` null: the clock has not started (an open request, a message not settled). */
export function personalDataDueFor(kind: PersonalDataKind, since: Date | null, now: Date): boolean {
  return since !== null && personalDataDueAt(kind, since).getTime() <= now.getTime();
}

/** The latest starting moment that is due now: what the worker's queries compare with. */
export function personalDataCutoff(kind: PersonalDataKind, now: Date): Date {
  return new Date(now.getTime() - PERSONAL_DATA_RETENTION[kind].days * DAY_MS);
}

/**
 * Audit details keys that never hold a personal value (codes, states, counts). Everything else is
 * dropped when an entry's details are redacted: an allowlist, so a key someone adds later with a
 * name in it is stripped by default rather than kept by default.
 */
const AUDIT_SAFE_KEYS = new Set([
  'from', 'to', 'description', 'reasonCode', 'reasonCodes', 'documents', 'printed', 'delivery', 'method', 'relationship',
  'flag', 'state', 'escalatedTo', 'documentType', 'mime', 'size', 'purgeAfter', 'bytesShared', 'keyKind', 'results',
  'locale', 'delivered', 'attempts', 'failures', 'role', 'kind', 'count', 'counts', 'year', 'fields', 'templates', 'erased',
]);

/** What an audit entry's details become after the period: only the safe keys, marked redacted. */
export function redactAuditDetails(details: Record<string, unknown>): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(details).filter(([key]) => AUDIT_SAFE_KEYS.has(key)));
  return { ...kept, redacted: true };
}

/**
 * What a data subject may have erased now, and why not otherwise. An open request is still being
 * served (UU PDP Pasal 15(1): the office's public duty): it must be cancelled first. A document
 * issued (handed over) stays for the archive period so the office can answer for it; a request
 * refused or cancelled issued nothing, and the person asking to erase it gives up objecting.
 */
export type ErasureDecision = { erase: true } | { erase: false; reason: 'request_open' | 'archive_period'; until?: Date };

export function requestErasureFor(state: { final: boolean; handedOver: boolean; closedAt: Date | null }, now: Date): ErasureDecision {
  if (!state.final || !state.closedAt) return { erase: false, reason: 'request_open' };
  if (!state.handedOver) return { erase: true };
  const until = personalDataDueAt('request_personal', state.closedAt);
  return until.getTime() <= now.getTime() ? { erase: true } : { erase: false, reason: 'archive_period', until };
}
