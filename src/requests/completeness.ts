/**
 * Which required documents a request still lacks, by its service's checklist for this subject —
 * the same answer the console's checklist shows ("✗ Belum dilampirkan"), so the YA guard and the
 * page cannot disagree.
 */
import { localDate, type WorkCalendar } from '../calendar/calendar.js';
import { checkAttachments, findService, requirementsFor, type AttachmentCheck, type Checklist } from '../catalogue/catalogue.js';
import type { DocumentType } from '../catalogue/vocabulary.js';
import type { Db } from '../db/database.js';
import { ageInYears } from '../identity/calendar-date.js';
import { parseNik } from '../identity/nik.js';
import { officeCatalogue } from '../office-catalogue/service.js';
import type { OfficeRow } from '../offices/storage.js';
import type { RegionLookup } from '../regions/region-lookup.js';
import type { RequestRow } from './storage.js';

export async function documentCheckOf(
  db: Db,
  regions: RegionLookup,
  office: OfficeRow,
  cal: WorkCalendar,
  request: RequestRow,
  now: Date,
): Promise<{ checklist: Checklist | null; documents: AttachmentCheck | null; service: ReturnType<typeof findService> }> {
  const parsed = request.subject.nik ? parseNik(request.subject.nik, { regions, today: localDate(cal, now) }) : undefined;
  const birthDate = request.subject.birthDate ?? (parsed?.ok ? parsed.birthDate : undefined);
  const service = findService(await officeCatalogue(db, office, { includeDisabled: true }), request.serviceCode);
  const context = { ...request.circumstances, hasNik: Boolean(request.subject.nik), ...(birthDate && { subjectAgeYears: ageInYears(birthDate, localDate(cal, request.submittedAt)) }) };
  const checklist = service ? requirementsFor(service, context) : null;
  const documents = checklist ? checkAttachments(checklist, request.attachments.map((a) => a.documentType as DocumentType)) : null;
  return { checklist, documents, service };
}
