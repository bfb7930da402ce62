/**
 * Requests through the SOP: taking one in, and moving it along. Each operation checks the role
 * (policy) and the SOP (workflow guard), then writes the request, its audit entry and the
 * applicant's notification in one transaction.
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditActorOf, recordAudit, type AuditActor, type Origin } from '../audit/audit.js';
import { hashPassword } from '../auth/passwords.js';
import { authorize, type Operation, type StaffActor } from '../auth/policy.js';
import { localDate, officeDate, officeYear } from '../calendar/calendar.js';
import { requestDue } from '../calendar/sla.js';
import { stepWorkDone } from '../calendar/sop-clock.js';
import { findService, slaFor, type RequirementContext, type Service } from '../catalogue/catalogue.js';
import { checkRequestFields, type ColumnField, type FieldProblem, type FieldRules } from '../catalogue/field-values.js';
import { ChannelSchema, DocumentTypeSchema } from '../catalogue/vocabulary.js';
import { markKiaHandedOver } from '../children/service.js';
import type { Db } from '../db/database.js';
import { ageInYears } from '../identity/calendar-date.js';
import { compareWithDeclared, parseNik } from '../identity/nik.js';
import { holdAttachments, releaseOnClose, releaseReplaced } from '../files/retention.js';
import { findFile } from '../files/storage.js';
import { loadOfficeCalendar } from '../offices/calendar.js';
import { findOffice, listDesa } from '../offices/storage.js';
import { officeCatalogue } from '../office-catalogue/service.js';
import { pausesOf } from '../outages/service.js';
import type { Clock } from '../platform/clock.js';
import { AppError, conflict, notFound } from '../platform/errors.js';
import type { RegionLookup } from '../regions/region-lookup.js';
import { documentCheckOf } from './completeness.js';
import { formatTicket, generateTrackingPin } from './ticket.js';
import { applyTransition, reasonsForApplicant, type ReturnReason, type SiakOutcome, type WorkflowEvent } from './transition.js';
import { ACTIONS, isFinal, STATE_LABELS, stepClockFor, type Action, type Actor, type Flag, type RequestState } from './workflow.js';
import { duplicateLockKey, findDuplicate, subjectKeyOf } from './duplicates.js';
import { activeCouriers } from './console-storage.js';
import { withinReadScope } from './field-access.js';
import * as store from './storage.js';
import { safeLines, safeText } from '../platform/safe-text.js';
import { homeDeliveryOffered, isElderly, priorityOf, priorityReasonOf, recordSpecialNeeds, remoteApplicationAllowed } from './special-needs.js';
import { SpecialNeedsInput } from './special-needs-schema.js';
import { hasMarkup } from '../platform/typed-text.js';
import { inviteToSurvey } from '../survey/invite.js';
import { taskOnAssignment } from '../delivery/assignment.js';

export type RequestDeps = { db: Db; clock: Clock; regions: RegionLookup };

// People write 0812-2700-1234, 0812 2700 1234 or +62 812…; keep the digits, then check them.
const phone = safeText()
  .max(30)
  .transform((s) => s.replace(/[\s.()-]/g, ''))
  .pipe(z.string().regex(/^(\+?62|0)8\d{7,12}$/, 'nomor HP tidak valid'));

/** Field code → the value as typed. The codes and values are judged against the service, not here. */
export const RequestDetailsInput = z.record(safeText().max(40), safeLines().max(2000)).refine((d) => Object.keys(d).length <= 30, 'too many fields');
/** Facts the conditional fields and documents depend on that the NIK cannot tell. */
export const CircumstancesInput = z.object({ hasBirthCertificate: z.boolean().optional(), foreign: z.boolean().optional() });

