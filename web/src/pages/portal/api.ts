import type { SpecialNeedsStated } from '../../../../src/requests/special-needs.js';
/** The citizen portal's endpoints (`/api/v1/public/…`) and the shapes they answer with. */
import { api } from '../../api.js';

export type Text = { id: string; en: string };

export type Condition =
  | { kind: 'age_at_least'; years: number }
  | { kind: 'age_below'; years: number }
  | { kind: 'no_birth_certificate' }
  | { kind: 'foreign_child' }
  | { kind: 'no_nik' }
  | { kind: 'ever_married' }
  | { kind: 'not'; condition: Condition }
  | { kind: 'all'; of: Condition[] }
  | { kind: 'any'; of: Condition[] };

export type Need = 'required' | 'optional' | 'conditional';

export type CatalogueRequirement = {
  need: Need;
  document: string;
  label: Text;
  details: Text | null;
  when: Condition | null;
  whenText: Text | null;
  alternatives: { document: string; label: Text; purpose: Text; keptDaysAfterClosing: number }[];
  /** UU PDP: what the office uses the document for, and how long the scan is kept. */
  purpose: Text;
  keptDaysAfterClosing: number;
};

export type CatalogueService = {
  code: string;
  category: string;
  name: Text;
  description: Text | null;
  eligibility: Condition | null;
  feeRupiah: number;
  online: boolean;
  /** Needs the person present: online only with the special service's home visit. */
  homeVisitOnly: boolean;
  workingDays: number;
  requirements: CatalogueRequirement[];
  /** `detail`: kept in the request's details (the NIK, name, birth date, sex and desa have their own inputs). */
  fields: { field: string; need: Need; when: Condition | null; label: Text; input: string; maxLength: number; detail: boolean }[];
  outputs: { document: string; label: Text; whenText: Text | null }[];
  /** Days an upload that never became part of an application is kept (the same for every service). */
  unattachedUploadDays: number;
};

export type NikCheck =
  | { ok: true; nik: string; birthDate: string; sex: 'L' | 'P'; ageYears: number }
  | { ok: false; errors: string[]; messages: string[] };

export type UploadedFile = { id: string; mime: string; size: number; documentType: string | null };
/** What the photo check found (issue 16): the problems and, in the page's language, how to retake the photo. */
export type PhotoAdvice = { problems: string[]; hints: string[] };

export type Attachment = { fileId: string; documentType: string };

export type Application = {
  serviceCode: string;
  desaCode: string;
  applicant: { name: string; relation: string };
  subject: { nik?: string; name: string; birthDate?: string; sex?: 'L' | 'P' };
  circumstances: { hasBirthCertificate?: boolean; foreign?: boolean };
  details: Record<string, string>;
  handOverChoice: 'pickup' | 'home_delivery';
  delivery?: { address: string; phone?: string };
  specialNeeds?: SpecialNeedsStated;
  attachments: Attachment[];
};

export type Applied = { ticket: string; pin: string; submittedAt: string; dueAt: string; officeCode: string };

export type TrackedRequest = {
  ticket: string;
  officeCode: string;
  officeName: string;
  service: { code: string; name: Text };
  channel: string;
  state: 'submitted' | 'returned' | 'verified' | 'processing' | 'ready' | 'handed_over' | 'rejected' | 'cancelled';
  stateLabel: Text;
  submittedAt: string;
  stateEnteredAt: string;
  dueAt: string;
  clockPaused: boolean;
  history: { action: string; at: string }[];
  returnReasons: { code: string; label: Text; document: string | null; documentLabel: Text | null; note: string | null }[];
  rejectReason: { code: string; label: Text } | null;
  subject: { name: string; nikMasked: string | null };
  applicant: { name: string; phoneMasked: string };
  handOverChoice: string;
  disabilityAssistance: boolean;
  handedOver: { method: string | null; receivedAt: string | null } | null;
  attachments: { documentType: string; label: Text | null }[];
  /** Jujuk Dolanan: null without a home delivery task. */
  delivery: TrackedDelivery | null;
  actions: ('resubmit' | 'cancel')[];
};

export type TrackedDelivery = {
  state: 'scheduled' | 'on_the_way' | 'delivered' | 'returned_to_office';
  scheduledFor: string | null;
  failedAttempts: number;
  lastFailureReason: string | null;
  onTheWaySince: string | null;
  deliveredAt: string | null;
};

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const office = (code: string) => `/api/v1/public/offices/${encodeURIComponent(code)}`;

export const getCatalogue = (officeCode: string, signal?: AbortSignal) =>
  api
    .get<{ services: Omit<CatalogueService, 'unattachedUploadDays'>[]; unattachedUploadDays: number }>(`${office(officeCode)}/catalogue`, { signal })
    .then((r) => r.services.map((s) => ({ ...s, unattachedUploadDays: r.unattachedUploadDays })));

export const checkNik = (nik: string, officeCode: string, signal?: AbortSignal) =>
  api.post<NikCheck>('/api/v1/public/nik-check', { nik, officeCode }, { signal });

export const requestCode = (officeCode: string, phone: string) =>
  api.post<{ verificationId: string; expiresAt: string; maskedPhone: string }>(`${office(officeCode)}/phone-verifications`, { phone });

export const confirmCode = (verificationId: string, code: string) =>
  api.post<{ token: string; expiresAt: string; maskedPhone: string }>(`/api/v1/public/phone-verifications/${encodeURIComponent(verificationId)}/confirm`, { code });

/** One document, with the applicant token (applying) or the tracking token (a fix). */
export function uploadDocument(token: string, file: File, documentType: string) {
  const form = new FormData();
  form.append('documentType', documentType);
  form.append('file', file);
  return api
    .post<{ file: UploadedFile; photo?: PhotoAdvice | null }>('/api/v1/public/files', form, { headers: auth(token) })
    .then((r) => ({ ...r.file, photo: r.photo ?? null }));
}

export const submitApplication = (token: string, application: Application) =>
  api.post<Applied>('/api/v1/public/applications', application, { headers: auth(token) });

export const track = (ticket: string, pin: string) =>
  api.post<{ request: TrackedRequest; token: string; expiresAt: string }>('/api/v1/public/track', { ticket, pin });

/** Lost PIN: a new one goes to the WhatsApp number on the request (the answer is the same for any ticket). */
export const sendNewPin = (ticket: string) => api.post<{ accepted: boolean }>('/api/v1/public/track/new-pin', { ticket });

export const trackAgain = (token: string, signal?: AbortSignal) =>
  api.get<{ request: TrackedRequest }>('/api/v1/public/track', { signal, headers: auth(token) }).then((r) => r.request);

export const resubmit = (token: string, attachments: Attachment[]) =>
  api.post<{ request: TrackedRequest }>('/api/v1/public/track/resubmit', { attachments }, { headers: auth(token) }).then((r) => r.request);

export const cancelRequest = (token: string) =>
  api.post<{ request: TrackedRequest }>('/api/v1/public/track/cancel', {}, { headers: auth(token) }).then((r) => r.request);
