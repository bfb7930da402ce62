/**
 * The relational schema, one source of truth for PGlite and PostgreSQL.
 * drizzle-kit turns changes here into versioned SQL under /migrations; never edit a
 * migration that has shipped, add a new one.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SpecialNeeds } from '../requests/special-needs.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A kecamatan office. Its Kemendagri code is its identity and never changes. */
export const offices = pgTable('offices', {
  /** Kemendagri district code, e.g. 33.02.20 */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  regencyCode: text('regency_code').notNull(),
  regencyName: text('regency_name').notNull(),
  provinceName: text('province_name').notNull(),
  /** Three-letter prefix of ticket numbers, e.g. KBR in KBR-26-000123. */
  ticketPrefix: text('ticket_prefix').notNull(),
  timezone: text('timezone').notNull().default('Asia/Jakarta'),
  /** Address, phone, WhatsApp, email, Instagram, as the office publishes them. */
  contact: jsonb('contact').$type<OfficeContact>().notNull(),
  /** Weekly opening hours; the SLA calendar reads these. */
  workingHours: jsonb('working_hours').$type<WeeklyHours>().notNull(),
  /** Which KIA requirement list the office follows: 'national' or 'banyumas_2022'. */
  kiaRuleSet: text('kia_rule_set').notNull().default('national'),
  /** Working days the office gives itself to answer a complaint, as its maklumat publishes (1–14). */
  complaintAnswerDays: smallint('complaint_answer_days').notNull().default(5),
  createdAt: createdAt(),
});

/**
 * The regency's emblem (lambang daerah) an admin uploaded for the kop of printed receipts: a PNG
 * re-encoded by the server (at most 240 px), base64. Its own table so reading an office row stays small.
 */
export const officeEmblems = pgTable('office_emblems', {
  officeCode: text('office_code')
    .primaryKey()
    .references(() => offices.code),
  pngBase64: text('png_base64').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * Days an office is closed beyond the national list: an admin's ad-hoc closure (flood, election
 * duty) or cuti bersama of a year the shipped data does not cover yet.
 */
export const officeClosures = pgTable(
  'office_closures',
  {
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    date: text('date').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('office_closures_uq').on(t.officeCode, t.date, t.kind)],
);

/**
 * Years whose libur nasional and cuti bersama an office's admin entered from the SKB 3 Menteri and
 * confirmed: from then on the office's calendar for that year is exactly its entered list, not the
 * date-holidays estimate. Undoing the confirmation deletes the row (the audit trail keeps both).
 */
export const officeHolidayYears = pgTable(
  'office_holiday_years',
  {
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    year: integer('year').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
    confirmedBy: uuid('confirmed_by')
      .notNull()
      .references(() => staffUsers.id),
  },
  (t) => [uniqueIndex('office_holiday_years_uq').on(t.officeCode, t.year)],
);

export type OfficeContact = {
  address: string;
  phone?: string;
  whatsapp?: string;
  email?: string;
  instagram?: string;
};
/** ISO weekday (1 = Monday … 7 = Sunday) → opening intervals as HH:MM local time. */
export type WeeklyHours = Record<string, { open: string; close: string }[]>;

/** Desa (village) or kelurahan (urban ward) of an office, from the region dataset. */
export const desa = pgTable(
  'desa',
  {
    code: text('code').primaryKey(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    name: text('name').notNull(),
  },
  (t) => [index('desa_office_idx').on(t.officeCode)],
);

/** A staff member. The regency role has no office but a regency it reads. */
export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code').references(() => offices.code),
    regencyCode: text('regency_code').notNull(),
    username: text('username').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('staff_users_username_uq').on(sql`lower(${t.username})`)],
);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('staff_sessions_user_idx').on(t.userId)],
);

