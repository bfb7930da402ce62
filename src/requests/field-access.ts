/**
 * Least privilege field by field (UU 27/2022 PDP, data minimisation): which parts of a request each
 * role sees, as data, and the functions that cut a request down to them. Every path that shows a
 * request to staff — the request page, its history, work queues, search, an action's answer — goes
 * through `presentRequestFor` (and the page through `presentDetailFor`), so no path can forget.
 *
 * Pure: no I/O. `OPERATIONS` in auth/policy.ts says whether a role reads requests at all; this says
 * which requests (`REQUEST_READ_SCOPE`) and what of them (`REQUEST_FIELD_ACCESS`).
 */
import type { Role } from '../auth/roles.js';
import { isDetailField } from '../catalogue/field-values.js';
import { DATA_FIELD_DEFINITIONS } from '../catalogue/vocabulary.js';

export const FIELD_GROUPS = [
  /** Who: the subject's and the applicant's names (and how the applicant is related). */
  'names',
  /** NIK, KK number, birth date, sex, passport and SIAK document numbers (a KIA number is the NIK). */
  'identity',
  /** The applicant's WhatsApp number, other phone and email fields. */
  'contact',
  /** Every other data field (parents' names, places, dates of death, moving address …) and circumstances. */
  'family',
  /** The attached scans, the checklist beside them, and the return reasons about them. */
  'documents',
  /** What a home delivery needs: name, desa, phone, the document to hand over, the courier, the receipt of it. */
  'delivery',
  /** The audit trail of the request and its documents. */
  'history',
  /** The disability needs the applicant stated (specific personal data: health). */
  'disability',
] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/** 'masked' shows an identifier cut down (`3302xxxxxxxx0001`) and leaves out the rest of the group. */
export type FieldAccess = 'full' | 'masked';

const EVERYTHING = {
  names: 'full',
  identity: 'full',
  contact: 'full',
  family: 'full',
  documents: 'full',
  delivery: 'full',
  history: 'full',
  disability: 'full',
} as const;

/**
 * Which role sees which field group. The office's own officers check, process and hand over the
 * file, so they see it whole. The kurir sees what a delivery needs (and the disability needs, since
 * it is the one who visits the person) — never the NIK, the KK or the family. The regency
 * supervises figures and follows up a complaint by ticket: a masked NIK, and the history, nothing
 * else. The admin configures the office and reads no request at all (`request.read`).
 */
export const REQUEST_FIELD_ACCESS = {
  camat: EVERYTHING,
  sekcam: EVERYTHING,
  kasi: EVERYTHING,
  operator: EVERYTHING,
  kurir: { delivery: 'full', disability: 'full' },
  admin: {},
  kabupaten: { identity: 'masked', history: 'full' },
} as const satisfies Record<Role, Partial<Record<FieldGroup, FieldAccess>>>;

/**
 * Which requests of its reach a role reads: the office's (the regency's for `kabupaten`), or only
 * the home deliveries given to it. Anything else answers 404, so a kurir does not even learn that a
 * ticket exists.
 */
export const REQUEST_READ_SCOPE = {
  camat: 'office',
  sekcam: 'office',
  kasi: 'office',
  operator: 'office',
  kurir: 'own_deliveries',
  admin: 'office',
  kabupaten: 'office',
} as const satisfies Record<Role, 'office' | 'own_deliveries'>;

/** Which groups open each part of a request; a part shows when the viewer holds any of them. */
export const REQUEST_PARTS = {
  subjectName: ['names', 'delivery'],
  applicantName: ['names', 'delivery'],
  applicantPhone: ['contact', 'delivery'],
  subjectNik: ['identity'],
  subjectBirthDate: ['identity'],
  subjectSex: ['identity'],
  /** The NIK checks of the request page (they repeat the NIK, birth date and sex). */
  identityCheck: ['identity'],
  circumstances: ['family'],
  attachments: ['documents'],
  checklist: ['documents'],
  returnReasons: ['documents'],
  /** Which documents SIAK produced and whether printed: what the kurir hands over. */
  siakOutcomes: ['documents', 'delivery'],
  siakNumbers: ['identity'],
  courier: ['delivery'],
  handOverRecord: ['delivery'],
  disabilityNeeds: ['disability'],
  /** The special-needs record itself (kinds, accommodations, consent): on the request page only, each view audited. */
  specialNeeds: ['disability'],
  /** The badge in words ("Prioritas · lansia"): whoever works the queues, so the request is taken first. */
  priority: ['names', 'delivery', 'disability'],
  history: ['history'],
} as const satisfies Record<string, readonly FieldGroup[]>;
export type RequestPart = keyof typeof REQUEST_PARTS;

