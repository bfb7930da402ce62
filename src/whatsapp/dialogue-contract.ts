/**
 * The contract between the chatbot's pure dialogue (`dialogue.ts`) and the WhatsApp worker that
 * runs it. The worker turns Meta's message objects into an `InboundEvent`, loads a
 * `DialogueContext`, calls `converse(state, event, context)`, sends the replies through the
 * outbox and executes the commands — all in one transaction. Commands whose outcome the user must
 * hear about (a submission gets its ticket) are answered by calling `converse` again with a
 * `CommandOutcome` event.
 */
import type { Service } from '../catalogue/catalogue.js';
import type { NewRequest } from '../requests/service.js';
import type { RegionLookup } from '../regions/region-lookup.js';

export const BOT_LOCALES = ['id', 'en', 'jv'] as const;
export type BotLocale = (typeof BOT_LOCALES)[number];

/** Why an upload was not accepted, as `inspectUpload` says (plus a failed download from Meta). */
export type DocumentRefusal = 'empty' | 'too_large' | 'too_many_pixels' | 'pdf_too_large' | 'unsupported_type' | 'unreadable' | 'pdf_active_content' | 'download_failed';

/**
 * What the photo check found when the photo was stored (issue 16), before the chat placed it in a
 * slot: `kind` null, judged as a document; `title` is the document's title the OCR read, if any.
 * The dialogue turns it into retake advice for the slot the photo goes to.
 */
export type PhotoSeen = { kind: 'kk' | 'akta' | 'ktp' | 'photo' | null; problems: string[]; title: 'kk' | 'akta' | 'ktp' | null };

/** What the user sent, normalised from Meta's message types. */
export type InboundEvent =
  | { type: 'text'; text: string }
  /** A reply button or list row the bot offered (its id), or a template quick-reply button (its payload). */
  | { type: 'choice'; id: string; title: string }
  /** An image or document, already fetched from Meta, inspected and stored — or refused. */
  | { type: 'document'; accepted: true; fileId: string; mime: string; filename?: string | undefined; photo?: PhotoSeen | undefined }
  | { type: 'document'; accepted: false; reason: DocumentRefusal }
  | { type: 'voice' }
  | { type: 'location'; latitude: number; longitude: number; name?: string | undefined; address?: string | undefined }
  /** A reaction to an earlier message: never needs an answer. */
  | { type: 'reaction'; emoji: string }
  /** Stickers, videos, contacts, polls, anything new Meta invents. */
  | { type: 'unsupported'; original: string }
  | CommandOutcome;

/** Fed back by the worker after executing a command. */
export type CommandOutcome =
  | { type: 'request_submitted'; ticket: string; pin: string; requestId: string; dueAt: Date; warnings: string[] }
  /** `duplicate`: the same subject and service already has an open request from this number (`existing`); `duplicate_other`: from another number. */
  | { type: 'request_submit_failed'; reason: 'nik_invalid' | 'validation' | 'internal' | 'duplicate' | 'duplicate_other'; existing?: { ticket: string; state: string } }
  | { type: 'request_resubmitted'; ticket: string }
  | { type: 'request_cancelled'; ticket: string }
  | { type: 'request_action_failed'; ticket: string; reason: string }
  /** The satisfaction survey was stored, or not: `already_answered` (by another channel meanwhile) or `internal`. */
  | { type: 'survey_recorded'; ticket: string }
  | { type: 'survey_failed'; ticket: string; reason: 'already_answered' | 'internal' }
  /** A complaint or suggestion was stored with its number and the time its answer is due (ISO), or not. */
  | { type: 'complaint_recorded'; kind: 'keluhan' | 'saran'; number: string; dueAt: string }
  | { type: 'complaint_failed'; kind: 'keluhan' | 'saran' };