/**
 * Sign-in attempts that were not successful, per scope: an account from one client (`pair`), one
 * client address across accounts (`client`), one account from everywhere (`account`). Rules in
 * src/auth/throttle.ts. Kept in the database so every server copy slows the same guesser. The key
 * and username are SHA-256 hashes: a password typed into the username field is not kept readable.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    keyHash: text('key_hash').primaryKey(),
    scope: text('scope').notNull(),
    /** SHA-256 of the lower-cased username, so a password reset can clear the account's rows. */
    usernameHash: text('username_hash'),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_throttles_username_idx').on(t.usernameHash), index('sign_in_throttles_updated_idx').on(t.updatedAt)],
);

/**
 * Browsers an account has signed in from (the signed `kencot_device` cookie holds a random id; only
 * its SHA-256 is stored). A known browser is not held back by the limits a stranger can run up on
 * the account or on a shared address, so nobody can lock an officer out from outside.
 */
export const staffKnownDevices = pgTable(
  'staff_known_devices',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id),
    deviceHash: text('device_hash').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('staff_known_devices_uq').on(t.userId, t.deviceHash)],
);

/**
 * Append-only record of who did what to which record, when and from where.
 * A trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE, so not even a bug can rewrite it.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Null for regency-wide or installation-wide events. */
    officeCode: text('office_code'),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** Never personal data: ids, states, reasons. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    requestId: text('request_id'),
    /**
     * When the retention worker stripped personal values from `details` and the IP (UU PDP); the
     * trigger's one exception to append-only, see migration 0013.
     */
    redactedAt: timestamp('redacted_at', { withTimezone: true }),
  },
  (t) => [
    index('audit_office_at_idx').on(t.officeCode, t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_redaction_due_idx').on(t.at).where(sql`${t.redactedAt} is null`),
  ],
);

/**
 * What the photo check at upload found (issue 16), kept beside the file for the verifier. `kind`
 * is the check it got (null: a document of a kind not yet known, as a WhatsApp photo before the
 * chat places it); `reading` is what the OCR read within its time budget, null when it did not run
 * or ran out of time.
 */
export type StoredPhotoFindings = {
  kind: 'kk' | 'akta' | 'ktp' | 'photo' | null;
  problems: string[];
  measures: { width: number; height: number; sharpness: number; meanLuminance: number };
  reading: { numbers: string[]; title: 'kk' | 'akta' | 'ktp' | null } | null;
  ocr: 'read' | 'not_read' | 'skipped';
  checkedAt: string;
};

/**
 * One uploaded document. The bytes live once per content hash in the blob store;
 * several records may share them.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    /** What the document is (akta, kk, ktp, foto_anak, …); drives purpose and retention. */
    documentType: text('document_type'),
    uploadedByType: text('uploaded_by_type').notNull(),
    uploadedById: text('uploaded_by_id'),
    createdAt: createdAt(),
    /** When the scan must be purged (UU PDP: keep no longer than the purpose needs). */
    purgeAfter: timestamp('purge_after', { withTimezone: true }),
    /** When the bytes were deleted. The row, its metadata and its audit trail stay. */
    purgedAt: timestamp('purged_at', { withTimezone: true }),
    /** What the photo check at upload found (issue 16); null for a PDF or an upload before the check. */
    photoFindings: jsonb('photo_findings').$type<StoredPhotoFindings>(),
  },
  (t) => [
    index('files_office_idx').on(t.officeCode),
    index('files_sha_idx').on(t.sha256),
    // The purge worker's question: which live scans are due?
    index('files_purge_due_idx').on(t.purgeAfter).where(sql`${t.purgedAt} is null and ${t.purgeAfter} is not null`),
  ],
);