export const NewRequestInput = z.object({
  serviceCode: safeText().min(1).max(60),
  channel: ChannelSchema.default('walk_in'),
  desaCode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/),
  /** `relation`: the officers' code (ibu, ayah, wali …); `relationText`: the words the applicant typed, kept beside it. */
  applicant: z.object({ name: safeText().trim().min(1).max(120), phone, relation: safeText().trim().min(1).max(40), relationText: safeText().trim().max(80).optional() }),
  subject: z.object({
    nik: safeText().trim().max(30).optional(),
    name: safeText().trim().min(1).max(120),
    birthDate: z.iso.date().optional(),
    sex: z.enum(['L', 'P']).optional(),
  }),
  /** The service's other data fields by catalogue field code; checked by `checkRequestFields`. */
  details: RequestDetailsInput.optional(),
  circumstances: CircumstancesInput.optional(),
  handOverChoice: z.enum(['pickup', 'home_delivery', 'school']).default('pickup'),
  /** Where a home delivery goes and whom the courier calls; kept in `details` (`DELIVERY_DETAIL_FIELDS`), only for a home delivery. */
  delivery: z.object({ address: safeLines().trim().min(5).max(300), phone: phone.optional() }).optional(),
  /** Layanan khusus: disability, lansia, the accommodations wanted, with consent (`special-needs.ts`). */
  specialNeeds: SpecialNeedsInput.optional(),
  attachments: z.array(z.object({ fileId: z.uuid(), documentType: DocumentTypeSchema })).max(20).default([]),
  /**
   * The counter takes the request in although the same subject already has an open one for this
   * service (a lost document, a second copy …): why, in the officer's words, kept in the audit trail.
   * Applicants cannot override (portal and chatbot drop it).
   */
  duplicateOverride: z.object({ reason: z.string().trim().min(5).max(300) }).optional(),
});
export type NewRequest = z.infer<typeof NewRequestInput>;

/** WhatsApp numbers are stored as wa_id: 62… without the plus or the leading zero. */
export function waId(input: string): string {
  const digits = input.replace(/\D/g, '');
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}

/** Which coarse permission an SOP action needs before the workflow guard looks at it. */
export const OPERATION_FOR: Record<Action, Operation> = {
  submit: 'request.create',
  resubmit: 'request.create',
  cancel: 'request.create',
  verify_accept: 'request.verify',
  verify_return: 'request.verify',
  reject: 'request.verify',
  record_siak_outcome: 'request.process',
  mark_ready: 'request.process',
  assign_courier: 'request.process',
  hand_over: 'request.hand_over',
};

const workflowActor = (actor: StaffActor): Actor => ({ kind: 'staff', role: actor.role, staffId: actor.userId });

/**
 * A request taken in as one of a batch (a Jemput Bola session's captures): inside the batch's
 * transaction, due when the batch is due rather than by the channel's standard.
 */
export type BatchIntake = { tx: Db; dueAt: Date };

/** Takes a request in at the counter (or for the applicant): validates, numbers it, starts its clocks. */
export async function submitRequest(deps: RequestDeps, actor: StaffActor, officeCode: string, input: NewRequest, origin: Origin, batch?: BatchIntake) {
  authorize(actor, 'request.create', { officeCode });
  const duplicate = { viewer: 'staff', override: input.duplicateOverride?.reason } as const;
  if (batch) {
    const intake = { ...(await prepareIntake({ ...deps, db: batch.tx }, officeCode, input)), due: batch.dueAt };
    return recordIntake(batch.tx, intake, workflowActor(actor), auditActorOf(actor), origin, duplicate);
  }
  const intake = await prepareIntake(deps, officeCode, input);
  return deps.db.transaction((tx) => recordIntake(tx, intake, workflowActor(actor), auditActorOf(actor), origin, duplicate));
}

/**
 * The applicant applies themselves (WhatsApp, web portal). Their proof of identity is the channel:
 * the WhatsApp number that wrote, or the confirmation code sent to it. Runs inside the caller's
 * transaction when given one, so the chat state, the request and its notifications commit together.
 */
/**
 * `toldInChat`: the applicant is answered in the chat that asked (the chatbot's receipt), so the
 * same news as a separate WhatsApp notification would only arrive twice, and before the answer.
 */
export async function submitAsApplicant(deps: RequestDeps, officeCode: string, input: NewRequest, origin: Origin, tx?: Db, options: { toldInChat?: boolean } = {}) {
  const { duplicateOverride: _notForApplicants, ...own } = input;
  const intake = await prepareIntake(deps, officeCode, own);
  const run = (t: Db) => recordIntake(t, intake, { kind: 'pemohon' }, { type: 'pemohon' }, origin, { viewer: 'applicant', phone: waId(input.applicant.phone) }, options);
  return tx ? run(tx) : deps.db.transaction(run);
}

type Intake = Awaited<ReturnType<typeof prepareIntake>>;

