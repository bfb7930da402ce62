/**
 * One open request per person and service. A second application for the same subject and service
 * while the first is still open is a duplicate: it doubles the office's work, and it was the way
 * one confirmed phone filed eight identical applications. Pure: the caller loads the candidates
 * (every office of the installation: a family may apply at the kecamatan where they live now and
 * where the KK was issued) and enforces the answer inside the submit transaction.
 */
import { isFinal, type RequestState } from './workflow.js';

/** Who a request is for: the NIK when there is one, otherwise the name with the birth date. */
export type SubjectKey = { kind: 'nik'; nik: string } | { kind: 'name_birth'; name: string; birthDate: string };

/** Case, spaces, dots and apostrophes vary between a KK and what people type; "Siti  Aminah." = "siti aminah". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,'’`-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Undefined when the subject cannot be told apart (no NIK, no birth date): no duplicate check then. */
export function subjectKeyOf(subject: { nik?: string | undefined; name: string; birthDate?: string | undefined }): SubjectKey | undefined {
  if (subject.nik) return { kind: 'nik', nik: subject.nik };
  if (subject.birthDate) return { kind: 'name_birth', name: normaliseName(subject.name), birthDate: subject.birthDate };
  return undefined;
}

/** The advisory-lock key that serialises submissions for one service and subject. */
export function duplicateLockKey(serviceCode: string, key: SubjectKey): string {
  return key.kind === 'nik' ? `intake:${serviceCode}:nik:${key.nik}` : `intake:${serviceCode}:nb:${key.birthDate}:${key.name}`;
}

export type ExistingRequest = {
  serviceCode: string;
  state: string;
  subjectNik: string | null;
  subject: { name: string; birthDate?: string | undefined };
};

/** The open request of the same service for the same subject, if any (the oldest first in `existing`). */
export function findDuplicate<R extends ExistingRequest>(serviceCode: string, key: SubjectKey, existing: readonly R[]): R | undefined {
  return existing.find((r) => {
    if (r.serviceCode !== serviceCode || isFinal(r.state as RequestState)) return false;
    if (key.kind === 'nik') return r.subjectNik === key.nik;
    return !r.subjectNik && r.subject.birthDate === key.birthDate && normaliseName(r.subject.name) === key.name;
  });
}