/** Installation-wide values every server copy must share, such as the signing secret. */
export const installation = pgTable('installation', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * A citizen's request (permohonan) and where it stands in the SOP. Its history is the audit log
 * (entity `request`); personal details sit here, role-checked, never in the log.
 */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    /** KBR-26-000123: per office and year, what people read out over the phone. */
    ticket: text('ticket').notNull(),
    serviceCode: text('service_code').notNull(),
    channel: text('channel').notNull(),
    state: text('state').notNull(),
    flags: jsonb('flags').$type<string[]>().notNull().default([]),
    desaCode: text('desa_code').references(() => desa.code),
    applicant: jsonb('applicant').$type<{ name: string; phone: string; relation: string; relationText?: string }>().notNull(),
    subject: jsonb('subject').$type<{ nik?: string; name: string; birthDate?: string; sex?: 'L' | 'P' }>().notNull(),
    /** The service's other data fields (KK number, parents' names, date of death …), keyed by the catalogue's field code. */
    details: jsonb('details').$type<Record<string, string>>().notNull().default({}),
    /** Facts the conditional fields and documents depend on: has the child an akta, is the child foreign. */
    circumstances: jsonb('circumstances').$type<{ hasBirthCertificate?: boolean; foreign?: boolean }>().notNull().default({}),
    /** Copies of the searchable identifiers, indexed per office. */
    subjectNik: text('subject_nik'),
    applicantPhone: text('applicant_phone').notNull(),
    handOverChoice: text('hand_over_choice').notNull(),
    disabilityNeeds: text('disability_needs'),
    /**
     * Layanan khusus (`src/requests/special-needs.ts`): disability kinds (UU 8/2016), lansia, the
     * accommodations asked for, and the consent they were given with. Health data: read through
     * the `disability` field group only, every view audited.
     */
    specialNeeds: jsonb('special_needs').$type<SpecialNeeds>(),
    /** 0 = stands first in every queue (disabled or elderly, see `priorityReasonOf`), 1 = in due order. */
    priority: smallint('priority').notNull().default(1),
    /** Why it stands first, for the badge in words: disabilitas, lansia, disabilitas_lansia. */
    priorityReason: text('priority_reason'),
    /** argon2 hash of the tracking PIN the applicant was given. */
    pinHash: text('pin_hash').notNull(),
    attachments: jsonb('attachments').$type<{ fileId: string; documentType: string }[]>().notNull().default([]),
    siakOutcomes: jsonb('siak_outcomes').$type<Record<string, unknown>[]>().notNull().default([]),
    courierStaffId: uuid('courier_staff_id'),
    /** What the applicant must fix, from the latest return (shown on the tracking page). */
    returnReasons: jsonb('return_reasons').$type<Record<string, unknown>[]>(),
    /** Who received the document, how and when. */
    handOverRecord: jsonb('hand_over_record').$type<Record<string, unknown>>(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    stateEnteredAt: timestamp('state_entered_at', { withTimezone: true }).notNull(),
    /** Whole-request due time under the office's working-day calendar. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /**
     * When an officer took the file in its current SOP step (first opened it with the step's action
     * at hand), and who: the 5/30/15-minute standards run from here, not from entering the step.
     * Cleared when the request moves to another step.
     */
    workStartedAt: timestamp('work_started_at', { withTimezone: true }),
    workStartedBy: uuid('work_started_by'),
    /** Optimistic lock: two officers acting at once cannot both move the same request. */
    version: integer('version').notNull().default(1),
    /**
     * A PIN sent to the applicant's WhatsApp by "Lupa PIN" that has not been used yet. It works
     * beside `pin_hash` until it expires; its first use replaces `pin_hash`, so a stranger who
     * presses the button can neither replace nor disable the PIN on the receipt.
     */
    pendingPinHash: text('pending_pin_hash'),
    pendingPinExpiresAt: timestamp('pending_pin_expires_at', { withTimezone: true }),
    /** Wrong tries checked against the pending PIN while the ticket or the client was throttled. */
    pendingPinAttempts: integer('pending_pin_attempts').notNull().default(0),
    /** When the retention worker or an erasure removed the personal fields; the statistics columns stay. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('requests_ticket_uq').on(t.ticket),
    index('requests_anonymise_due_idx').on(t.stateEnteredAt).where(sql`${t.anonymisedAt} is null`),
    index('requests_queue_idx').on(t.officeCode, t.state, t.priority, t.dueAt),
    index('requests_nik_idx').on(t.officeCode, t.subjectNik),
    index('requests_phone_idx').on(t.officeCode, t.applicantPhone),
    // The duplicate check at intake: open requests of a service for a subject, in any office.
    index('requests_service_nik_idx').on(t.serviceCode, t.subjectNik),
  ],
);

/**
 * Wrong tracking PINs of the last day, by the ticket as typed (known or not, so throttling says
 * nothing about which tickets exist) and by a keyed hash of the client's address. They throttle
 * guessing per client and per ticket without ever locking the owner's own PIN for long; see
 * docs/security.md "Tracking PIN". Rows older than a day are deleted as new ones come.
 */
export const trackingFailures = pgTable(
  'tracking_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticket: text('ticket').notNull(),
    client: text('client').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('tracking_failures_ticket_idx').on(t.ticket, t.at), index('tracking_failures_at_idx').on(t.at)],
);

/** The last ticket sequence issued per office and year. */
export const ticketCounters = pgTable(
  'ticket_counters',
  {
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('ticket_counters_pk').on(t.officeCode, t.year)],
);

/**
 * Messages owed to people, written in the same transaction as the change that caused them; the
 * channel workers (WhatsApp, …) deliver them later, so a crash loses nothing and sends nothing twice.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officeCode: text('office_code').notNull(),
    requestId: uuid('request_id'),
    /** Who it is for, e.g. a WhatsApp number (wa_id). */
    recipient: text('recipient').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Which channel delivers it; only WhatsApp so far. */
    channel: text('channel').notNull().default('whatsapp'),
    /** Who wrote it: the bot, a staff member (`staff`, with `senderStaffId`) or the system (notifications). */
    sender: text('sender').notNull().default('system'),
    senderStaffId: uuid('sender_staff_id'),
    /** The message exactly as sent to the provider (free-form or template), for the staff inbox. */
    sentBody: jsonb('sent_body').$type<Record<string, unknown>>(),
    /** The provider's id for the sent message (WhatsApp `wamid.…`); statuses are matched on it. */
    providerMessageId: text('provider_message_id'),
    /** sent → delivered → read, or failed; only ever moves forward. */
    deliveryStatus: text('delivery_status'),
    lastError: text('last_error'),
    /** When the recipient, payload and body were blanked (retention, or an erasure). */
    redactedAt: timestamp('redacted_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_pending_idx').on(t.status, t.nextAttemptAt),
    index('outbox_recipient_idx').on(t.officeCode, t.recipient, t.id),
    uniqueIndex('outbox_provider_id_uq').on(t.providerMessageId),
    // The retention worker's question: which rows still hold a recipient and words?
    index('outbox_redaction_due_idx').on(t.createdAt).where(sql`${t.redactedAt} is null`),
  ],
);

