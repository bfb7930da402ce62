/**
 * A person's rights over their data (UU 27/2022 PDP Pasal 5–8: to know, to get a copy, to correct,
 * to have it erased): an officer with `personal_data.manage` finds everything the office holds on a
 * person identified by NIK or WhatsApp number, exports it for them, corrects it, and erases what
 * the retention rules allow — refusing, with the reason, what the office must still keep.
 *
 * Every action is audited; the entry names the person only by a keyed hash (`subjectRef`), so the
 * trail of who looked at or changed a person's data does not become one more copy of it.
 * A correction is the exception the brief asks for: its old → new values sit only in its audit
 * entry, stripped like any audit details when the retention period ends (or by an erasure).
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { recordAudit, type Origin } from '../audit/audit.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import { PERSONAL_DATA_RETENTION, personalDataDueAt, redactAuditDetails, requestErasureFor, type ErasureDecision } from '../catalogue/personal-data.js';
import { retentionFor } from '../catalogue/retention.js';
import type { Db } from '../db/database.js';
import type { BlobStore } from '../files/blobs.js';
import { purgeDueFiles } from '../files/purge.js';
import type { Clock } from '../platform/clock.js';
import { AppError, conflict, notFound } from '../platform/errors.js';
import { normalisePhone } from '../portal/service.js';
import { FINAL_STATES } from '../requests/workflow.js';
import * as store from './storage.js';

/** `blobs`: where an erasure deletes the bytes of the scans and proof photos it makes due, at once. */
export type DataSubjectDeps = { db: Db; clock: Clock; secret: string; blobs?: BlobStore };

const keyFields = {
  nik: z.string().trim().regex(/^\d{16}$/).optional(),
  phone: z.string().trim().min(8).max(20).optional(),
};
const oneKey = (k: { nik?: string | undefined; phone?: string | undefined }) => Boolean(k.nik) !== Boolean(k.phone);
export const SubjectKeyInput = z.object(keyFields).refine(oneKey, { message: 'give exactly one of nik or phone' });
export type SubjectKey = z.infer<typeof SubjectKeyInput>;

type Key = { kind: 'nik'; nik: string } | { kind: 'phone'; phone: string };

function keyOf(input: SubjectKey): Key {
  if (input.nik) return { kind: 'nik', nik: input.nik };
  const phone = normalisePhone(input.phone ?? '');
  if (!phone) throw new AppError('validation', 422, 'citizen.errors.phone_invalid');
  return { kind: 'phone', phone };
}

/** The person as the audit trail names them: a keyed hash, the same for the same person, useless without the secret. */
function subjectRef(secret: string, key: Key): string {
  const value = key.kind === 'nik' ? `nik:${key.nik}` : `phone:${key.phone}`;
  return crypto.createHmac('sha256', secret).update(`data-subject:${value}`).digest('hex').slice(0, 24);
}

async function gather(db: Db, officeCode: string, key: Key) {
  const requestRows = await store.requestsOfSubject(db, officeCode, key.kind === 'nik' ? { nik: key.nik } : { phone: key.phone });
  const requestIds = requestRows.map((r) => r.id);
  const deliveries = await store.deliveriesOfRequests(db, requestIds);
  const visits = await store.visitsOfRequests(db, requestIds);
  const suggestions = await store.suggestionsOfRequests(db, requestIds);
  const proofFileIds = deliveries.flatMap((d) => d.trips.flatMap((a) => (a.proofFileId ? [a.proofFileId] : [])));
  const fileIds = [...new Set([...requestRows.flatMap((r) => r.attachments.map((a) => a.fileId)), ...proofFileIds])];
  const fileRows = await store.filesByIds(db, fileIds);
  // The children register knows a child by NIK and a parent by WhatsApp number; the pojok baca a borrower by number.
  const childRows = await store.childrenOfSubject(db, officeCode, key.kind === 'nik' ? { nik: key.nik } : { phone: key.phone });
  // Chats, codes and messages are the phone's: a NIK search (the child) does not reach the parent's chat.
  const phone = key.kind === 'phone' ? key.phone : undefined;
  const chats = phone ? await store.chatsOf(db, officeCode, phone) : [];
  const conversation = phone ? await store.conversationOf(db, officeCode, phone) : undefined;
  const messages = phone ? await store.messagesTo(db, officeCode, phone) : [];
  const verifications = phone ? await store.verificationsOf(db, officeCode, phone) : [];
  const loans = phone ? await store.loansOfBorrower(db, officeCode, phone) : [];
  const audit = await store.auditAbout(db, officeCode, [
    { type: 'request', ids: requestIds },
    { type: 'file', ids: fileIds },
    { type: 'whatsapp_conversation', ids: conversation ? [conversation.id] : [] },
    { type: 'reading_corner_loan', ids: loans.map((l) => l.loan.id) },
  ]);
  return { requestRows, fileRows, proofFileIds, chats, conversation, messages, verifications, childRows, loans, suggestions, deliveries, visits, audit };
}