/** Every check that needs no transaction: the service, the desa, the attachments, the NIK. */
async function prepareIntake(deps: RequestDeps, officeCode: string, input: NewRequest) {
  const office = await findOffice(deps.db, officeCode);
  if (!office) throw notFound();
  // A service the office switched off is not taken in any more, by any channel.
  const service = findService(await officeCatalogue(deps.db, office), input.serviceCode);
  if (!service) throw new AppError('validation', 422, 'errors.validation', {}, { errors: [{ field: 'body.serviceCode', message: 'unknown service' }] });
  if (!(await listDesa(deps.db, officeCode)).some((d) => d.code === input.desaCode))
    throw new AppError('validation', 422, 'errors.validation', {}, { errors: [{ field: 'body.desaCode', message: 'not a desa of this office' }] });
  await checkAttachmentsBelongTo(deps.db, officeCode, input.attachments);

  const now = deps.clock.now();
  const calendar = await loadOfficeCalendar(deps.db, office, now);
  const today = localDate(calendar, now);
  const warnings: string[] = [];
  const subject = { ...input.subject };
  let fromNik: { birthDate: string; sex: 'L' | 'P' } | undefined;
  if (subject.nik) {
    const parsed = parseNik(subject.nik, { regions: deps.regions, today });
    if (!parsed.ok) throw new AppError('nik_invalid', 422, 'errors.nik_invalid', {}, { nikErrors: parsed.errors });
    // The NIK is never re-issued after a correction, so a mismatch is for the officer to look at, not a refusal.
    warnings.push(...compareWithDeclared(parsed, { birthDate: subject.birthDate, sex: subject.sex }));
    subject.nik = parsed.nik;
    fromNik = { birthDate: parsed.birthDate, sex: parsed.sex };
    // What the NIK says stands in for what the form left empty, as the portal and the chatbot do.
    subject.birthDate ??= parsed.birthDate;
    subject.sex ??= parsed.sex;
  }
  const special = specialServiceOf(input, subject.birthDate, today, now);
  // From a phone, a service that needs the person present is taken only with a home visit arranged.
  if ((input.channel === 'whatsapp' || input.channel === 'web') && !remoteApplicationAllowed(service.channels, input.channel, special.needs)) {
    throw new AppError('service_not_online', 422, 'citizen.errors.service_not_online');
  }
  const details = checkIntakeFields(service, input, fromNik, { regions: deps.regions, today });
  const { due } = requestDue(calendar, now, slaFor(service, input.channel));
  const pin = generateTrackingPin((max) => crypto.randomInt(max));
  return { office, service, input: special.input, subject, details, warnings, now, due, pin, pinHash: await hashPassword(pin), special };
}

/**
 * The special service's one rule for every channel: what was stated is kept only with consent, and
 * home delivery (*Jujuk Dolanan*) goes with it — to a disabled or elderly person. Asking for delivery
 * is recorded as that accommodation, and choosing the accommodation means delivery.
 */
function specialServiceOf(input: NewRequest, birthDate: string | undefined, today: string, now: Date) {
  const subjectIsElderly = isElderly(birthDate, today);
  const stated = input.specialNeeds ?? { disabled: false, elderly: false, kinds: [], accommodations: [], consent: false };
  const delivery = input.handOverChoice === 'home_delivery' || stated.accommodations.includes('home_delivery');
  const accommodations = delivery && !stated.accommodations.includes('home_delivery') ? [...stated.accommodations, 'home_delivery' as const] : stated.accommodations;
  const needsStated = input.specialNeeds !== undefined || delivery;
  const read = needsStated ? recordSpecialNeeds({ ...stated, accommodations }, subjectIsElderly, now) : ({ ok: true, needs: null } as const);
  if (!read.ok) {
    const field = read.problem === 'accommodations_without_need' && delivery ? 'body.handOverChoice' : `body.specialNeeds.${SPECIAL_NEEDS_FIELD[read.problem]}`;
    throw new AppError('validation', 422, 'errors.fields_invalid', { fields: { id: 'Layanan khusus', en: 'Special service' } }, {
      errors: [{ field, code: read.problem, messageKey: `errors.special_needs.${read.problem}`, params: {} }],
    });
  }
  const needs = read.needs;
  if (delivery && !(needs && homeDeliveryOffered(needs))) {
    throw new AppError('validation', 422, 'errors.fields_invalid', { fields: { id: 'Diantar ke rumah', en: 'Home delivery' } }, {
      errors: [{ field: 'body.handOverChoice', code: 'accommodations_without_need', messageKey: 'errors.special_needs.accommodations_without_need', params: {} }],
    });
  }
  const reason = priorityReasonOf(needs, subjectIsElderly);
  return {
    input: { ...input, handOverChoice: delivery ? ('home_delivery' as const) : input.handOverChoice },
    needs,
    priority: priorityOf(reason),
    priorityReason: reason,
  };
}