/** A WhatsApp business number (Cloud API `phone_number_id`) and the office it answers for. */
export const whatsappNumbers = pgTable('whatsapp_numbers', {
  phoneNumberId: text('phone_number_id').primaryKey(),
  officeCode: text('office_code')
    .notNull()
    .references(() => offices.code),
  displayPhone: text('display_phone'),
  /** Approved template per notification kind, used outside the 24-hour window: kind → name and language. */
  templates: jsonb('templates').$type<Record<string, { name: string; language: string }>>().notNull().default({}),
  createdAt: createdAt(),
});

/**
 * Inbound WhatsApp messages, stored durably before the webhook answers; a worker handles them.
 * Unique on the WhatsApp message id, so Meta's redelivery of the same message is stored once.
 */
export const whatsappInbound = pgTable(
  'whatsapp_inbound',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    waMessageId: text('wa_message_id').notNull(),
    phoneNumberId: text('phone_number_id').notNull(),
    officeCode: text('office_code').notNull(),
    /** The sender's WhatsApp id (62…). */
    waId: text('wa_id').notNull(),
    contactName: text('contact_name'),
    type: text('type').notNull(),
    /** The message object as Meta sent it (texts capped). */
    message: jsonb('message').$type<Record<string, unknown>>().notNull(),
    /** Meta's timestamp of the message. */
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** The document the user sent, once fetched from Meta and accepted. */
    fileId: uuid('file_id'),
    /** Why the document the user sent was not accepted (too large, unreadable, …). */
    mediaRefusal: text('media_refusal'),
    lastError: text('last_error'),
    /** When the sender, name and message were blanked (retention, or an erasure). */
    redactedAt: timestamp('redacted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('whatsapp_inbound_message_uq').on(t.waMessageId),
    index('whatsapp_inbound_pending_idx').on(t.status, t.nextAttemptAt),
    index('whatsapp_inbound_sender_idx').on(t.officeCode, t.waId, t.id),
    index('whatsapp_inbound_redaction_due_idx').on(t.receivedAt).where(sql`${t.redactedAt} is null`),
  ],
);