type Gathered = Awaited<ReturnType<typeof gather>>;

function present(g: Gathered, now: Date) {
  return {
    requests: g.requestRows.map((r) => ({
      id: r.id,
      ticket: r.ticket,
      serviceCode: r.serviceCode,
      channel: r.channel,
      state: r.state,
      submittedAt: r.submittedAt.toISOString(),
      closedAt: isFinal(r.state) ? r.stateEnteredAt.toISOString() : null,
      anonymisedAt: r.anonymisedAt?.toISOString() ?? null,
      /** When the retention worker anonymises it (null while open). */
      anonymiseAfter: isFinal(r.state) && !r.anonymisedAt ? personalDataDueAt('request_personal', r.stateEnteredAt).toISOString() : null,
      subject: r.subject,
      applicant: r.applicant,
      desaCode: r.desaCode,
      details: r.details,
      circumstances: r.circumstances,
      disabilityNeeds: r.disabilityNeeds,
      specialNeeds: r.specialNeeds,
      handOverRecord: r.handOverRecord,
      siakOutcomes: r.siakOutcomes,
      erasure: erasureOf(r, now),
    })),
    files: g.fileRows.map((f) => ({
      id: f.id,
      documentType: f.documentType,
      mime: f.mime,
      size: f.size,
      uploadedAt: f.createdAt.toISOString(),
      purpose: retentionFor(f.documentType).purpose,
      purgeAfter: f.purgeAfter?.toISOString() ?? null,
      purgedAt: f.purgedAt?.toISOString() ?? null,
    })),
    chats: g.chats.map((c) => ({
      id: c.id,
      type: c.type,
      receivedAt: c.receivedAt.toISOString(),
      text: textOf(c.message),
      contactName: c.contactName,
      redactedAt: c.redactedAt?.toISOString() ?? null,
    })),
    conversation: g.conversation ? { id: g.conversation.id, contactName: g.conversation.contactName, lastMessageAt: g.conversation.lastMessageAt.toISOString() } : null,
    messages: g.messages.map((m) => ({ id: m.id, kind: m.kind, status: m.status, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null, redactedAt: m.redactedAt?.toISOString() ?? null })),
    verifications: g.verifications.map((v) => ({ id: v.id, createdAt: v.createdAt.toISOString(), verifiedAt: v.verifiedAt?.toISOString() ?? null })),
    /** The children register (pendataan KIA): the child by NIK, or the children whose parent gave this number. */
    children: g.childRows.map((c) => ({
      id: c.id,
      nik: c.nik,
      name: c.name,
      birthDate: c.birthDate,
      sex: c.sex,
      desaCode: c.desaCode,
      schoolNpsn: c.schoolNpsn,
      schoolClass: c.schoolClass,
      parentName: c.parentName,
      kkNumber: c.kkNumber,
      whatsapp: c.whatsapp,
      hasKia: c.hasKia,
      kiaSince: c.kiaSince,
      sources: c.sources,
    })),
    /** Books borrowed from the pojok baca with this number. */
    bookLoans: g.loans.map(({ loan, title }) => ({
      id: loan.id,
      title,
      borrowerName: loan.borrowerName,
      loanedOn: loan.loanedOn,
      dueOn: loan.dueOn,
      returnedOn: loan.returnedOn,
      borrowerForgottenAt: loan.borrowerForgottenAt?.toISOString() ?? null,
    })),
    /** What the person wrote in the satisfaction survey about their requests (the scores are anonymous). */
    surveySuggestions: g.suggestions.map((x) => ({ id: x.id, requestId: x.requestId, suggestion: x.suggestion, answeredAt: x.createdAt.toISOString() })),
    /** Home deliveries of their requests, trip by trip (the proof photos are among `files`). */
    deliveries: g.deliveries.map(({ task, trips }) => ({
      id: task.id,
      requestId: task.requestId,
      state: task.state,
      scheduledFor: task.scheduledFor,
      failedAttempts: task.failedAttempts,
      trips: trips.map((a) => ({
        startedAt: a.startedAt?.toISOString() ?? null,
        endedAt: a.endedAt?.toISOString() ?? null,
        outcome: a.outcome,
        failureReason: a.failureReason,
        failureNote: a.failureNote,
        receiverRelation: a.receiverRelation,
        proofFileId: a.proofFileId,
        position: a.position,
      })),
    })),
    visits: g.visits.map((v) => ({ id: v.id, requestId: v.requestId, startsAt: v.startsAt.toISOString(), durationMinutes: v.durationMinutes, outcome: v.outcome, outcomeReason: v.outcomeReason })),
    /** Who did what with the person's records — `*.viewed` entries are who looked at them. */
    accessLog: g.audit.map((a) => ({
      at: a.at.toISOString(),
      action: a.action,
      entityType: a.entityType,
      entityId: a.entityId,
      actorType: a.actorType,
      actorId: a.actorId,
      actorRole: a.actorRole,
    })),
    retention: PERSONAL_DATA_RETENTION,
  };
}