/** The groups a role holds, and how. */
export function groupsOf(role: Role): Readonly<Partial<Record<FieldGroup, FieldAccess>>> {
  return REQUEST_FIELD_ACCESS[role];
}

/** How a role sees one part: the best access any of the part's groups gives, or null (absent). */
export function accessTo(role: Role, part: RequestPart): FieldAccess | null {
  return best(role, REQUEST_PARTS[part]);
}

function best(role: Role, groups: readonly FieldGroup[]): FieldAccess | null {
  const held: Partial<Record<FieldGroup, FieldAccess>> = groupsOf(role);
  const levels = groups.map((g) => held[g]).filter((a): a is FieldAccess => a !== undefined);
  if (levels.includes('full')) return 'full';
  return levels.length ? 'masked' : null;
}

/** Whether a role may read this request at all (beyond the office check of `authorize`). */
export function withinReadScope(actor: { role: Role; userId: string }, request: { courierStaffId: string | null }): boolean {
  return REQUEST_READ_SCOPE[actor.role] === 'office' || request.courierStaffId === actor.userId;
}

/** Province and regency, then the serial: enough to tell two records apart, not to use the number. */
export function maskIdNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 16) return 'x'.repeat(Math.max(digits.length, 4));
  return `${digits.slice(0, 4)}${'x'.repeat(8)}${digits.slice(12)}`;
}

/** A home delivery's address and the phone the courier calls: kept in `requests.details`, read by the delivery group. */
export const DELIVERY_DETAIL_FIELDS = {
  delivery_address: { id: 'Alamat pengantaran', en: 'Delivery address' },
  delivery_phone: { id: 'Nomor HP untuk kurir', en: 'Phone for the courier' },
} as const;

/** Which group a request detail field (`requests.details`) belongs to. */
export function groupOfDetailField(field: string): FieldGroup {
  if (field in DELIVERY_DETAIL_FIELDS) return 'delivery';
  if (!isDetailField(field)) return 'family';
  if (field === 'passport_number') return 'identity';
  const input = DATA_FIELD_DEFINITIONS[field].input;
  if (input === 'nik' || input === 'kk_number') return 'identity';
  if (input === 'phone' || input === 'email') return 'contact';
  return 'family';
}

/**
 * A detail field's value as this role may see it: whole, masked (an identifier under masked
 * identity), or undefined (left out). Only NIK and KK numbers have a masked form.
 */
export function detailValueFor(role: Role, field: string, value: string): string | undefined {
  const access = best(role, [groupOfDetailField(field)]);
  if (access === 'full') return value;
  if (access !== 'masked' || !isDetailField(field)) return undefined;
  const input = DATA_FIELD_DEFINITIONS[field].input;
  return input === 'nik' || input === 'kk_number' ? maskIdNumber(value) : undefined;
}

export type SearchKeyKind = 'ticket' | 'nik' | 'phone' | 'name';

/** A role searches only by what it may see; the ticket is on every request a role reads. */
const SEARCH_KEY_PART: Record<SearchKeyKind, RequestPart | null> = {
  ticket: null,
  nik: 'subjectNik',
  phone: 'applicantPhone',
  name: 'subjectName',
};

export function maySearchBy(role: Role, kind: SearchKeyKind): boolean {
  const part = SEARCH_KEY_PART[kind];
  return part === null || accessTo(role, part) !== null;
}