/** One WhatsApp user talking to one office: the bot's dialogue state and the staff inbox's view. */
export const whatsappConversations = pgTable(
  'whatsapp_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    waId: text('wa_id').notNull(),
    contactName: text('contact_name'),
    locale: text('locale').notNull().default('id'),
    /** `bot` answers; `staff` means an officer has taken over and the bot stays quiet. */
    mode: text('mode').notNull().default('bot'),
    /** The pure dialogue's state (see src/whatsapp/dialogue.ts). */
    dialogue: jsonb('dialogue').$type<Record<string, unknown>>().notNull().default({}),
    /** The user asked for a person and nobody has answered yet. */
    waitingForStaff: boolean('waiting_for_staff').notNull().default(false),
    assignedStaffId: uuid('assigned_staff_id'),
    /** The request the conversation is about (the latest one it created or asked about). */
    requestId: uuid('request_id'),
    /** Free-form messages are allowed for 24 hours after this (Meta's customer-service window). */
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull(),
    unreadCount: integer('unread_count').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('whatsapp_conversations_uq').on(t.officeCode, t.waId),
    index('whatsapp_conversations_inbox_idx').on(t.officeCode, t.lastMessageAt),
  ],
);

/**
 * A code sent to a phone's WhatsApp to prove the web applicant owns the number. Only the hash is
 * kept; a few wrong tries use it up.
 */
export const phoneVerifications = pgTable(
  'phone_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    /** Applications made with the applicant token this confirmation gave (at most a few). */
    applications: integer('applications').notNull().default(0),
  },
  (t) => [index('phone_verifications_phone_idx').on(t.officeCode, t.phone, t.createdAt)],
);

/**
 * An office's own version of a catalogue service: switched off, or with its own requirement list
 * or time standard. Absent means the shipped catalogue (with the office's KIA rule set) applies.
 */
