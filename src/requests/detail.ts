/**
 * The request as the staff console shows it: the record, plus what is worked out at read time —
 * the NIK checks (never stored: the region data and the rules may be corrected later), the
 * checklist beside the attached documents, the SLA clocks, the SOP actions this member may take
 * now, and the history.
 */
import { authorize, may, roleMay, type StaffActor } from '../auth/policy.js';
import { auditActorOf, recordAudit, type Origin } from '../audit/audit.js';
import { localDate, officeDate, type WorkCalendar } from '../calendar/calendar.js';
import { pausedWorkingMinutes } from '../calendar/pauses.js';
import { slaFor, type Checklist } from '../catalogue/catalogue.js';
import type { Channel } from '../catalogue/vocabulary.js';
import { OUTAGE_KIND_LABELS, pausesOf } from '../outages/service.js';
import { isDetailField } from '../catalogue/field-values.js';
import { retentionFor } from '../catalogue/retention.js';
import { DATA_FIELD_DEFINITIONS, type FieldInputKind, type LocalizedText } from '../catalogue/vocabulary.js';
import { compareWithDeclared, parseNik, type NikErrorCode, type NikWarningCode, type Sex } from '../identity/nik.js';
import { presentFile } from '../files/service.js';
import { findFile } from '../files/storage.js';
import type { StoredPhotoFindings } from '../db/schema.js';
import type { Locale } from '../i18n/i18n.js';
import { photoFindingsShown, type PhotoFindingsShown } from '../photos/upload.js';
import { describedChecklist } from '../office-catalogue/service.js';
import { loadOfficeCalendar } from '../offices/calendar.js';
import { findOffice, listDesa } from '../offices/storage.js';
import { forbidden, notFound } from '../platform/errors.js';
import type { DistrictPlace, RegionLookup } from '../regions/region-lookup.js';
import { activeCouriers, auditOfRequest, countQueue, staffNames } from './console-storage.js';
import {
  accessTo,
  DELIVERY_DETAIL_FIELDS,
  detailValueFor,
  groupOfDetailField,
  groupsOf,
  identityCheckFor,
  presentRequestFor,
  type RequestPart,
} from './field-access.js';
import { clocksOf, QUEUES, type QueueName } from './queue.js';
import { documentCheckOf } from './completeness.js';
import { getRequest, OPERATION_FOR, startWork, type RequestDeps } from './service.js';
import type { RequestRow } from './storage.js';
import { availableActions, isFinal, stepClockFor, type Action, type Flag, type RequestState } from './workflow.js';

export type NikCheck =
  | { status: 'absent' }
  | { status: 'invalid'; errors: readonly NikErrorCode[] }
  | { status: 'valid'; nik: string; birthDate: string; sex: Sex; districtCode: string; place: DistrictPlace | null; warnings: NikWarningCode[] };

/** Parses a NIK and compares it with what the form says. A disagreement is a warning, never a refusal. */
export function nikCheckOf(regions: RegionLookup, subject: { nik?: string | undefined; birthDate?: string | undefined; sex?: Sex | undefined }, today: string): NikCheck {
  if (!subject.nik) return { status: 'absent' };
  const parsed = parseNik(subject.nik, { regions, today });
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
  return {
    status: 'valid',
    nik: parsed.nik,
    birthDate: parsed.birthDate,
    sex: parsed.sex,
    districtCode: parsed.districtCode,
    place: regions.placeOfDistrict(parsed.districtCode) ?? null,
    warnings: compareWithDeclared(parsed, { birthDate: subject.birthDate, sex: subject.sex }),
  };
}

/** The counter's check as the officer types; today's date (the NIK's century) is the office's. */
export async function checkNikAtOffice(deps: RequestDeps, actor: StaffActor, officeCode: string, subject: { nik: string; birthDate?: string | undefined; sex?: Sex | undefined }) {
  authorize(actor, 'request.create', { officeCode });
  const office = await findOffice(deps.db, officeCode);
  if (!office) throw notFound();
  return nikCheckOf(deps.regions, subject, officeDate(office.timezone, deps.clock.now()));
}

/** The SOP actions to offer: the workflow's answer, narrowed by the coarse policy and the kurir's own deliveries. */
export function actionsFor(actor: StaffActor, request: Pick<RequestRow, 'state' | 'flags' | 'courierStaffId' | 'officeCode'>): Action[] {
  if (!may(actor, 'request.read', { officeCode: request.officeCode })) return [];
  return availableActions(request.state as RequestState, { kind: 'staff', role: actor.role, staffId: actor.userId }, request.flags as Flag[]).filter(
    (action) =>
      action !== 'submit' &&
      roleMay(actor.role, OPERATION_FOR[action]) &&
      // The workflow lets a kurir hand over a delivery, but only on its delivery page, with proof.
      !(action === 'hand_over' && actor.role === 'kurir'),
  );
}

/**
 * Opening a file with the step's action at hand is taking it (issue 11, item 7): the first officer
 * who does starts the step's work clock, once, audited. A kasi or camat who only reads, a kurir
 * with a delivery not its own, a regency officer: none of them takes it.
 */