const SPECIAL_NEEDS_FIELD = {
  consent_required: 'consent',
  kind_required: 'kinds',
  kinds_without_disability: 'kinds',
  accommodations_without_need: 'accommodations',
} as const;

/** Where each column field sits in the intake body, so a refusal points at the right input. */
const COLUMN_PATHS: Record<ColumnField, string> = {
  subject_nik: 'body.subject.nik',
  subject_name: 'body.subject.name',
  subject_birth_date: 'body.subject.birthDate',
  subject_sex: 'body.subject.sex',
  desa: 'body.desaCode',
  phone: 'body.applicant.phone',
};

/** Field problems as problem+json `errors`, each with its message key (translated by sendProblem) and the field's label. */
function fieldErrors(problems: readonly FieldProblem[]) {
  return problems.map((p) => ({
    field: p.field === 'applicant_name' ? 'body.applicant.name' : p.field in COLUMN_PATHS ? COLUMN_PATHS[p.field as ColumnField] : `body.details.${p.field}`,
    code: p.problem,
    messageKey: `errors.field.${p.problem}`,
    params: { label: p.label ?? { id: p.field, en: p.field }, field: p.field, max: p.maxLength, ...(p.condition && { condition: p.condition }) },
    ...(p.numberErrors && { numberErrors: p.numberErrors }),
  }));
}

/**
 * The service's field list against what this application carries; the birth date and sex a valid
 * NIK encodes count as given. Throws a 422 naming every field that is missing or wrong.
 */
function checkIntakeFields(
  service: Service,
  input: NewRequest,
  fromNik: { birthDate: string; sex: 'L' | 'P' } | undefined,
  rules: FieldRules,
) {
  const birthDate = input.subject.birthDate ?? fromNik?.birthDate;
  // Whether the child has a NIK is what the application carries, not something a client declares.
  const context: RequirementContext = { ...(input.circumstances ?? {}), hasNik: Boolean(input.subject.nik) };
  if (birthDate && birthDate <= rules.today) context.subjectAgeYears = ageInYears(birthDate, rules.today);
  const result = checkRequestFields(
    service,
    {
      details: input.details ?? {},
      columns: {
        subject_nik: input.subject.nik,
        subject_name: input.subject.name,
        subject_birth_date: birthDate,
        subject_sex: input.subject.sex ?? fromNik?.sex,
        desa: input.desaCode,
        phone: input.applicant.phone,
      },
      context,
    },
    rules,
  );
  // The applicant's name has no catalogue field; its markup check is the same rule, named here.
  const problems: FieldProblem[] = result.ok ? [] : [...result.problems];
  if (hasMarkup(input.applicant.name)) problems.push({ field: 'applicant_name', problem: 'markup', label: { id: 'Nama pemohon', en: "Applicant's name" } });
  if (result.ok && problems.length === 0) return result.details;
  const labels = problems.map((p) => p.label ?? { id: p.field, en: p.field });
  throw new AppError('validation', 422, 'errors.fields_invalid', { fields: { id: labels.map((l) => l.id).join(', '), en: labels.map((l) => l.en).join(', ') } }, { errors: fieldErrors(problems) });
}

/**
 * A child registered on the combined path gets the NIK with the akta: the KIA's number SIAK issues
 * is that NIK, and it becomes the request's (so the child is found by it, and a second KIA is caught).
 */
async function nikIssuedBySiak(deps: RequestDeps, request: store.RequestRow, outcomes: readonly SiakOutcome[]): Promise<string | undefined> {
  const number = outcomes.find((o) => o.document === 'kia' && o.number)?.number;
  if (!number) return undefined;
  const office = await findOffice(deps.db, request.officeCode);
  const parsed = parseNik(number, { regions: deps.regions, today: officeDate(office?.timezone ?? 'Asia/Jakarta', deps.clock.now()) });
  if (!parsed.ok) throw new AppError('nik_invalid', 422, 'errors.nik_invalid', {}, { nikErrors: parsed.errors });
  return parsed.nik;
}