export const officeServiceSettings = pgTable(
  'office_service_settings',
  {
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    serviceCode: text('service_code').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    requirements: jsonb('requirements').$type<Record<string, unknown>[]>(),
    slaWorkingDays: integer('sla_working_days'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('office_service_settings_uq').on(t.officeCode, t.serviceCode)],
);

/** Stretches with other opening hours (Ramadan), replacing the weekly hours on those dates. */
export const officeSpecialPeriods = pgTable(
  'office_special_periods',
  {
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    name: text('name').notNull(),
    from: text('from_date').notNull(),
    to: text('to_date').notNull(),
    schedule: jsonb('schedule').$type<WeeklyHours>().notNull(),
  },
  (t) => [uniqueIndex('office_special_periods_uq').on(t.officeCode, t.from)],
);

/**
 * System outages a kasi recorded (SIAK down, no network, no power …): the SOP's time standards
 * hold "kecuali jika terjadi kendala sistem", so the clocks of the office's requests stop inside
 * these windows. `ends_at` is null while the outage goes on.
 */
export const outages = pgTable(
  'outages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    kind: text('kind').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    reason: text('reason').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('outages_office_idx').on(t.officeCode, t.startsAt)],
);

/** Pojok baca (issue 13): the books of the reading corner in the office's outdoor waiting room. */
export const readingCornerBooks = pgTable(
  'reading_corner_books',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    title: text('title').notNull(),
    author: text('author').notNull(),
    /** The ISBN-13 (an ISBN-10 is kept converted); null for a book without one (old prints, magazines). */
    isbn: text('isbn'),
    category: text('category').notNull(),
    /** Copies on the shelf, lent out ones included. */
    copies: integer('copies').notNull(),
    /** Who gave it (a person, a school, the Perpusda); the corner is built from donations. */
    donor: text('donor'),
    createdAt: createdAt(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [
    uniqueIndex('reading_corner_books_isbn_uq').on(t.officeCode, t.isbn).where(sql`${t.isbn} is not null`),
    index('reading_corner_books_office_idx').on(t.officeCode, t.title),
  ],
);

/** A book lent from the waiting room: the borrower's name and WhatsApp number, due and return. */
export const readingCornerLoans = pgTable(
  'reading_corner_loans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    bookId: uuid('book_id')
      .notNull()
      .references(() => readingCornerBooks.id),
    borrowerName: text('borrower_name').notNull(),
    /** wa_id (62…), where the overdue reminder goes. */
    borrowerPhone: text('borrower_phone').notNull(),
    /** Office-local dates 'YYYY-MM-DD'. */
    loanedOn: text('loaned_on').notNull(),
    dueOn: text('due_on').notNull(),
    loanedAt: timestamp('loaned_at', { withTimezone: true }).notNull(),
    loanedBy: uuid('loaned_by').notNull(),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnedOn: text('returned_on'),
    returnedTo: uuid('returned_to'),
    /** When the overdue reminder was written to the outbox: once per loan. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** When the borrower's name and number were blanked, a while after the return (UU PDP); the loan stays for the figures. */
    borrowerForgottenAt: timestamp('borrower_forgotten_at', { withTimezone: true }),
  },
  (t) => [
    index('reading_corner_loans_open_idx').on(t.officeCode, t.dueOn).where(sql`${t.returnedAt} is null`),
    index('reading_corner_loans_book_idx').on(t.bookId),
    index('reading_corner_loans_office_idx').on(t.officeCode, t.loanedOn),
  ],
);

/** The visitors of the reading corner, counted per office-local day. */
export const readingCornerVisits = pgTable(
  'reading_corner_visits',
  {
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    day: text('day').notNull(),
    count: integer('count').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('reading_corner_visits_uq').on(t.officeCode, t.day)],
);

/**
 * Schools (unit pendidikan) of an office's area, where Jemput Bola KIA sessions go (issue 12).
 * NPSN is the national school number (8 digits), one school per NPSN in an office.
 */
export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    npsn: text('npsn').notNull(),
    name: text('name').notNull(),
    /** paud_tk_ra | sd_mi | smp_mts | sma_smk_ma | slb (src/children/schools.ts). */
    level: text('level').notNull(),
    desaCode: text('desa_code').references(() => desa.code),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('schools_office_npsn_uq').on(t.officeCode, t.npsn)],
);

/**
 * The register of children 0–16 of an office (pendataan KIA): filled from a desa's extract or a
 * school's roster, and by KIAs handed over through Kencot. A child is known by NIK, or by name and
 * birth date; every other fact is optional, and `sources` says where each came from.
 */
export const children = pgTable(
  'children',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    nik: text('nik'),
    name: text('name'),
    /** 'YYYY-MM-DD'; from the NIK when the list gave none. */
    birthDate: text('birth_date').notNull(),
    sex: text('sex'),
    desaCode: text('desa_code').references(() => desa.code),
    schoolNpsn: text('school_npsn'),
    schoolClass: text('school_class'),
    parentName: text('parent_name'),
    kkNumber: text('kk_number'),
    whatsapp: text('whatsapp'),
    /** Null: not known. */
    hasKia: boolean('has_kia'),
    kiaSince: text('kia_since'),
    /** Field → where the fact came from (an import file, a request handed over). */
    sources: jsonb('sources').$type<Record<string, ChildFactSource>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('children_office_nik_uq').on(t.officeCode, t.nik),
    index('children_office_name_idx').on(t.officeCode, t.birthDate),
    index('children_office_school_idx').on(t.officeCode, t.schoolNpsn),
  ],
);

export type ChildFactSource = { kind: 'import'; file: string; row: number; at: string } | { kind: 'request'; ticket: string; at: string };