function takesTheFile(actor: StaffActor, request: RequestRow): boolean {
  if (request.workStartedAt || !stepClockFor(request.state as RequestState)) return false;
  return actionsFor(actor, request).some((a) => a !== 'cancel' && a !== 'resubmit');
}

/** What the photo check found, in words, beside the document (issue 16); null for a PDF or an older upload. */
function photoOf(findings: StoredPhotoFindings | null, documentType: string, typed: { nik?: string | undefined; kk?: string | undefined }, lang: Locale): PhotoFindingsShown | null {
  return findings ? photoFindingsShown(findings, documentType, typed, lang) : null;
}

export async function requestDetail(deps: RequestDeps, actor: StaffActor, requestId: string, origin: Origin = {}, lang: Locale = 'id') {
  const read = await getRequest(deps, actor, requestId);
  const request = takesTheFile(actor, read) ? await startWork(deps, actor, read, origin) : read;
  const office = await findOffice(deps.db, request.officeCode);
  if (!office) throw notFound();
  const now = deps.clock.now();
  const cal = await loadOfficeCalendar(deps.db, office, now);
  const pauses = await pausesOf(deps.db, office.code, request.submittedAt, now);
  const identity = nikCheckOf(deps.regions, request.subject, localDate(cal, now));
  const { service, checklist, documents } = await documentCheckOf(deps.db, deps.regions, office, cal, request, now);
  // Clocks run while the office holds the file; returned and finished requests have none.
  const running = !isFinal(request.state as RequestState) && request.state !== 'returned';
  const names = await staffNames(deps.db, request.courierStaffId ? [request.courierStaffId] : []);
  const desa = (await listDesa(deps.db, office.code)).find((d) => d.code === request.desaCode);
  const files = [];
  // The numbers read on a photo are compared with the typed ones only for a viewer who may read those in full.
  const kkNumber = (request.details as Record<string, unknown> | null)?.kk_number;
  const typed = accessTo(actor.role, 'identityCheck') === 'full' ? { nik: request.subject.nik, kk: typeof kkNumber === 'string' ? kkNumber : undefined } : {};
  // Not even looked up for a viewer who may not see them.
  for (const attachment of accessTo(actor.role, 'attachments') ? request.attachments : []) {
    const file = await findFile(deps.db, attachment.fileId);
    // purgedAt: the bytes are gone; purgeAfter: when they will go (null while the request is open,
    // then kept keptDaysAfterClosing days after it closes).
    if (file) files.push({ ...presentFile(file), documentType: attachment.documentType, keptDaysAfterClosing: retentionFor(attachment.documentType).daysAfterClosing, photo: photoOf(file.photoFindings, attachment.documentType, typed, lang) });
  }
  await auditSpecialNeedsView(deps, actor, request, origin);
  return presentDetailFor(actor, {
    request,
    /** The attached documents with what the viewer needs (type, size, pixel dimensions) and their retention. */
    files,
    serviceName: service?.name ?? null,
    desaName: desa?.name ?? null,
    courier: request.courierStaffId ? { id: request.courierStaffId, name: names.get(request.courierStaffId) ?? null } : null,
    identity,
    fields: detailFieldsShown(checklist, request.details),
    checklist: checklist && describedChecklist(checklist),
    documents,
    clocks: running ? clocksOf(cal, request, now, pauses, service ? slaFor(service, request.channel as Channel) : null) : null,
    /** Why the clocks stopped: each outage since submission with the working minutes it took ("jam dihentikan 2 jam karena gangguan SIAK"). */
    pauses: running ? pausesShown(cal, request.submittedAt, now, pauses) : [],
    availableActions: actionsFor(actor, request),
    mayViewDocuments: may(actor, 'file.read', { officeCode: request.officeCode }),
    /** Counter work: a new PIN and receipt for a lost one. */
    mayReprintReceipt: may(actor, 'request.create', { officeCode: request.officeCode }),
  });
}

/**
 * A disability is health data (UU PDP art. 4): every time an officer's page shows it, the audit
 * says who saw it and when, so the office can answer "who has looked at my child's data".
 */
async function auditSpecialNeedsView(deps: RequestDeps, actor: StaffActor, request: RequestRow, origin: Origin) {
  if (!request.specialNeeds || accessTo(actor.role, 'specialNeeds') === null) return;
  await recordAudit(deps.db, deps.clock.now(), {
    officeCode: request.officeCode,
    actor: auditActorOf(actor),
    action: 'request.special_needs_viewed',
    entityType: 'request',
    entityId: request.id,
    details: {},
  }, origin);
}

function pausesShown(cal: WorkCalendar, from: Date, now: Date, pauses: Awaited<ReturnType<typeof pausesOf>>) {
  return pauses
    .map((p) => ({ kind: p.kind, kindLabel: OUTAGE_KIND_LABELS[p.kind], startsAt: p.start.toISOString(), endsAt: p.end?.toISOString() ?? null, minutes: pausedWorkingMinutes(cal, from, now, [p]) }))
    .filter((p) => p.minutes > 0);
}

