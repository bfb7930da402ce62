/**
 * Which questions an application asks, worked out from the service's catalogue entry and the
 * answers so far. Nothing is a fixed script: the checklist is `requirementsFor` the subject as far
 * as we know them, so a child under five is never asked for a photo, a foreign child is asked for a
 * passport and KITAP, and a child without a birth certificate gets the birth-registration list.
 *
 * The next question is always the first one in the plan not yet answered, so "kembali" (undo the
 * latest answer) and "Ubah" (clear one answer) need no bookkeeping beyond the answers themselves.
 */
import { ACCOMMODATIONS, DISABILITY_KINDS, homeVisitOnly, type SpecialNeedsStated } from '../requests/special-needs.js';
import { requirementsFor as resolveChecklist, type Checklist, type ChecklistField, type ChecklistItem, type Condition, type RequirementContext, type Service } from '../catalogue/catalogue.js';
import { isDetailField, type DetailField } from '../catalogue/field-values.js';
import { DATA_FIELD_DEFINITIONS, type DataField } from '../catalogue/vocabulary.js';
import { ageInYears, compareIsoDates, parseIsoDate } from '../identity/calendar-date.js';
import type { NewRequest } from '../requests/service.js';
import { isDocumentType } from './dialogue-catalogue.js';
import { pick, type Env } from './dialogue-kit.js';
import type { Draft } from './dialogue-state.js';

/**
 * `requirementsFor`, remembered per service object and context: one message asks for the plan
 * several times. Keyed by the service object itself, so another office's catalogue never shares it.
 */
const checklists = new WeakMap<Service, Map<string, Checklist>>();
export function requirementsFor(service: Service, context: RequirementContext = {}): Checklist {
  let byContext = checklists.get(service);
  if (!byContext) {
    byContext = new Map();
    checklists.set(service, byContext);
  }
  const key = JSON.stringify(context);
  let checklist = byContext.get(key);
  if (!checklist) {
    checklist = resolveChecklist(service, context);
    byContext.set(key, checklist);
  }
  return checklist;
}

/** The relation codes stored as the applicant's relation: the officers' own words. */
export const SELF = 'diri_sendiri';
const RELATION_SETS = {
  child: ['ayah', 'ibu', 'wali', 'keluarga'],
  deceased: ['suami_istri', 'anak', 'orang_tua', 'keluarga'],
  person: [SELF, 'suami_istri', 'orang_tua', 'anak', 'keluarga'],
} as const;

/** Who may be applying, judged from what the service issues: a child's card, a death certificate, or a person's own document. */
export function subjectKind(service: Service): keyof typeof RELATION_SETS {
  const issues = new Set(service.outputs.map((o) => o.document));
  if (issues.has('kia') || issues.has('akta_kelahiran')) return 'child';
  if (issues.has('akta_kematian')) return 'deceased';
  return 'person';
}

export function relationsFor(service: Service): readonly string[] {
  return RELATION_SETS[subjectKind(service)];
}

export function emptyDraft(serviceCode: string): Draft {
  return { serviceCode, docs: {}, docChoice: {}, order: [] };
}

/** Whole years on `today`; undefined for a date that is not real or lies in the future. */
export function ageOn(birthDate: string, today: string): number | undefined {
  if (!parseIsoDate(birthDate) || !parseIsoDate(today) || compareIsoDates(birthDate, today) > 0) return undefined;
  return ageInYears(birthDate, today);
}

export function contextOf(draft: Draft, env: Env): RequirementContext {
  const context: RequirementContext = {};
  const age = draft.birthDate ? ageOn(draft.birthDate, env.today) : undefined;
  if (age !== undefined) context.subjectAgeYears = age;
  if (draft.foreign !== undefined) context.foreign = draft.foreign;
  if (draft.hasBirthCertificate !== undefined) context.hasBirthCertificate = draft.hasBirthCertificate;
  if (draft.nik !== undefined) context.hasNik = true;
  else if (draft.nikSkipped) context.hasNik = false;
  return context;
}

/** Whether this application may go without the subject's NIK, on what is known so far (the combined akta + KIA path). */
export function nikMayBeSkipped(service: Service, draft: Draft, env: Env): boolean {
  const nik = requirementsFor(service, contextOf({ ...draft, nik: undefined, nikSkipped: undefined }, env)).fields.find((f) => f.field === 'subject_nik');
  return nik !== undefined && nik.need !== 'required';
}

type Fact = 'age' | 'foreign' | 'hasBirthCertificate';