async function checkAttachmentsBelongTo(db: Db, officeCode: string, attachments: readonly { fileId: string }[]) {
  for (const attachment of attachments) {
    const file = await findFile(db, attachment.fileId);
    // A document of another office (or none) must not be attached by guessing its id; a purged
    // one has no bytes left to check.
    if (file?.officeCode !== officeCode || file.purgedAt) throw new AppError('validation', 422, 'errors.validation', {}, { errors: [{ field: 'body.attachments', message: 'unknown file' }] });
  }
}

/**
 * Refuses a second open request for the same subject and service (any office of the installation),
 * under an advisory lock on (service, subject) held to commit, so two submissions at once cannot
 * both pass. The counter may take it in anyway with a reason; the applicant learns the existing
 * ticket only when it was made from their own number (anyone may type a NIK).
 */
async function checkDuplicate(tx: Db, intake: Intake, duplicate: DuplicateCheck) {
  const key = subjectKeyOf(intake.subject);
  if (!key) return undefined;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${duplicateLockKey(intake.service.code, key)}))`);
  const existing = findDuplicate(intake.service.code, key, await store.requestsForSubject(tx, intake.service.code, key));
  if (!existing) return undefined;
  if (duplicate.viewer === 'staff' && duplicate.override) return existing;
  const state = existing.state as RequestState;
  if (duplicate.viewer === 'applicant' && duplicate.phone !== existing.applicantPhone) {
    throw new AppError('duplicate_request', 409, 'errors.duplicate_request_other', {}, { duplicate: { overridable: false } });
  }
  throw new AppError(
    'duplicate_request',
    409,
    'errors.duplicate_request',
    { ticket: existing.ticket, state: STATE_LABELS[state] },
    { duplicate: { ticket: existing.ticket, state, stateLabel: STATE_LABELS[state], officeCode: existing.officeCode, overridable: duplicate.viewer === 'staff' } },
  );
}

/** Who is submitting, for the duplicate rule: staff (may override with a reason) or the applicant's wa_id. */
type DuplicateCheck = { viewer: 'staff'; override?: string | undefined } | { viewer: 'applicant'; phone: string };

/** The delivery address and phone, as detail entries the delivery group reads (`field-access.ts`). */
function deliveryDetails(input: NewRequest): Record<string, string> {
  if (input.handOverChoice !== 'home_delivery' || !input.delivery) return {};
  return { delivery_address: input.delivery.address, ...(input.delivery.phone ? { delivery_phone: waId(input.delivery.phone) } : {}) };
}

async function recordIntake(tx: Db, intake: Intake, actor: Actor, auditActor: AuditActor, origin: Origin, duplicate: DuplicateCheck, options: { toldInChat?: boolean } = {}) {
  const { office, service, input, subject, now } = intake;
  const result = applyTransition({ state: 'new', flags: [] }, 'submit', actor, {}, now);
  if (!result.ok) throw new AppError('transition_refused', 409, 'errors.transition_refused', {}, { reason: result.reason });
  const duplicateOf = await checkDuplicate(tx, intake, duplicate);
  const flags: Flag[] = [
    ...(intake.special.needs?.disabled ? (['disability_assistance'] as const) : []),
    ...(input.handOverChoice === 'home_delivery' ? (['home_delivery'] as const) : []),
  ];
  const year = officeYear(office.timezone, now);
  const ticket = formatTicket(office.ticketPrefix, year, await store.nextTicketSequence(tx, office.code, year));
  const request = await store.insertRequest(tx, {
    officeCode: office.code,
    ticket,
    serviceCode: service.code,
    channel: input.channel,
    state: result.to,
    flags,
    desaCode: input.desaCode,
    applicant: { ...input.applicant, phone: waId(input.applicant.phone) },
    subject,
    details: { ...intake.details, ...deliveryDetails(input) },
    circumstances: input.circumstances ?? {},
    subjectNik: subject.nik ?? null,
    applicantPhone: waId(input.applicant.phone),
    handOverChoice: input.handOverChoice,
    disabilityNeeds: intake.special.needs?.note ?? null,
    specialNeeds: intake.special.needs,
    priority: intake.special.priority,
    priorityReason: intake.special.priorityReason,
    pinHash: intake.pinHash,
    attachments: input.attachments,
    submittedAt: now,
    stateEnteredAt: now,
    dueAt: intake.due,
  });
  await holdAttachments(tx, input.attachments);
  await writeEvents(tx, request, result.events, origin, auditActor, options);
  if (duplicateOf && duplicate.viewer === 'staff') {
    await recordAudit(tx, now, {
      officeCode: office.code,
      actor: auditActor,
      action: 'request.duplicate_accepted',
      entityType: 'request',
      entityId: request.id,
      details: { duplicateOf: duplicateOf.id, duplicateTicket: duplicateOf.ticket, reason: duplicate.override },
    }, origin);
  }
  return { request, pin: intake.pin, warnings: intake.warnings };
}

/**
 * The applicant's own SOP actions: resubmit a returned file (with the documents that fix it,
 * replacing those of the same type) or cancel before processing. The caller has proved who they
 * are (tracking PIN, or the WhatsApp number the request was made from).
 */
export async function actAsApplicant(
  deps: RequestDeps,
  requestId: string,
  input: { action: 'resubmit' | 'cancel'; attachments?: { fileId: string; documentType: string }[] },
  origin: Origin,
  tx?: Db,
  options: { toldInChat?: boolean } = {},
) {
  const run = async (t: Db) => {
    const request = await store.findRequest(t, requestId);
    if (!request) throw notFound();
    const now = deps.clock.now();
    const result = applyTransition(
      { state: request.state as RequestState, flags: request.flags as Flag[], courierStaffId: request.courierStaffId, stateEnteredAt: request.stateEnteredAt },
      input.action,
      { kind: 'pemohon' },
      {},
      now,
    );
    if (!result.ok) throw new AppError(`transition_${result.reason}`, 409, `errors.transition.${result.reason}`, {}, { reason: result.reason });
    const fixes = input.attachments ?? [];
    await checkAttachmentsBelongTo(t, request.officeCode, fixes);
    const replaced = new Set(fixes.map((a) => a.documentType));
    const attachments = [...request.attachments.filter((a) => !replaced.has(a.documentType)), ...fixes];
    const dropped = request.attachments.filter((a) => !attachments.some((kept) => kept.fileId === a.fileId));
    const moved = await store.updateRequestIfVersion(t, request.id, request.version, {
      state: result.to,
      attachments,
      ...(input.action === 'resubmit' ? { returnReasons: null } : {}),
      stateEnteredAt: now,
      workStartedAt: null,
      workStartedBy: null,
    });
    if (!moved) throw new AppError('request_changed', 409, 'errors.request_changed');
    await releaseReplaced(t, dropped, now);
    await holdAttachments(t, fixes);
    if (isFinal(result.to)) await releaseOnClose(t, attachments, now);
    await writeEvents(t, request, result.events, origin, { type: 'pemohon' }, options);
    return (await store.findRequest(t, request.id))!;
  };
  return tx ? run(tx) : deps.db.transaction(run);
}

/** The required documents the checklist shows as not attached (the YA guard reads them). */
async function missingRequired(deps: RequestDeps, request: store.RequestRow, now: Date): Promise<string[]> {
  const office = await findOffice(deps.db, request.officeCode);
  if (!office) return [];
  const cal = await loadOfficeCalendar(deps.db, office, now);
  const { documents } = await documentCheckOf(deps.db, deps.regions, office, cal, request, now);
  return documents ? documents.missing.map((i) => i.document) : [];
}

/** One SOP action by a staff member on a request. */
export async function actOnRequest(
  deps: RequestDeps,
  actor: StaffActor,
  requestId: string,
  input: { action: Action; payload: Record<string, unknown> },
  origin: Origin,
) {
  const request = await store.findRequest(deps.db, requestId);
  if (!request) throw notFound();
  authorize(actor, OPERATION_FOR[input.action], { officeCode: request.officeCode });
  // Acting must not tell a kurir more than reading does: a request not given to it does not exist.
  if (!withinReadScope(actor, request)) throw notFound();
  // A kurir hands over only through the delivery flow (src/delivery/), which asks for the proof photo,
  // the receiver and the time: a bare "handed over" here would be a delivery nobody can check.
  if (actor.role === 'kurir' && input.action === 'hand_over') throw new AppError('delivery_proof_required', 409, 'errors.delivery_proof_required');
  const now = deps.clock.now();
  const result = applyTransition(
    {
      state: request.state as RequestState,
      flags: request.flags as Flag[],
      courierStaffId: request.courierStaffId,
      stateEnteredAt: request.stateEnteredAt,
      ...(input.action === 'verify_accept' && { missingDocuments: await missingRequired(deps, request, now) }),
    },
    input.action,
    workflowActor(actor),
    input.payload as never,
    now,
  );
  if (!result.ok) {
    const status = result.reason === 'invalid_payload' ? 422 : result.reason === 'role_not_allowed' ? 403 : 409;
    throw new AppError(`transition_${result.reason}`, status, `errors.transition.${result.reason}`, {}, {
      reason: result.reason,
      issues: result.issues,
      ...(result.missing && { missing: result.missing }),
    });
  }
  // A delivery is only ever given to an active kurir of the request's own office.
  if (input.action === 'assign_courier') {
    const id = input.payload.courierStaffId;
    if (!(await activeCouriers(deps.db, request.officeCode)).some((c) => c.id === id)) throw new AppError('courier_unknown', 422, 'console.errors.courier_unknown');
  }
  const work = await stepEnding(deps.db, request, result.to, now);
  const siak = input.action === 'record_siak_outcome' ? [...request.siakOutcomes, ...((input.payload.outcomes as Record<string, unknown>[]) ?? [])] : request.siakOutcomes;
  const issuedNik = input.action === 'record_siak_outcome' && !request.subject.nik ? await nikIssuedBySiak(deps, request, input.payload.outcomes as SiakOutcome[]) : undefined;
  await deps.db.transaction(async (tx) => {
    const moved = await store.updateRequestIfVersion(tx, request.id, request.version, {
      state: result.to,
      flags: [...result.request.flags],
      courierStaffId: result.request.courierStaffId ?? null,
      siakOutcomes: siak,
      ...(issuedNik && { subjectNik: issuedNik, subject: { ...request.subject, nik: issuedNik } }),
      ...(input.action === 'verify_return' ? { returnReasons: reasonsForApplicant(input.payload.reasons as ReturnReason[], input.payload.note as string | undefined) } : {}),
      ...(input.action === 'resubmit' ? { returnReasons: null } : {}),
      ...(input.action === 'hand_over' ? { handOverRecord: input.payload } : {}),
      ...(result.to !== request.state ? { stateEnteredAt: now } : {}),
      ...(stepClockFor(result.to)?.step !== stepClockFor(request.state as RequestState)?.step ? { workStartedAt: null, workStartedBy: null } : {}),
    });
    // Another officer moved it first: tell this one instead of overwriting their decision.
    if (!moved) throw new AppError('request_changed', 409, 'errors.request_changed');
    // Closing starts the retention period of its documents, in the same transaction.
    if (isFinal(result.to)) await releaseOnClose(tx, request.attachments, now);
    // A KIA handed over: the children register marks the child as holding one, in the same transaction (issue 12).
    if (result.to === 'handed_over' && request.serviceCode.startsWith('kia_')) await markKiaHandedOver(tx, request, now);
    // Jujuk Dolanan: the kurir given the delivery gets its task (src/delivery/).
    if (input.action === 'assign_courier') await taskOnAssignment(tx, request, String(input.payload.courierStaffId), now);
    await writeEvents(tx, request, result.events, origin, auditActorOf(actor), work ? { auditDetails: { work } } : {});
  });
  return (await store.findRequest(deps.db, request.id))!;
}

/** An officer takes the file in its step (opened it with the step's action at hand): the work clock starts, audited. */
export async function startWork(deps: RequestDeps, actor: StaffActor, request: store.RequestRow, origin: Origin): Promise<store.RequestRow> {
  const clock = stepClockFor(request.state as RequestState);
  if (!clock) return request;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    if (await store.takeForWork(tx, request.id, request.state, actor.userId, now)) {
      await recordAudit(tx, now, {
        officeCode: request.officeCode,
        actor: auditActorOf(actor),
        action: 'request.work_started',
        entityType: 'request',
        entityId: request.id,
        details: { step: clock.step, state: request.state, standardMinutes: clock.minutes },
      }, origin);
    }
    return (await store.findRequest(tx, request.id))!;
  });
}

/**
 * Leaving a SOP step ends the officer's work on it: its work time against the standard goes into
 * the action's audit entry, and the next step waits to be taken. Undefined when the step stays.
 */
export async function stepEnding(db: Db, request: store.RequestRow, to: RequestState, now: Date) {
  const from = stepClockFor(request.state as RequestState);
  if (!from || stepClockFor(to)?.step === from.step) return undefined;
  const office = await findOffice(db, request.officeCode);
  if (!office) return undefined;
  const cal = await loadOfficeCalendar(db, office, now);
  const takenAt = request.workStartedAt;
  const pauses = takenAt ? await pausesOf(db, office.code, takenAt, now) : [];
  return stepWorkDone(cal, from.step, takenAt, now, pauses);
}

/**
 * `toldInChat`: the applicant's own chat answers the action, so no notification is queued for it.
 * `auditDetails`: what the operation adds to the action's audit entry (the step's work time).
 */
export async function writeEvents(
  tx: Db,
  request: store.RequestRow,
  events: WorkflowEvent[],
  origin: Origin,
  actor: AuditActor,
  options: { toldInChat?: boolean; auditDetails?: Record<string, unknown> } = {},
) {
  for (const event of events) {
    if (event.type !== 'audit' && options.toldInChat) continue;
    if (event.type === 'audit') {
      await recordAudit(tx, event.at, {
        officeCode: request.officeCode,
        actor,
        action: event.action,
        entityType: 'request',
        entityId: request.id,
        details: { ...event.details, ...options.auditDetails, description: event.description.id },
      }, origin);
    } else {
      const { type: _type, at, ...body } = event;
      await store.enqueueMessage(tx, {
        officeCode: request.officeCode,
        requestId: request.id,
        recipient: request.applicantPhone,
        kind: `request.${body.kind}`,
        payload: { ...body, ticket: request.ticket },
        createdAt: at,
        nextAttemptAt: at,
      });
      // A document received: the satisfaction survey (IKM) is asked right behind the news.
      if (body.kind === 'delivered') await inviteToSurvey(tx, request, at);
    }
  }
}

export async function getRequest(deps: RequestDeps, actor: StaffActor, requestId: string) {
  const request = await store.findRequest(deps.db, requestId);
  if (!request) throw notFound();
  authorize(actor, 'request.read', { officeCode: request.officeCode });
  // A kurir reads only the deliveries given to it; any other answers as if it did not exist.
  if (!withinReadScope(actor, request)) throw notFound();
  return request;
}

export const ActionInput = z.object({ action: z.enum(ACTIONS), payload: z.record(z.string(), z.unknown()).default({}) });

/**
 * A new tracking PIN: the old one, and any lockout earned against it, stop at once. The applicant's
 * WhatsApp is told — with the PIN itself when they asked for it there (`pin`), or as a notice when
 * the counter printed it (`notice`), so a PIN changed by somebody else does not go unnoticed.
 */
export async function replaceTrackingPin(
  deps: Pick<RequestDeps, 'db' | 'clock'>,
  request: store.RequestRow,
  how: { actor: AuditActor; origin: Origin; deliver: 'notice' | 'pin' },
): Promise<string> {
  // Anonymised after its retention period or an erasure: nobody left to send a PIN to.
  if (request.anonymisedAt) throw conflict('privacy.errors.anonymised');
  const pin = generateTrackingPin((max) => crypto.randomInt(max));
  const pinHash = await hashPassword(pin);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await store.replaceTrackingPin(tx, request.id, request.ticket, pinHash);
    await recordAudit(tx, now, {
      officeCode: request.officeCode,
      actor: how.actor,
      action: 'request.pin_reissued',
      entityType: 'request',
      entityId: request.id,
      details: { delivered: how.deliver === 'pin' ? 'whatsapp' : 'receipt' },
    }, how.origin);
    await store.enqueueMessage(tx, {
      officeCode: request.officeCode,
      requestId: request.id,
      recipient: request.applicantPhone,
      ...(how.deliver === 'pin'
        ? { kind: 'request.pin_sent', payload: { kind: 'pin_sent', ticket: request.ticket, pin, secrets: [pin] } }
        : { kind: 'request.pin_reissued', payload: { kind: 'pin_reissued', ticket: request.ticket } }),
      createdAt: now,
      nextAttemptAt: now,
    });
  });
  return pin;
}