/**
 * The request page cut down to what the viewer's role may see (`REQUEST_FIELD_ACCESS`): parts it
 * may not see are left out, `visible` names the groups it holds so the console can hide sections.
 */
export function presentDetailFor<D extends {
  request: RequestRow;
  files: unknown[];
  courier: unknown;
  identity: NikCheck;
  fields: ShownField[];
  checklist: unknown;
  documents: unknown;
  mayViewDocuments: boolean;
}>(actor: Pick<StaffActor, 'role'>, detail: D) {
  const { request, files, courier, identity, fields, checklist, documents, mayViewDocuments, ...rest } = detail;
  const role = actor.role;
  const sees = (part: RequestPart) => accessTo(role, part) !== null;
  const shownFields = fields.flatMap((f) => {
    // A blank field shows as missing only to a viewer who would see its value.
    if (f.value === null) return groupsOf(role)[groupOfDetailField(f.field)] ? [f] : [];
    const value = detailValueFor(role, f.field, f.value);
    return value === undefined ? [] : [{ ...f, value }];
  });
  return {
    ...rest,
    request: presentRequestFor(actor, request),
    visible: groupsOf(role),
    fields: shownFields,
    mayViewDocuments: mayViewDocuments && sees('attachments'),
    ...(sees('attachments') && { files }),
    ...(sees('courier') && { courier }),
    ...(sees('identityCheck') && { identity: identityCheckFor(role, identity) }),
    ...(sees('checklist') && { checklist, documents }),
    ...(sees('specialNeeds') && { specialNeeds: request.specialNeeds }),
  };
}

export interface ShownField {
  field: string;
  label: LocalizedText;
  need: 'required' | 'optional' | 'conditional';
  /** The input kind, so a date reads as a date. */
  input: FieldInputKind;
  value: string | null;
}

/**
 * The request's data beyond the columns, labelled as its service words them: every detail field
 * the service asks of this subject (a blank one shows as missing), then any stored value the
 * service no longer asks for (the catalogue changed after intake), so nothing taken in is hidden.
 */
export function detailFieldsShown(checklist: Checklist | null, details: Readonly<Record<string, string>>): ShownField[] {
  const shown: ShownField[] = (checklist?.fields ?? [])
    .filter((f) => isDetailField(f.field))
    .map((f) => ({ field: f.field, label: f.label, need: f.need, input: DATA_FIELD_DEFINITIONS[f.field].input, value: details[f.field] ?? null }));
  for (const [field, value] of Object.entries(details)) {
    if (shown.some((f) => f.field === field)) continue;
    const known = isDetailField(field) ? DATA_FIELD_DEFINITIONS[field] : undefined;
    const delivery = DELIVERY_DETAIL_FIELDS[field as keyof typeof DELIVERY_DETAIL_FIELDS];
    shown.push({ field, label: known?.label ?? delivery ?? { id: field, en: field }, need: 'optional', input: known?.input ?? 'text', value });
  }
  return shown;
}

/** Everything that happened to the request and its documents, with the names of the staff who did it. */
export async function requestHistory(deps: RequestDeps, actor: StaffActor, requestId: string) {
  const request = await getRequest(deps, actor, requestId);
  if (!accessTo(actor.role, 'history')) throw forbidden();
  const entries = await auditOfRequest(deps.db, request.officeCode, request.id, request.attachments.map((a) => a.fileId), 500);
  const names = await staffNames(deps.db, [...new Set(entries.flatMap((e) => (e.actorType === 'staff' && e.actorId ? [e.actorId] : [])))]);
  return entries
    .filter((e) => e.action !== 'request.searched')
    .map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      actorType: e.actorType,
      actorRole: e.actorRole,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
      details: e.details,
    }));
}

/** Sizes of the queues this member works, for the Today page. */
export async function queueCounts(deps: RequestDeps, actor: StaffActor, officeCode: string) {
  authorize(actor, 'request.read', { officeCode });
  const now = deps.clock.now();
  const mine = (Object.keys(QUEUES) as QueueName[]).filter((name) => (QUEUES[name].roles as readonly string[]).includes(actor.role));
  const counts = [];
  for (const name of mine) {
    const queue = QUEUES[name];
    const ownOnly = 'ownOnlyFor' in queue && (queue.ownOnlyFor as readonly string[]).includes(actor.role);
    const count = await countQueue(deps.db, { officeCode, states: queue.states, flag: 'flag' in queue ? queue.flag : undefined, courierStaffId: ownOnly ? actor.userId : undefined }, now);
    counts.push({ queue: name, ...count });
  }
  return counts;
}

/** The office's kurir, for assigning a home delivery. */
export async function officeCouriers(deps: RequestDeps, actor: StaffActor, officeCode: string) {
  authorize(actor, 'request.process', { officeCode });
  return activeCouriers(deps.db, officeCode);
}