/** The request record as storage holds it (only what presenting reads). */
export type RequestRecord = {
  id: string;
  officeCode: string;
  ticket: string;
  serviceCode: string;
  channel: string;
  state: string;
  flags: string[];
  desaCode: string | null;
  applicant: { name: string; phone: string; relation: string; relationText?: string };
  subject: { nik?: string; name: string; birthDate?: string; sex?: 'L' | 'P' };
  details: Record<string, string>;
  circumstances: { hasBirthCertificate?: boolean; foreign?: boolean };
  handOverChoice: string;
  disabilityNeeds: string | null;
  priorityReason: string | null;
  attachments: { fileId: string; documentType: string }[];
  siakOutcomes: Record<string, unknown>[];
  returnReasons: Record<string, unknown>[] | null;
  handOverRecord: Record<string, unknown> | null;
  submittedAt: Date;
  stateEnteredAt: Date;
  dueAt: Date;
};

/**
 * A request as the API shows it to this role. Parts the role may not see are left out (their key
 * is absent, not null), `subject`, `applicant` and `details` hold only the keys it may see.
 */
export function presentRequestFor(actor: { role: Role }, r: RequestRecord) {
  const role = actor.role;
  const sees = (part: RequestPart) => accessTo(role, part) !== null;
  const nik = accessTo(role, 'subjectNik');
  const subject: { name?: string; nik?: string; birthDate?: string; sex?: 'L' | 'P' } = {};
  if (sees('subjectName')) subject.name = r.subject.name;
  if (nik && r.subject.nik) subject.nik = nik === 'full' ? r.subject.nik : maskIdNumber(r.subject.nik);
  if (accessTo(role, 'subjectBirthDate') === 'full' && r.subject.birthDate) subject.birthDate = r.subject.birthDate;
  if (accessTo(role, 'subjectSex') === 'full' && r.subject.sex) subject.sex = r.subject.sex;
  const applicant: { name?: string; relation?: string; relationText?: string; phone?: string } = {};
  if (sees('applicantName')) Object.assign(applicant, { name: r.applicant.name, relation: r.applicant.relation, ...(r.applicant.relationText && { relationText: r.applicant.relationText }) });
  if (accessTo(role, 'applicantPhone') === 'full') applicant.phone = r.applicant.phone;
  const details: Record<string, string> = {};
  for (const [field, value] of Object.entries(r.details)) {
    const shown = detailValueFor(role, field, value);
    if (shown !== undefined) details[field] = shown;
  }
  const numbers = accessTo(role, 'siakNumbers') === 'full';
  return {
    id: r.id,
    officeCode: r.officeCode,
    ticket: r.ticket,
    serviceCode: r.serviceCode,
    channel: r.channel,
    state: r.state,
    flags: r.flags,
    desaCode: r.desaCode,
    handOverChoice: r.handOverChoice,
    subject,
    applicant,
    details,
    ...(sees('circumstances') && { circumstances: r.circumstances }),
    ...(sees('disabilityNeeds') && { disabilityNeeds: r.disabilityNeeds }),
    ...(sees('priority') && { priorityReason: r.priorityReason }),
    ...(sees('attachments') && { attachments: r.attachments }),
    ...(sees('siakOutcomes') && { siakOutcomes: numbers ? r.siakOutcomes : r.siakOutcomes.map(({ number: _number, ...rest }) => rest) }),
    ...(sees('returnReasons') && { returnReasons: r.returnReasons }),
    ...(sees('handOverRecord') && { handOverRecord: r.handOverRecord }),
    submittedAt: r.submittedAt.toISOString(),
    stateEnteredAt: r.stateEnteredAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
  };
}
export type RequestView = ReturnType<typeof presentRequestFor>;

/** The NIK check of the request page; under masked identity only whether it holds, with the masked NIK. */
export function identityCheckFor<C extends { status: string; nik?: string }>(role: Role, check: C): C | { status: string; nik?: string } | undefined {
  const access = accessTo(role, 'identityCheck');
  if (access === 'full') return check;
  if (access === null) return undefined;
  return { status: check.status, ...(check.nik && { nik: maskIdNumber(check.nik) }) };
}