/**
 * IKM survey answers (PermenPANRB 14/2017), anonymous: no name or phone, only the office, the
 * request it was about (null for a walk-in by the counter's QR code), the channel, the nine unsur
 * answered 1–4 (columns by unsur code; checked in SQL) and the optional respondent profile. One
 * answer per request (`survey_responses_request_uq`).
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    requestId: uuid('request_id').references(() => requests.id),
    /** Kept for the reports by service; null for a walk-in. */
    serviceCode: text('service_code'),
    /** whatsapp, portal, qr */
    channel: text('channel').notNull(),
    persyaratan: smallint('persyaratan').notNull(),
    prosedur: smallint('prosedur').notNull(),
    waktu: smallint('waktu').notNull(),
    biaya: smallint('biaya').notNull(),
    produk: smallint('produk').notNull(),
    kompetensi: smallint('kompetensi').notNull(),
    perilaku: smallint('perilaku').notNull(),
    pengaduan: smallint('pengaduan').notNull(),
    sarpras: smallint('sarpras').notNull(),
    ageBand: text('age_band'),
    sex: text('sex'),
    education: text('education'),
    occupation: text('occupation'),
    suggestion: text('suggestion'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('survey_responses_request_uq').on(t.requestId), index('survey_responses_office_idx').on(t.officeCode, t.createdAt)],
);

/**
 * Pengaduan and saran (UU 25/2009): what a citizen complains about or suggests, by WhatsApp, the
 * portal or at the counter, its number, when its answer is due and the answer. `src/complaints/`.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    /** ADU-KBR-26-0007 */
    number: text('number').notNull(),
    /** keluhan, saran */
    kind: text('kind').notNull(),
    /** whatsapp, portal, counter */
    channel: text('channel').notNull(),
    body: text('body').notNull(),
    /** The request it is about, when the citizen named one. */
    requestTicket: text('request_ticket'),
    name: text('name'),
    /** The WhatsApp number (wa_id, 62…) the answer goes to; null when the citizen gave none. */
    phone: text('phone'),
    /** The portal's PIN to read the answer (argon2), for a citizen without WhatsApp. */
    pinHash: text('pin_hash'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
  },
  (t) => [uniqueIndex('complaints_number_uq').on(t.number), index('complaints_office_idx').on(t.officeCode, t.receivedAt), index('complaints_phone_idx').on(t.phone)],
);

/** The last complaint sequence per office and year, for `ADU-…` numbers. */
export const complaintCounters = pgTable(
  'complaint_counters',
  {
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('complaint_counters_pk').on(t.officeCode, t.year)],
);

/**
 * Jujuk Dolanan (issue 13): one home-delivery task per request whose document goes home, made
 * when an officer assigns the kurir. `scheduled_for` is the office's calendar date of the next
 * trip; `route_order` is the kurir's own order of the day. `src/delivery/`.
 */
export const deliveryTasks = pgTable(
  'delivery_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    courierStaffId: uuid('courier_staff_id').notNull(),
    /** scheduled, on_the_way, delivered, returned_to_office (`DELIVERY_TASK_STATES`). */
    state: text('state').notNull(),
    scheduledFor: text('scheduled_for').notNull(),
    routeOrder: integer('route_order').notNull().default(0),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('delivery_tasks_request_uq').on(t.requestId), index('delivery_tasks_courier_idx').on(t.courierStaffId, t.state, t.scheduledFor)],
);

/**
 * Each trip to the door: started ("sedang menuju"), then delivered with proof or failed with a
 * reason. The receiver's name stays on the request (`hand_over_record`); here the relation, the
 * hand-over photo (a `files` row) and, only with consent, the position.
 */
export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => deliveryTasks.id),
    courierStaffId: uuid('courier_staff_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** null while under way; delivered or failed. */
    outcome: text('outcome'),
    failureReason: text('failure_reason'),
    failureNote: text('failure_note'),
    receiverRelation: text('receiver_relation'),
    proofFileId: uuid('proof_file_id').references(() => files.id),
    position: jsonb('position').$type<{ lat: number; lng: number; accuracyM?: number }>(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('delivery_attempts_task_idx').on(t.taskId, t.startedAt)],
);