function factsIn(condition: Condition, out: Set<Fact>): void {
  switch (condition.kind) {
    case 'age_at_least':
    case 'age_below':
      out.add('age');
      return;
    case 'foreign_child':
      out.add('foreign');
      return;
    case 'no_birth_certificate':
      out.add('hasBirthCertificate');
      return;
    case 'ever_married':
    case 'no_nik': // answered at the NIK step itself
      return;
    case 'not':
      factsIn(condition.condition, out);
      return;
    case 'all':
    case 'any':
      condition.of.forEach((c) => factsIn(c, out));
  }
}

/**
 * Whether the checklist depends on `fact`, given every other answer: the question about it is only
 * asked when its answer changes what the user must send (or whether they may apply).
 */
function factMatters(service: Service, draft: Draft, env: Env, fact: Fact): boolean {
  const context = contextOf(draft, env);
  if (fact === 'age') delete context.subjectAgeYears;
  else delete context[fact];
  const checklist = requirementsFor(service, context);
  const facts = new Set<Fact>();
  for (const item of checklist.items) if (item.need === 'conditional' && item.when) factsIn(item.when, facts);
  // A field under a condition (the parents' names without an akta) also makes its facts worth asking.
  for (const field of checklist.fields) if (field.when) factsIn(field.when, facts);
  if (checklist.eligibility === 'unknown' && service.eligibility) factsIn(service.eligibility, facts);
  return facts.has(fact);
}

/** The documents to ask for, in catalogue order; an item still undecided is offered as optional. */
export function documentItems(service: Service, draft: Draft, env: Env): ChecklistItem[] {
  return requirementsFor(service, contextOf(draft, env)).items;
}

/**
 * The service's detail fields to ask, in catalogue order: those the answers so far settle (a field
 * whose condition is still open waits for the fact question that decides it).
 */
export function detailFields(service: Service, draft: Draft, env: Env): (ChecklistField & { field: DetailField })[] {
  return requirementsFor(service, contextOf(draft, env)).fields.filter((f): f is ChecklistField & { field: DetailField } => isDetailField(f.field) && f.when === undefined);
}

export function isSkippable(item: ChecklistItem): boolean {
  return item.need !== 'required';
}

export function hasField(service: Service, field: string): boolean {
  return service.fields.some((f) => f.field === field);
}

export function fieldLabel(service: Service, field: DataField, env: Env): string {
  const label = service.fields.find((f) => f.field === field)?.label ?? DATA_FIELD_DEFINITIONS[field].label;
  return pick(label, env.locale);
}

/** Every question this application asks, in order, given the answers so far. */
export function planOf(service: Service, draft: Draft, env: Env): string[] {
  const keys: string[] = [];
  // A service that needs the person present is applied for by chat only with a home visit: who it
  // is for and the visit come first, before anything else is asked.
  const visitOnly = homeVisitOnly(service.channels, 'whatsapp');
  if (visitOnly) keys.push(...needsQuestions(draft));
  if (hasField(service, 'subject_nik')) {
    keys.push('nik');
    if (draft.nik) keys.push('nik_confirm');
  }
  keys.push('subject_name');
  if (!draft.birthFromNik && (hasField(service, 'subject_birth_date') || factMatters(service, draft, env, 'age'))) keys.push('birth_date');
  if (!draft.sexFromNik && hasField(service, 'subject_sex')) keys.push('sex');
  if (factMatters(service, draft, env, 'foreign')) keys.push('fact_foreign');
  if (factMatters(service, draft, env, 'hasBirthCertificate')) keys.push('fact_akta');
  for (const field of detailFields(service, draft, env)) keys.push(`field:${field.field}`);
  keys.push('relation');
  if (draft.relation !== SELF) keys.push('applicant_name');
  keys.push('desa');
  for (const item of documentItems(service, draft, env)) {
    if (item.alternatives.length > 0) keys.push(`doc_choice:${item.document}`);
    keys.push(`doc:${item.document}`);
  }
  if (!visitOnly) keys.push(...needsQuestions(draft));
  keys.push('summary');
  return keys;
}

function needsQuestions(draft: Draft): string[] {
  const keys = ['disability'];
  // A disability is health data: kept only with consent. An age is not.
  if (draft.disability === 'yes') keys.push('needs_consent');
  if (needsKept(draft)) {
    if (draft.disability === 'yes') keys.push('disability_kinds');
    keys.push('accommodations');
    if (deliveryChosen(draft)) keys.push('delivery_address', 'delivery_phone');
    keys.push('disability_detail');
  }
  return keys;
}