function textOf(message: Record<string, unknown>): string | null {
  const text = message.text as { body?: unknown } | undefined;
  return typeof text?.body === 'string' ? text.body : null;
}

function erasureOf(r: store.RequestRow, now: Date): ErasureDecision {
  return requestErasureFor({ final: isFinal(r.state), handedOver: r.state === 'handed_over', closedAt: isFinal(r.state) ? r.stateEnteredAt : null }, now);
}

/** A request's state is stored as text; the final ones are the workflow's. */
const isFinal = (state: string) => (FINAL_STATES as readonly string[]).includes(state);

const staffActor = (actor: StaffActor) => ({ type: 'staff' as const, id: actor.userId, role: actor.role });

const counts = (g: Gathered) => ({
  requests: g.requestRows.length,
  files: g.fileRows.length,
  chats: g.chats.length,
  messages: g.messages.length,
  verifications: g.verifications.length,
  children: g.childRows.length,
  bookLoans: g.loans.length,
  surveySuggestions: g.suggestions.length,
  deliveries: g.deliveries.length,
  visits: g.visits.length,
  accessLog: g.audit.length,
});

/** Everything the office holds on the person, for the officer's screen. Audited: looking is processing too. */
export async function findDataSubject(deps: DataSubjectDeps, actor: StaffActor, officeCode: string, input: SubjectKey, origin: Origin) {
  authorize(actor, 'personal_data.manage', { officeCode });
  const key = keyOf(input);
  return deps.db.transaction(async (tx) => {
    const g = await gather(tx, officeCode, key);
    const now = deps.clock.now();
    await recordAudit(tx, now, { officeCode, actor: staffActor(actor), action: 'personal_data.subject_viewed', entityType: 'data_subject', entityId: subjectRef(deps.secret, key), details: { keyKind: key.kind, counts: counts(g) } }, origin);
    return present(g, now);
  });
}

/**
 * The copy for the person (Pasal 7): the same facts with Indonesian keys, since it is the
 * citizen who reads it. Audited separately from a look: a copy leaves the office.
 */
