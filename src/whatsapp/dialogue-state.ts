/**
 * The chatbot's memory of one conversation, stored as jsonb between messages.
 *
 * It is plain JSON (strings, numbers, booleans, arrays, objects; no Dates, no undefined) and is
 * validated on the way in: a row written by an older version, or the column's default `{}`, reads
 * as a fresh conversation instead of crashing the worker.
 */
import { z } from 'zod';
import { BOT_LOCALES } from './dialogue-contract.js';

const page = z.number().int().min(0).max(1000);

/** Where the user is: what the last prompt asked, so the next message is read against it. */
export const ScreenSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('menu') }),
  z.object({ kind: z.literal('language') }),
  /** Picking a service, to read about it or to apply; by category first when there are many. */
  z.object({ kind: z.literal('services'), purpose: z.enum(['info', 'apply']), category: z.string().nullable(), page }),
  z.object({ kind: z.literal('service_info'), code: z.string() }),
  /** Filling in an application: the question is recomputed from the draft; `page` is the desa list page. */
  z.object({ kind: z.literal('form'), page }),
  z.object({ kind: z.literal('edit_pick') }),
  /** A command was issued and its outcome has not come back yet. */
  z.object({ kind: z.literal('awaiting'), what: z.enum(['submit', 'resubmit', 'cancel']) }),
  z.object({ kind: z.literal('status_list'), page }),
  z.object({ kind: z.literal('status_detail'), requestId: z.string() }),
  z.object({ kind: z.literal('cancel_confirm'), requestId: z.string() }),
  z.object({ kind: z.literal('fix'), index: z.number().int().min(0).max(50) }),
  z.object({ kind: z.literal('fix_confirm') }),
  /** Handed to an officer: the bot says once that it waits, then stays silent until "menu" or a tap. */
  z.object({ kind: z.literal('staff'), told: z.boolean() }),
  /** Answering the satisfaction survey (IKM): the question is recomputed from `survey`. */
  z.object({ kind: z.literal('survey') }),
  /** Writing a complaint or suggestion; `body` is the text awaiting confirmation, null while it is asked for. */
  z.object({ kind: z.literal('complaint'), about: z.enum(['keluhan', 'saran']), body: z.string().max(2000).nullable() }),
]);

/** A satisfaction survey under way, kept when the citizen stops ("berhenti") so it can be resumed. */
export const SurveyDraftSchema = z.object({
  requestId: z.string(),
  ticket: z.string(),
  /** By unsur code, 1–4. */
  answers: z.record(z.string(), z.number().int().min(1).max(4)),
  /** Whether the optional respondent profile is wanted; absent = not asked yet. */
  profile: z.enum(['yes', 'no']).optional(),
  /** Profile answers by field; '-' = the citizen preferred not to say. */
  profileAnswers: z.record(z.string(), z.string()),
  /** '' = skipped. */
  suggestion: z.string().optional(),
  /** Steps in the order answered, so "kembali" undoes the latest. */
  order: z.array(z.string()),
});
export type SurveyDraft = z.infer<typeof SurveyDraftSchema>;
export type Screen = z.infer<typeof ScreenSchema>;

const AttachedSchema = z.union([
  z.object({ fileId: z.string(), documentType: z.string() }),
  z.object({ skipped: z.literal(true) }),
]);