export function isAnswered(key: string, draft: Draft): boolean {
  if (key.startsWith('doc_choice:')) return draft.docChoice[key.slice('doc_choice:'.length)] !== undefined;
  if (key.startsWith('doc:')) return draft.docs[key.slice('doc:'.length)] !== undefined;
  if (key.startsWith('field:')) return draft.fields?.[key.slice('field:'.length)] !== undefined;
  switch (key) {
    case 'nik':
      return draft.nik !== undefined || draft.nikSkipped === true;
    case 'nik_confirm':
      return draft.nikConfirmed === true;
    case 'subject_name':
      return draft.subjectName !== undefined;
    case 'birth_date':
      return draft.birthDate !== undefined;
    case 'sex':
      return draft.sex !== undefined;
    case 'fact_foreign':
      return draft.foreign !== undefined;
    case 'fact_akta':
      return draft.hasBirthCertificate !== undefined;
    case 'relation':
      return draft.relation !== undefined;
    case 'applicant_name':
      return draft.applicantName !== undefined;
    case 'desa':
      return draft.desaCode !== undefined;
    case 'disability':
      return draft.disability !== undefined;
    case 'needs_consent':
      return draft.needsConsent !== undefined;
    case 'disability_kinds':
      return draft.disabilityKinds !== undefined;
    case 'accommodations':
      return draft.accommodations !== undefined;
    case 'disability_detail':
      return draft.disabilityNeeds !== undefined;
    case 'delivery_address':
      return draft.deliveryAddress !== undefined;
    case 'delivery_phone':
      return draft.deliveryPhone !== undefined;
    default:
      return false; // the summary is never "answered": it is where the application waits to be sent
  }
}

export function nextQuestion(service: Service, draft: Draft, env: Env): string {
  return planOf(service, draft, env).find((key) => !isAnswered(key, draft)) ?? 'summary';
}

/** Records that `key` was answered now (for "kembali"). */
export function answered(draft: Draft, key: string): Draft {
  return { ...draft, order: [...draft.order.filter((k) => k !== key), key] };
}

/** Forgets one answer, and what was derived from it. */
export function clearAnswer(draft: Draft, key: string): Draft {
  const next: Draft = { ...draft, docs: { ...draft.docs }, docChoice: { ...draft.docChoice } };
  const forget = new Set([key]);
  if (key.startsWith('doc_choice:')) {
    const item = key.slice('doc_choice:'.length);
    delete next.docChoice[item];
    delete next.docs[item];
    forget.add(`doc:${item}`);
  } else if (key.startsWith('doc:')) {
    delete next.docs[key.slice('doc:'.length)];
  } else if (key.startsWith('field:')) {
    const { [key.slice('field:'.length)]: _forgotten, ...rest } = next.fields ?? {};
    next.fields = rest;
  }
  switch (key) {
    case 'nik':
      delete next.nik;
      delete next.nikSkipped;
      delete next.nikConfirmed;
      forget.add('nik_confirm');
      if (next.birthFromNik) {
        delete next.birthDate;
        delete next.birthFromNik;
      }
      if (next.sexFromNik) {
        delete next.sex;
        delete next.sexFromNik;
      }
      break;
    case 'nik_confirm':
      delete next.nikConfirmed;
      break;
    case 'subject_name':
      delete next.subjectName;
      break;
    case 'birth_date':
      delete next.birthDate;
      delete next.birthFromNik;
      break;
    case 'sex':
      delete next.sex;
      delete next.sexFromNik;
      break;
    case 'fact_foreign':
      delete next.foreign;
      break;
    case 'fact_akta':
      delete next.hasBirthCertificate;
      break;
    case 'relation':
      delete next.relation;
      delete next.relationText;
      break;
    case 'applicant_name':
      delete next.applicantName;
      break;
    case 'desa':
      delete next.desaCode;
      break;
    case 'disability':
      delete next.disability;
      delete next.needsConsent;
      delete next.disabilityKinds;
      delete next.accommodations;
      delete next.disabilityNeeds;
      delete next.handOver;
      delete next.deliveryAddress;
      delete next.deliveryPhone;
      forget.add('needs_consent').add('disability_kinds').add('accommodations').add('disability_detail').add('delivery_address').add('delivery_phone');
      break;
    case 'needs_consent':
      delete next.needsConsent;
      delete next.disabilityKinds;
      delete next.accommodations;
      delete next.disabilityNeeds;
      delete next.handOver;
      delete next.deliveryAddress;
      delete next.deliveryPhone;
      forget.add('disability_kinds').add('accommodations').add('disability_detail').add('delivery_address').add('delivery_phone');
      break;
    case 'disability_kinds':
      delete next.disabilityKinds;
      break;
    case 'disability_detail':
      delete next.disabilityNeeds;
      break;
    case 'accommodations':
      delete next.accommodations;
      delete next.handOver;
      delete next.deliveryAddress;
      delete next.deliveryPhone;
      forget.add('delivery_address').add('delivery_phone');
      break;
    case 'delivery_address':
      delete next.deliveryAddress;
      break;
    case 'delivery_phone':
      delete next.deliveryPhone;
      break;
  }
  next.order = next.order.filter((k) => !forget.has(k));
  return next;
}