export async function exportDataSubject(deps: DataSubjectDeps, actor: StaffActor, officeCode: string, input: SubjectKey, origin: Origin) {
  authorize(actor, 'personal_data.manage', { officeCode });
  const key = keyOf(input);
  return deps.db.transaction(async (tx) => {
    const g = await gather(tx, officeCode, key);
    const now = deps.clock.now();
    await recordAudit(tx, now, { officeCode, actor: staffActor(actor), action: 'personal_data.subject_exported', entityType: 'data_subject', entityId: subjectRef(deps.secret, key), details: { keyKind: key.kind, counts: counts(g) } }, origin);
    const p = present(g, now);
    return {
      keterangan: 'Salinan data pribadi yang disimpan kantor kecamatan (UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 7).',
      kantor: officeCode,
      dibuatPada: now.toISOString(),
      permohonan: p.requests.map((r) => ({
        nomorTiket: r.ticket,
        layanan: r.serviceCode,
        jalur: r.channel,
        status: r.state,
        diajukanPada: r.submittedAt,
        selesaiPada: r.closedAt,
        dianonimkanPada: r.anonymisedAt,
        akanDianonimkanPada: r.anonymiseAfter,
        yangDibuatkanDokumen: r.subject,
        pemohon: r.applicant,
        kodeDesa: r.desaCode,
        dataIsian: r.details,
        keadaan: r.circumstances,
        kebutuhanDisabilitas: r.disabilityNeeds,
        layananKhusus: r.specialNeeds,
        penyerahan: r.handOverRecord,
        hasilSiak: r.siakOutcomes,
      })),
      berkas: p.files.map((f) => ({ jenisDokumen: f.documentType, diunggahPada: f.uploadedAt, tujuan: f.purpose.id, dihapusSetelah: f.purgeAfter, dihapusPada: f.purgedAt })),
      pesanWhatsApp: p.chats.map((c) => ({ diterimaPada: c.receivedAt, jenis: c.type, isi: c.text })),
      pesanDariKantor: p.messages.map((m) => ({ jenis: m.kind, status: m.status, dibuatPada: m.createdAt, dikirimPada: m.sentAt })),
      verifikasiNomor: p.verifications.map((v) => ({ dibuatPada: v.createdAt, dikonfirmasiPada: v.verifiedAt })),
      pendataanAnak: p.children.map((c) => ({
        nik: c.nik,
        nama: c.name,
        tanggalLahir: c.birthDate,
        jenisKelamin: c.sex,
        kodeDesa: c.desaCode,
        npsnSekolah: c.schoolNpsn,
        kelas: c.schoolClass,
        namaOrangTua: c.parentName,
        nomorKk: c.kkNumber,
        nomorWhatsApp: c.whatsapp,
        punyaKia: c.hasKia,
        kiaSejak: c.kiaSince,
        sumberData: c.sources,
      })),
      peminjamanBuku: p.bookLoans.map((l) => ({ judul: l.title, namaPeminjam: l.borrowerName, dipinjamPada: l.loanedOn, jatuhTempo: l.dueOn, dikembalikanPada: l.returnedOn })),
      saranSurvei: p.surveySuggestions.map((x) => ({ saran: x.suggestion, diisiPada: x.answeredAt })),
      pengantaranDokumen: p.deliveries.map((d) => ({
        status: d.state,
        jadwal: d.scheduledFor,
        gagalDiantar: d.failedAttempts,
        perjalanan: d.trips.map((a) => ({ berangkat: a.startedAt, selesai: a.endedAt, hasil: a.outcome, alasanGagal: a.failureReason, keteranganKurir: a.failureNote, hubunganPenerima: a.receiverRelation, lokasi: a.position })),
      })),
      kunjunganRumah: p.visits.map((v) => ({ waktu: v.startsAt, lamaMenit: v.durationMinutes, hasil: v.outcome, alasan: v.outcomeReason })),
      riwayatAkses: p.accessLog.map((a) => ({ waktu: a.at, tindakan: a.action, jenisData: a.entityType, peranPetugas: a.actorRole, jenisPelaku: a.actorType })),
      masaSimpan: Object.fromEntries(Object.entries(PERSONAL_DATA_RETENTION).map(([kind, r]) => [kind, { tujuan: r.purpose.id, hari: r.days, dihitung: r.since.id }])),
    };
  });
}