/** The answers of an application in progress. Absent means not asked (or cleared by "kembali"). */
export const DraftSchema = z.object({
  serviceCode: z.string(),
  nik: z.string().optional(),
  /** The service's NIK is optional (a newborn's akta) and the user has none yet. */
  nikSkipped: z.boolean().optional(),
  nikConfirmed: z.boolean().optional(),
  birthDate: z.string().optional(),
  birthFromNik: z.boolean().optional(),
  sex: z.enum(['L', 'P']).optional(),
  sexFromNik: z.boolean().optional(),
  subjectName: z.string().optional(),
  foreign: z.boolean().optional(),
  hasBirthCertificate: z.boolean().optional(),
  relation: z.string().optional(),
  /** The relation in the applicant's own words, when they typed it ("saya ibunya"). */
  relationText: z.string().optional(),
  /** A home delivery's full address and the phone the courier calls. */
  deliveryAddress: z.string().optional(),
  deliveryPhone: z.string().optional(),
  applicantName: z.string().optional(),
  desaCode: z.string().optional(),
  /** The service's other data fields by catalogue field code, as read; '' = an optional one skipped. */
  fields: z.record(z.string(), z.string()).optional(),
  /** Keyed by the checklist item's document type. */
  docs: z.record(z.string(), AttachedSchema),
  /** For an item with alternatives: which of them the user sends. */
  docChoice: z.record(z.string(), z.string()),
  /** Layanan khusus: 'yes' = a disability, 'elderly' = lansia (60+). */
  disability: z.enum(['none', 'yes', 'elderly']).optional(),
  /** Consent to keep the special needs for arranging the service; false = served as anyone else. */
  needsConsent: z.boolean().optional(),
  /** `DISABILITY_KINDS` codes. */
  disabilityKinds: z.array(z.string()).optional(),
  /** `ACCOMMODATIONS` codes; home delivery among them means the delivery questions follow. */
  accommodations: z.array(z.string()).optional(),
  /** Anything else the officers should know; '' = skipped. */
  disabilityNeeds: z.string().optional(),
  handOver: z.enum(['pickup', 'home_delivery']).optional(),
  /** A document the user is sending again, and the upload it replaces (kept if they change their mind). */
  replacing: z.object({ document: z.string(), previous: AttachedSchema }).optional(),
  /** Questions in the order answered, so "kembali" can undo the latest. */
  order: z.array(z.string()),
});
export type Draft = z.infer<typeof DraftSchema>;

/** Documents being sent again for a returned request. */
export const FixSchema = z.object({
  requestId: z.string(),
  ticket: z.string(),
  needed: z.array(z.string()),
  received: z.record(z.string(), z.string()),
});
export type Fix = z.infer<typeof FixSchema>;

export const DialogueStateSchema = z.object({
  v: z.literal(1),
  locale: z.enum(BOT_LOCALES),
  /** ISO instant of the last message from the user; null before the first one. */
  lastActivityAt: z.string().nullable(),
  screen: ScreenSchema,
  /** The user came back after a long pause mid-flow and was asked whether to continue. */
  idlePrompt: z.boolean(),
  draft: DraftSchema.nullable(),
  fix: FixSchema.nullable(),
  /** Absent in states stored before the survey existed. */
  survey: SurveyDraftSchema.nullable().optional(),
  /** The buttons or rows of the bot's last message, so a typed "2" or "iya bener" can choose one. */
  offered: z.array(z.object({ id: z.string(), title: z.string() })).max(10).optional(),
});
export type DialogueState = z.infer<typeof DialogueStateSchema>;

export function initialDialogueState(): DialogueState {
  return { v: 1, locale: 'id', lastActivityAt: null, screen: { kind: 'menu' }, idlePrompt: false, draft: null, fix: null };
}

/** Reads a stored state; anything unreadable starts over, keeping the language and the clock when they are sound. */
export function readDialogueState(raw: unknown): DialogueState {
  const parsed = DialogueStateSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fresh = initialDialogueState();
  if (typeof raw !== 'object' || raw === null) return fresh;
  const { locale, lastActivityAt } = raw as Record<string, unknown>;
  const localeOk = z.enum(BOT_LOCALES).safeParse(locale);
  const clockOk = typeof lastActivityAt === 'string' && Number.isFinite(Date.parse(lastActivityAt));
  return { ...fresh, ...(localeOk.success && { locale: localeOk.data }), ...(clockOk && { lastActivityAt }) };
}
