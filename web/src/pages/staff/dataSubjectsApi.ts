/** Data-subject requests (UU PDP): POST, so the NIK or phone number never sits in a URL or the browser's history. */
import { api } from '../../api.js';
import type { Localized } from './consoleApi.js';

export type SubjectKey = { nik: string } | { phone: string };

export type HeldRequest = {
  id: string;
  ticket: string;
  serviceCode: string;
  channel: string;
  state: string;
  submittedAt: string;
  closedAt: string | null;
  anonymisedAt: string | null;
  anonymiseAfter: string | null;
  subject: { nik?: string; name: string; birthDate?: string; sex?: 'L' | 'P' };
  applicant: { name: string; phone: string; relation: string };
};

export type DataSubject = {
  requests: HeldRequest[];
  files: { id: string; documentType: string | null; uploadedAt: string; purpose: Localized; purgeAfter: string | null; purgedAt: string | null }[];
  chats: { id: number; type: string; receivedAt: string; text: string | null; redactedAt: string | null }[];
  verifications: { id: string; createdAt: string }[];
  children: { id: string; nik: string | null; name: string | null; birthDate: string }[];
  bookLoans: { id: string; title: string; loanedOn: string; returnedOn: string | null }[];
  surveySuggestions: { id: string; suggestion: string | null }[];
  deliveries: { id: string; state: string; failedAttempts: number }[];
  visits: { id: string; startsAt: string; outcome: string | null }[];
  accessLog: { at: string; action: string; entityType: string; actorRole: string | null; actorType: string }[];
};

export type Correction = { requestId: string; subjectName?: string; subjectBirthDate?: string; applicantName?: string; applicantPhone?: string; reason: string };
export type ErasureResult = {
  erased: { requests: number; chats: number; conversations: number; messages: number; verifications: number; auditEntries: number; children: number; bookLoans: number; surveySuggestions: number; proofPhotos: number };
  refused: { what: 'request' | 'chats' | 'book_loan'; id?: string; ticket?: string; reason: string; until?: string; message: string }[];
};

const base = (code: string) => `/api/v1/offices/${encodeURIComponent(code)}/data-subjects`;

/** A 16-digit NIK, or else a phone number (the server checks it). */
export function subjectKeyOf(text: string): SubjectKey | undefined {
  const compact = text.replace(/[\s.()-]/g, '');
  if (/^\d{16}$/.test(compact)) return { nik: compact };
  if (/^(\+?62|0)8\d{7,12}$/.test(compact)) return { phone: compact };
  return undefined;
}

export const dataSubjectsApi = {
  find: (code: string, key: SubjectKey) => api.post<DataSubject>(`${base(code)}/search`, key),
  exportCopy: (code: string, key: SubjectKey) => api.postForBlob(`${base(code)}/export`, key),
  correct: (code: string, body: Correction) => api.post<{ requestId: string; corrected: string[] }>(`${base(code)}/corrections`, body),
  erase: (code: string, key: SubjectKey, reason: string) => api.post<ErasureResult>(`${base(code)}/erasure`, { ...key, reason }),
};