/** A request made from this WhatsApp number, as `Cek status` shows it. */
export type ApplicantRequestSummary = {
  id: string;
  ticket: string;
  serviceCode: string;
  state: string;
  submittedAt: Date;
  dueAt: Date;
  /** What to fix when the request was returned: reason codes and the officer's note. */
  returnReasons: { code: string; documentType?: string | undefined; note?: string | undefined }[] | null;
  handOverChoice: string;
};

export type OfficeInfo = {
  code: string;
  name: string;
  address: string;
  phone?: string | undefined;
  whatsapp?: string | undefined;
  email?: string | undefined;
  instagram?: string | undefined;
  /** ISO weekday (1 = Monday) → opening intervals as HH:MM, as in `offices.working_hours`. */
  workingHours: Record<string, { open: string; close: string }[]>;
  timezone: string;
  /**
   * The office's calendar around now: libur nasional, cuti bersama and its own closures (minus the
   * cuti bersama days it declared itself open), and special periods such as Ramadan hours.
   */
  closures?: readonly { date: string; kind: 'libur_nasional' | 'cuti_bersama' | 'penutupan_kantor'; name: string }[] | undefined;
  specialPeriods?: readonly { name: string; from: string; to: string; schedule: Partial<Record<number, readonly { open: string; close: string }[]>> }[] | undefined;
};

/** Everything the dialogue may read; loaded by the worker per event. Pure data. */
export type DialogueContext = {
  now: Date;
  office: OfficeInfo;
  /** The office's catalogue (its KIA rule set applied), with requirements. */
  services: readonly Service[];
  desa: readonly { code: string; name: string }[];
  regions: RegionLookup;
  /** The user's WhatsApp id (62…), used as the applicant's phone. */
  waId: string;
  contactName?: string | undefined;
  /** This number's requests at this office, newest first. */
  requests: readonly ApplicantRequestSummary[];
  maxUploadBytes: number;
  /** This number's handed-over requests at this office still open to the satisfaction survey, newest first. */
  surveys?: readonly { requestId: string; ticket: string }[] | undefined;
  /** This number's complaints at this office, newest first, with the answer once given. */
  complaints?: readonly { number: string; kind: 'keluhan' | 'saran'; receivedAt: string; dueAt: string; answer: string | null }[] | undefined;
};

/** Messages the bot sends. Meta's limits: ≤ 3 buttons (title ≤ 20 chars), ≤ 10 list rows in all (title ≤ 24, description ≤ 72), list button ≤ 20, body ≤ 1024 (interactive) or 4096 (text). */
export type OutboundMessage =
  | { type: 'text'; text: string }
  | { type: 'buttons'; body: string; buttons: { id: string; title: string }[]; header?: string | undefined; footer?: string | undefined }
  | {
      type: 'list';
      body: string;
      button: string;
      sections: { title?: string | undefined; rows: { id: string; title: string; description?: string | undefined }[] }[];
      header?: string | undefined;
      footer?: string | undefined;
    };

export type DialogueCommand =
  | { type: 'submit_request'; input: NewRequest }
  | { type: 'resubmit_request'; requestId: string; attachments: { fileId: string; documentType: string }[] }
  | { type: 'cancel_request'; requestId: string }
  /** The user wants a person: the conversation goes to the staff inbox and the bot stays quiet until handed back. */
  | { type: 'hand_off_to_staff' }
  /** The conversation now concerns this request (the inbox shows it). */
  | { type: 'concerns_request'; requestId: string }
  /** Store the satisfaction survey of a handed-over request (anonymous: no number goes with it). */
  | { type: 'record_survey'; requestId: string; answers: Record<string, number>; profile: Record<string, string>; suggestion?: string | undefined }
  /** Store a complaint or suggestion from this number. */
  | { type: 'record_complaint'; kind: 'keluhan' | 'saran'; body: string };

export type DialogueResult<State> = {
  state: State;
  locale: BotLocale;
  replies: OutboundMessage[];
  commands: DialogueCommand[];
};
