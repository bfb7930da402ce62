/**
 * The catalogue's requirement rules read on the phone, so the form shows exactly the documents
 * this child needs as the NIK and answers come in. Mirrors `src/catalogue/catalogue.ts`
 * (`evaluateCondition`, `requirementsFor`); the server checks again when the form is sent.
 */
import type { DetailFieldSpec } from '../../components/detail-fields.js';
import type { CatalogueRequirement, CatalogueService, Condition, Need } from './api.js';

export type Facts = { ageYears?: number | undefined; hasBirthCertificate?: boolean | undefined; foreign?: boolean | undefined; hasNik?: boolean | undefined };
type Truth = true | false | 'unknown';

export function evaluate(condition: Condition, facts: Facts): Truth {
  const known = (v: boolean | undefined): Truth => (v === undefined ? 'unknown' : v);
  switch (condition.kind) {
    case 'age_at_least':
      return facts.ageYears === undefined ? 'unknown' : facts.ageYears >= condition.years;
    case 'age_below':
      return facts.ageYears === undefined ? 'unknown' : facts.ageYears < condition.years;
    case 'no_birth_certificate':
      return facts.hasBirthCertificate === undefined ? 'unknown' : !facts.hasBirthCertificate;
    case 'foreign_child':
      return known(facts.foreign);
    case 'no_nik':
      return facts.hasNik === undefined ? 'unknown' : !facts.hasNik;
    case 'ever_married':
      return false;
    case 'not': {
      const inner = evaluate(condition.condition, facts);
      return inner === 'unknown' ? 'unknown' : !inner;
    }
    case 'all': {
      const values = condition.of.map((c) => evaluate(c, facts));
      if (values.includes(false)) return false;
      return values.includes('unknown') ? 'unknown' : true;
    }
    case 'any': {
      const values = condition.of.map((c) => evaluate(c, facts));
      if (values.includes(true)) return true;
      return values.includes('unknown') ? 'unknown' : false;
    }
  }
}

export type NeededDocument = CatalogueRequirement & { resolved: Need };

const STRENGTH: Record<Need, number> = { optional: 1, conditional: 2, required: 3 };

/** The documents to upload for these facts, each once under its strongest need. */
export function documentsFor(service: CatalogueService, facts: Facts): NeededDocument[] {
  const items = new Map<string, NeededDocument>();
  for (const r of service.requirements) {
    let resolved: Need = r.need;
    if (r.when) {
      const truth = evaluate(r.when, facts);
      if (truth === false) continue;
      resolved = r.need === 'optional' ? 'optional' : truth === true ? 'required' : 'conditional';
    }
    const existing = items.get(r.document);
    if (existing && STRENGTH[existing.resolved] >= STRENGTH[resolved]) continue;
    items.set(r.document, { ...r, resolved });
  }
  return [...items.values()];
}

/**
 * The service's detail fields to ask for these facts: a field under a condition appears only once
 * the answers make it hold (the parents' names once "no akta yet" is chosen).
 */
export function fieldsFor(service: CatalogueService, facts: Facts): DetailFieldSpec[] {
  return service.fields.flatMap((f) => {
    if (!f.detail) return [];
    if (f.when && evaluate(f.when, facts) !== true) return [];
    return [{ field: f.field, label: f.label, need: f.need === 'optional' ? 'optional' : 'required', input: f.input, maxLength: f.maxLength }];
  });
}

/**
 * Whether the child's NIK may be left empty with these answers: only on the combined path of a
 * child not registered yet (the server's `checkRequestFields` rule: an undecided answer asks for it).
 */
export function nikOptional(service: CatalogueService, facts: Facts): boolean {
  let strongest: Need | undefined;
  for (const f of service.fields) {
    if (f.field !== 'subject_nik') continue;
    let need: Need = f.need;
    if (f.when) {
      const truth = evaluate(f.when, { ...facts, hasNik: false });
      if (truth === false) continue;
      need = f.need === 'optional' ? 'optional' : truth === true ? 'required' : 'conditional';
    }
    if (!strongest || STRENGTH[need] > STRENGTH[strongest]) strongest = need;
  }
  return strongest === 'optional';
}

export function eligible(service: CatalogueService, facts: Facts): boolean {
  return !service.eligibility || evaluate(service.eligibility, facts) !== false;
}

/** Which facts the service's rules depend on, so the form asks only those questions. */
export function asksAbout(service: CatalogueService): { birthCertificate: boolean; foreign: boolean } {
  const kinds = new Set<string>();
  const walk = (c: Condition | null) => {
    if (!c) return;
    kinds.add(c.kind);
    if (c.kind === 'not') walk(c.condition);
    if (c.kind === 'all' || c.kind === 'any') c.of.forEach(walk);
  };
  service.requirements.forEach((r) => walk(r.when));
  return { birthCertificate: kinds.has('no_birth_certificate'), foreign: kinds.has('foreign_child') };
}