export const CorrectionInput = z
  .object({
    requestId: z.uuid(),
    subjectName: z.string().trim().min(1).max(120).optional(),
    subjectBirthDate: z.iso.date().optional(),
    applicantName: z.string().trim().min(1).max(120).optional(),
    applicantPhone: z.string().trim().min(8).max(20).optional(),
    reason: z.string().trim().min(3).max(500),
  })
  .refine((c) => c.subjectName ?? c.subjectBirthDate ?? c.applicantName ?? c.applicantPhone, { message: 'nothing to correct' });
export type Correction = z.infer<typeof CorrectionInput>;

/** Corrects a request's personal fields (Pasal 6). The old → new values are kept in the audit entry only. */
export async function correctDataSubject(deps: DataSubjectDeps, actor: StaffActor, officeCode: string, input: Correction, origin: Origin) {
  authorize(actor, 'personal_data.manage', { officeCode });
  const phone = input.applicantPhone === undefined ? undefined : normalisePhone(input.applicantPhone);
  if (input.applicantPhone !== undefined && !phone) throw new AppError('validation', 422, 'citizen.errors.phone_invalid');
  return deps.db.transaction(async (tx) => {
    const row = await store.lockRequest(tx, input.requestId);
    if (!row || row.officeCode !== officeCode) throw notFound();
    if (row.anonymisedAt) throw conflict('privacy.errors.anonymised');
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const subject = { ...row.subject };
    const applicant = { ...row.applicant };
    if (input.subjectName !== undefined && input.subjectName !== subject.name) {
      changes.subjectName = { from: subject.name, to: input.subjectName };
      subject.name = input.subjectName;
    }
    if (input.subjectBirthDate !== undefined && input.subjectBirthDate !== subject.birthDate) {
      changes.subjectBirthDate = { from: subject.birthDate ?? null, to: input.subjectBirthDate };
      subject.birthDate = input.subjectBirthDate;
    }
    if (input.applicantName !== undefined && input.applicantName !== applicant.name) {
      changes.applicantName = { from: applicant.name, to: input.applicantName };
      applicant.name = input.applicantName;
    }
    if (phone !== undefined && phone !== row.applicantPhone) {
      changes.applicantPhone = { from: row.applicantPhone, to: phone };
      applicant.phone = phone;
    }
    const fields = Object.keys(changes);
    if (fields.length === 0) return { requestId: row.id, corrected: [] as string[] };
    await store.updateRequestPersonal(tx, row.id, { subject, applicant, ...(phone !== undefined ? { applicantPhone: phone } : {}) });
    await recordAudit(tx, deps.clock.now(), { officeCode, actor: staffActor(actor), action: 'personal_data.corrected', entityType: 'request', entityId: row.id, details: { fields, changes, reason: input.reason } }, origin);
    return { requestId: row.id, corrected: fields };
  });
}

export const ErasureInput = z.object({ ...keyFields, reason: z.string().trim().min(3).max(500) }).refine(oneKey, { message: 'give exactly one of nik or phone' });
export type Erasure = z.infer<typeof ErasureInput>;

export type Refusal = { what: 'request' | 'chats' | 'book_loan'; id?: string; ticket?: string; reason: 'request_open' | 'archive_period' | 'loan_open'; until?: string };

/**
 * Erases what the rules allow (Pasal 8): closed requests that may go are anonymised like the
 * retention worker does (their scans made due for the scan purge, the audit details about them
 * stripped); the phone's chats, codes and settled messages are blanked or deleted unless an open
 * request still needs them. Everything else is refused with its reason and, where there is one,
 * the date it will go by itself. The newer records go the same way: the children register's rows
 * lose what identifies the child (the coverage keeps counting it), returned book loans their
 * borrower (a book still out is refused), survey answers their written suggestion (the scores stay
 * anonymous), and an erased request's deliveries their proof photos, notes and positions. The bytes
 * of every scan and photo made due are deleted through the blob store once the erasure is committed.
 */