/** An office's delivery rules: after how many failed trips the document goes back to the office. */
export const deliverySettings = pgTable('delivery_settings', {
  officeCode: text('office_code')
    .primaryKey()
    .references(() => offices.code),
  maxFailedAttempts: integer('max_failed_attempts').notNull().default(3),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * Home visits (issue 13): an officer records at the person's home what needs the person present
 * (KTP-el recording, a KIA photo). One row per visit; a rescheduled visit ends with its reason and
 * the next one is a new row. `src/visits/`.
 */
export const homeVisits = pgTable(
  'home_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    officerIds: jsonb('officer_ids').$type<string[]>().notNull(),
    equipment: jsonb('equipment').$type<string[]>().notNull(),
    /** null while planned; done, not_home, rescheduled (`VISIT_OUTCOMES`). */
    outcome: text('outcome'),
    outcomeReason: text('outcome_reason'),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    /** When the guardian was reminded the day before (once). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('home_visits_request_idx').on(t.requestId, t.startsAt), index('home_visits_office_idx').on(t.officeCode, t.startsAt)],
);

/**
 * Jemput Bola KIA sessions (issue 12): the office at a school on a date, with the officers who go,
 * the equipment checklist, and the deadline its batch of KIA requests gets (1–7 working days,
 * checked in SQL too). planned → approved (kasi) → held (the batch is made) → closed; or cancelled.
 */
export const jemputBolaSessions = pgTable(
  'jemput_bola_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    schoolNpsn: text('school_npsn').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** The office-local date of `startsAt`, 'YYYY-MM-DD'. */
    sessionDate: text('session_date').notNull(),
    deadlineWorkingDays: integer('deadline_working_days').notNull(),
    officerIds: jsonb('officer_ids').$type<string[]>().notNull(),
    /** The checklist (`SESSION_EQUIPMENT`): each item and whether it is packed. */
    equipment: jsonb('equipment').$type<{ item: string; ready: boolean }[]>().notNull(),
    /** planned | approved | held | closed | cancelled (`SESSION_STATES`). */
    state: text('state').notNull(),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    heldAt: timestamp('held_at', { withTimezone: true }),
    /** When the batch is due: `batchDueAt`, set when the session is held. */
    batchDueAt: timestamp('batch_due_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('jemput_bola_sessions_office_idx').on(t.officeCode, t.startsAt)],
);

/** The children a session is planned for, from the register when it was planned. */
export const jemputBolaRoster = pgTable(
  'jemput_bola_roster',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => jemputBolaSessions.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
  },
  (t) => [uniqueIndex('jemput_bola_roster_uq').on(t.sessionId, t.childId)],
);

/**
 * One child's capture on site, kept under the device's idempotency key: a retry with the same key
 * finds this row and makes nothing new. A later capture of the same child (a correction) is a new
 * row; the newest counts. `requestId` is the KIA request the batch made from it.
 */
export const jemputBolaCaptures = pgTable(
  'jemput_bola_captures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => jemputBolaSessions.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    idempotencyKey: text('idempotency_key').notNull(),
    present: boolean('present').notNull(),
    nik: text('nik'),
    kkNumber: text('kk_number'),
    birthPlace: text('birth_place'),
    parentName: text('parent_name'),
    parentWhatsapp: text('parent_whatsapp'),
    aktaSeen: boolean('akta_seen').notNull(),
    kkSeen: boolean('kk_seen').notNull(),
    photoFileId: uuid('photo_file_id'),
    requestId: uuid('request_id').references(() => requests.id),
    /** Why the batch could not take this capture in (e.g. `duplicate_request`), for the officers. */
    refusal: text('refusal'),
    capturedBy: uuid('captured_by').notNull(),
    capturedAt: timestamp('captured_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('jemput_bola_captures_key_uq').on(t.sessionId, t.idempotencyKey), index('jemput_bola_captures_child_idx').on(t.sessionId, t.childId, t.capturedAt)],
);