/** "kembali": undo the latest answer still in the plan; undefined when nothing is left to undo. */
export function stepBack(service: Service, draft: Draft, env: Env): Draft | undefined {
  const plan = new Set(planOf(service, draft, env));
  const order = [...draft.order];
  while (order.length > 0) {
    const key = order.pop()!;
    if (plan.has(key) && isAnswered(key, draft)) return clearAnswer({ ...draft, order }, key);
  }
  return undefined;
}

/** The attachments of the checklist as it stands: documents sent for items no longer needed stay out. */
export function attachmentsOf(service: Service, draft: Draft, env: Env): NewRequest['attachments'] {
  return documentItems(service, draft, env).flatMap((item) => {
    const sent = draft.docs[item.document];
    if (!sent || !('fileId' in sent) || !isDocumentType(sent.documentType)) return [];
    return [{ fileId: sent.fileId, documentType: sent.documentType }];
  });
}

/** The detail answers of the fields the plan asks now (an answer to a field no longer asked stays out), skipped ones left out. */
export function detailsOf(service: Service, draft: Draft, env: Env): Record<string, string> {
  const details: Record<string, string> = {};
  for (const { field } of detailFields(service, draft, env)) {
    const value = draft.fields?.[field];
    if (value) details[field] = value;
  }
  return details;
}

/** The submit command's input, or undefined while something it needs is missing. */
export function newRequestOf(service: Service, draft: Draft, env: Env): NewRequest | undefined {
  const { subjectName, relation, desaCode } = draft;
  const applicantName = relation === SELF ? subjectName : draft.applicantName;
  if (!subjectName || !relation || !desaCode || !applicantName) return undefined;
  const specialNeeds = specialNeedsOf(draft);
  const delivery = deliveryChosen(draft);
  return {
    serviceCode: service.code,
    channel: 'whatsapp',
    desaCode,
    applicant: { name: applicantName, phone: env.ctx.waId, relation, ...(draft.relationText && { relationText: draft.relationText }) },
    subject: {
      name: subjectName,
      ...(draft.nik ? { nik: draft.nik } : {}),
      ...(draft.birthDate ? { birthDate: draft.birthDate } : {}),
      ...(draft.sex ? { sex: draft.sex } : {}),
    },
    details: detailsOf(service, draft, env),
    circumstances: {
      ...(draft.hasBirthCertificate !== undefined && { hasBirthCertificate: draft.hasBirthCertificate }),
      ...(draft.foreign !== undefined && { foreign: draft.foreign }),
    },
    handOverChoice: delivery ? 'home_delivery' : 'pickup',
    ...(delivery && draft.deliveryAddress ? { delivery: { address: draft.deliveryAddress, phone: draft.deliveryPhone ?? env.ctx.waId } } : {}),
    ...(specialNeeds && { specialNeeds }),
    attachments: attachmentsOf(service, draft, env),
  };
}

/** The special needs are asked further, and kept, only once the applicant consented. */
export function needsKept(draft: Draft): boolean {
  return draft.disability === 'elderly' || (draft.disability === 'yes' && draft.needsConsent === true);
}

/** Home delivery is the special service's accommodation (`homeDeliveryOffered`), chosen like the others. */
export function deliveryChosen(draft: Draft): boolean {
  return needsKept(draft) && (draft.accommodations ?? []).includes('home_delivery');
}

/** The record intake keeps (`SpecialNeedsInput`), from the chat's answers. */
export function specialNeedsOf(draft: Draft): SpecialNeedsStated | undefined {
  if (!needsKept(draft)) return undefined;
  return {
    disabled: draft.disability === 'yes',
    elderly: draft.disability === 'elderly',
    kinds: DISABILITY_KINDS.filter((k) => draft.disabilityKinds?.includes(k)),
    accommodations: ACCOMMODATIONS.filter((a) => draft.accommodations?.includes(a)),
    ...(draft.disabilityNeeds ? { note: draft.disabilityNeeds } : {}),
    consent: draft.disability === 'yes',
  };
}