export async function eraseDataSubject(deps: DataSubjectDeps, actor: StaffActor, officeCode: string, input: Erasure, origin: Origin) {
  authorize(actor, 'personal_data.manage', { officeCode });
  const key = keyOf(input);
  const result = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const g = await gather(tx, officeCode, key);
    const refused: Refusal[] = [];
    const erasable: store.RequestRow[] = [];
    for (const r of g.requestRows) {
      if (r.anonymisedAt) continue;
      const decision = erasureOf(r, now);
      if (decision.erase) erasable.push(r);
      else refused.push({ what: 'request', id: r.id, ticket: r.ticket, reason: decision.reason, ...(decision.until ? { until: decision.until.toISOString() } : {}) });
    }
    const erasedIds = new Set(erasable.map((r) => r.id));
    const proofsOfErased = g.deliveries.filter((d) => erasedIds.has(d.task.requestId)).flatMap((d) => d.trips.flatMap((a) => (a.proofFileId ? [a.proofFileId] : [])));
    const erasedFiles = new Set([...erasable.flatMap((r) => r.attachments.map((a) => a.fileId)), ...proofsOfErased]);
    await store.anonymiseRequests(tx, [...erasedIds], now);
    await store.purgeFilesNow(tx, [...erasedFiles], now);
    const auditToStrip = g.audit.filter((a) => !a.redactedAt && ((a.entityType === 'request' && erasedIds.has(a.entityId ?? '')) || (a.entityType === 'file' && erasedFiles.has(a.entityId ?? ''))));

    const children = g.childRows.filter((c) => c.nik !== null || Boolean(c.name) || c.whatsapp !== null);
    await store.anonymiseChildren(tx, children.map((c) => c.id), now);
    const returnedLoans = g.loans.filter(({ loan }) => loan.returnedAt && !loan.borrowerForgottenAt).map(({ loan }) => loan.id);
    for (const { loan } of g.loans) if (!loan.returnedAt) refused.push({ what: 'book_loan', id: loan.id, reason: 'loan_open' });
    await store.forgetLoanBorrowers(tx, returnedLoans, now);
    await store.blankSuggestions(tx, g.suggestions.map((x) => x.id));

    const erased = {
      requests: erasable.length,
      chats: 0,
      conversations: 0,
      messages: 0,
      verifications: 0,
      auditEntries: 0,
      children: children.length,
      bookLoans: returnedLoans.length,
      surveySuggestions: g.suggestions.length,
      proofPhotos: new Set(proofsOfErased).size,
    };
    if (key.kind === 'phone') {
      erased.verifications = await store.deleteVerificationsOf(tx, officeCode, key.phone);
      if (await store.hasOpenRequest(tx, officeCode, key.phone, FINAL_STATES)) {
        refused.push({ what: 'chats', reason: 'request_open' });
      } else {
        erased.chats = await store.blankChatsOf(tx, officeCode, key.phone, now);
        erased.messages = await store.blankOutboxOf(tx, officeCode, key.phone, now);
        erased.conversations = await store.deleteConversation(tx, officeCode, key.phone);
        if (g.conversation) auditToStrip.push(...g.audit.filter((a) => !a.redactedAt && a.entityType === 'whatsapp_conversation' && a.entityId === g.conversation!.id));
      }
    }
    if (auditToStrip.length > 0) {
      await store.allowAuditRedaction(tx);
      for (const a of auditToStrip) await store.redactAudit(tx, a.id, redactAuditDetails(a.details), now);
      erased.auditEntries = auditToStrip.length;
    }
    await recordAudit(tx, now, {
      officeCode,
      actor: staffActor(actor),
      action: 'personal_data.erased',
      entityType: 'data_subject',
      entityId: subjectRef(deps.secret, key),
      details: { keyKind: key.kind, erased, refused: refused.map((r) => ({ what: r.what, id: r.id, reason: r.reason })), reason: input.reason },
    }, origin);
    return { erased, refused };
  });
  // After the commit, as the scan purge would on its next run: a failed delete leaves the files due for it.
  if (deps.blobs && result.erased.requests > 0) await purgeDueFiles({ db: deps.db, clock: deps.clock, blobs: deps.blobs }, origin);
  return result;
}
