/**
 * The service catalogue as data, plus the pure rules that read it.
 *
 * Every service the office takes in is a record: what it is called, which documents and data it
 * needs (some only under a condition), what it issues, what it costs (nothing) and how long it may
 * take. The schemas here validate an admin-edited catalogue at the boundary; the default data lives
 * in services.ts. Conditions are data too (not functions) so that an edited catalogue can be
 * stored as JSON, shown to an admin, and explained to a citizen ("jika anak berusia 5 tahun ke atas").
 */
import { z } from 'zod';
import {
  ChannelSchema,
  DATA_FIELD_DEFINITIONS,
  DOCUMENT_TYPE_LABELS,
  DataFieldSchema,
  DocumentTypeSchema,
  LocalizedTextSchema,
  OutputDocumentSchema,
  type Channel,
  type DataField,
  type DocumentType,
  type LocalizedText,
  type OutputDocument,
} from './vocabulary.js';
import { SERVICES } from './services.js';

// ---------------------------------------------------------------------------------------------
// Conditions

/** What a rule may depend on. All of it is about the person the document is for (the subject). */
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

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('age_at_least'), years: z.number().int().min(0).max(130) }),
    z.object({ kind: z.literal('age_below'), years: z.number().int().min(1).max(130) }),
    z.object({ kind: z.literal('no_birth_certificate') }),
    z.object({ kind: z.literal('foreign_child') }),
    z.object({ kind: z.literal('no_nik') }),
    z.object({ kind: z.literal('ever_married') }),
    z.object({ kind: z.literal('not'), condition: ConditionSchema }),
    z.object({ kind: z.literal('all'), of: z.array(ConditionSchema).min(1) }),
    z.object({ kind: z.literal('any'), of: z.array(ConditionSchema).min(1) }),
  ]),
);

/**
 * What is known about the subject when the checklist is built. Every field is optional: a citizen
 * asking "what do I need for KIA?" has told us nothing yet, and the answer must still be useful.
 */
export interface RequirementContext {
  /** Whole years on the application date (KIA variants switch on the 5th birthday). */
  subjectAgeYears?: number;
  hasBirthCertificate?: boolean;
  /** A foreign child holding a KITAP (Permendagri 2/2016 gives them their own list). */
  foreign?: boolean;
  /** The subject already has a NIK; a child "belum terdaftar" has none until the birth is registered. */
  hasNik?: boolean;
  /** Absent means not married (see evaluateCondition). */
  everMarried?: boolean;
}

/** Three-valued: a condition on a fact nobody has told us is neither true nor false. */
export type Truth = true | false | 'unknown';

export function evaluateCondition(condition: Condition, context: RequirementContext): Truth {
  const known = (value: boolean | undefined): Truth => (value === undefined ? 'unknown' : value);
  switch (condition.kind) {
    case 'age_at_least':
      return context.subjectAgeYears === undefined ? 'unknown' : context.subjectAgeYears >= condition.years;
    case 'age_below':
      return context.subjectAgeYears === undefined ? 'unknown' : context.subjectAgeYears < condition.years;
    case 'no_birth_certificate':
      return context.hasBirthCertificate === undefined ? 'unknown' : !context.hasBirthCertificate;
    case 'foreign_child':
      return known(context.foreign);
    case 'no_nik':
      return context.hasNik === undefined ? 'unknown' : !context.hasNik;
    case 'ever_married':
      // Read as "no" unless stated: asking the parents of a toddler about marriage is absurd, and
      // a married minor (court dispensation only) says so on the form. Otherwise every KIA
      // applicant would come out "eligibility unknown".
      return context.everMarried ?? false;
    case 'not': {
      const inner = evaluateCondition(condition.condition, context);
      return inner === 'unknown' ? 'unknown' : !inner;
    }
    case 'all': {
      const values = condition.of.map((c) => evaluateCondition(c, context));
      if (values.includes(false)) return false;
      return values.includes('unknown') ? 'unknown' : true;
    }
    case 'any': {
      const values = condition.of.map((c) => evaluateCondition(c, context));
      if (values.includes(true)) return true;
      return values.includes('unknown') ? 'unknown' : false;
    }
  }
}

/** A condition in words, for "Pas foto (jika …)" on a checklist. */
export function describeCondition(condition: Condition): LocalizedText {
  switch (condition.kind) {
    case 'age_at_least':
      return { id: `berusia ${condition.years} tahun ke atas`, en: `aged ${condition.years} or over` };
    case 'age_below':
      return { id: `berusia di bawah ${condition.years} tahun`, en: `under ${condition.years}` };
    case 'no_birth_certificate':
      return { id: 'belum memiliki akta kelahiran', en: 'has no birth certificate yet' };
    case 'foreign_child':
      return { id: 'anak berkewarganegaraan asing (WNA)', en: 'a child of foreign nationality' };
    case 'no_nik':
      return { id: 'belum memiliki NIK (belum terdaftar dalam KK)', en: 'has no NIK yet (not on a family card)' };
    case 'ever_married':
      return { id: 'sudah atau pernah kawin', en: 'married or previously married' };
    case 'not': {
      const inner = condition.condition;
      if (inner.kind === 'no_birth_certificate') {
        return { id: 'sudah memiliki akta kelahiran', en: 'has a birth certificate' };
      }
      if (inner.kind === 'foreign_child') return { id: 'anak WNI', en: 'an Indonesian child' };
      if (inner.kind === 'no_nik') return { id: 'sudah memiliki NIK', en: 'has a NIK' };
      if (inner.kind === 'ever_married') return { id: 'belum pernah kawin', en: 'never married' };
      const text = describeCondition(inner);
      return { id: `bukan (${text.id})`, en: `not (${text.en})` };
    }
    case 'all':
    case 'any': {
      const parts = condition.of.map(describeCondition);
      const [idJoin, enJoin] = condition.kind === 'all' ? [' dan ', ' and '] : [' atau ', ' or '];
      return { id: parts.map((p) => p.id).join(idJoin), en: parts.map((p) => p.en).join(enJoin) };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Requirements, fields, outputs, services

export const PhotoSpecSchema = z.object({
  widthCm: z.number().positive(),
  heightCm: z.number().positive(),
  copies: z.number().int().min(1).optional(),
  colour: z.boolean(),
});
export type PhotoSpec = z.infer<typeof PhotoSpecSchema>;

const requirementBase = {
  document: DocumentTypeSchema,
  /** Any one of these satisfies the item instead (e.g. an SPTJM when there is no birth notification). */
  alternatives: z.array(DocumentTypeSchema).optional(),
  /** Specifics in words: copies, size, whose document, "asli atau fotokopi". */
  details: LocalizedTextSchema.optional(),
  photo: PhotoSpecSchema.optional(),
};

/**
 * `required`: always. `conditional`: required when `when` holds, absent otherwise.
 * `optional`: helpful, never blocks; with `when`, only offered when it holds.
 */
export const RequirementSchema = z
  .discriminatedUnion('need', [
    z.object({ need: z.literal('required'), ...requirementBase }),
    z.object({ need: z.literal('optional'), when: ConditionSchema.optional(), ...requirementBase }),
    z.object({ need: z.literal('conditional'), when: ConditionSchema, ...requirementBase }),
  ])
  .refine((r) => r.photo === undefined || r.document === 'pas_foto', {
    message: 'only pas_foto carries a photo specification',
  });
export type Requirement = z.infer<typeof RequirementSchema>;

const fieldBase = { field: DataFieldSchema, label: LocalizedTextSchema.optional() };
export const FieldRequirementSchema = z.discriminatedUnion('need', [
  z.object({ need: z.literal('required'), ...fieldBase }),
  z.object({ need: z.literal('optional'), when: ConditionSchema.optional(), ...fieldBase }),
  z.object({ need: z.literal('conditional'), when: ConditionSchema, ...fieldBase }),
]);
export type FieldRequirement = z.infer<typeof FieldRequirementSchema>;

export const OutputSchema = z.object({ document: OutputDocumentSchema, when: ConditionSchema.optional() });
export type Output = z.infer<typeof OutputSchema>;

export const KIA_RULE_SETS = ['national', 'banyumas_2022'] as const;
export const KiaRuleSetSchema = z.enum(KIA_RULE_SETS);
export type KiaRuleSet = z.infer<typeof KiaRuleSetSchema>;

export const SERVICE_CATEGORIES = ['kia', 'ktp_el', 'kk', 'akta', 'pindah', 'ikd'] as const;

export const ServiceSchema = z
  .object({
    /** Stable forever: requests, statistics and chatbot menus refer to it. */
    code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
    category: z.enum(SERVICE_CATEGORIES),
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    /** Who may apply at all (KIA: under 17 and never married). Absent: anyone. */
    eligibility: ConditionSchema.optional(),
    /** Why someone outside `eligibility` cannot apply, in the service's own words ("KTP-el hanya untuk …"). */
    eligibilityReason: LocalizedTextSchema.optional(),
    /** The national list. */
    requirements: z.array(RequirementSchema),
    /** Regional practice replacing the national list when the office picks that rule set. */
    requirementVariants: z.partialRecord(KiaRuleSetSchema, z.array(RequirementSchema)).optional(),
    fields: z.array(FieldRequirementSchema),
    outputs: z.array(OutputSchema).min(1),
    /** Adminduk services are free by law (UU 24/2013 art. 79A), so the schema admits nothing else. */
    feeRupiah: z.literal(0),
    /** 0 = by close of the same working day (as calendar/sla.ts `requestDue` reads it). */
    slaWorkingDays: z.number().int().min(0).max(30).default(1),
    /** Walk-in KIA is same-day; a school session processes a whole school: up to 7 working days. */
    slaWorkingDaysByChannel: z.partialRecord(ChannelSchema, z.number().int().min(0).max(30)).optional(),
    channels: z.array(ChannelSchema).min(1),
  })
  .superRefine((service, ctx) => {
    if (new Set(service.channels).size !== service.channels.length) {
      ctx.addIssue({ code: 'custom', path: ['channels'], message: 'channels must not repeat' });
    }
    for (const channel of Object.keys(service.slaWorkingDaysByChannel ?? {})) {
      if (!service.channels.includes(channel as Channel)) {
        ctx.addIssue({ code: 'custom', path: ['slaWorkingDaysByChannel', channel], message: 'channel not offered' });
      }
    }
  });
export type Service = z.infer<typeof ServiceSchema>;

export const CatalogueSchema = z.array(ServiceSchema).superRefine((services, ctx) => {
  const seen = new Set<string>();
  services.forEach((s, i) => {
    if (seen.has(s.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `duplicate code ${s.code}` });
    seen.add(s.code);
  });
});

/**
 * An office's own version of one service (stored in office_service_settings): switched off, its
 * own requirement list (replacing the national list or the rule-set variant), its own standard in
 * working days (replacing the service's base standard; per-channel standards such as same-day
 * walk-in KIA stay, because they describe how the channel works, not how busy the office is).
 */
export const ServiceOverrideSchema = z.object({
  serviceCode: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  enabled: z.boolean(),
  // An empty list would make every file "complete"; an office that stops taking a service in disables it.
  requirements: z.array(RequirementSchema).min(1).max(40).nullable().optional(),
  slaWorkingDays: z.number().int().min(0).max(30).nullable().optional(),
});
export type ServiceOverride = z.infer<typeof ServiceOverrideSchema>;

export const CatalogueSettingsSchema = z.object({
  kiaRuleSet: KiaRuleSetSchema.default('national'),
  overrides: z.array(ServiceOverrideSchema).optional(),
});
export type CatalogueSettings = z.infer<typeof CatalogueSettingsSchema>;

/**
 * The catalogue one office works with: each service's requirement list is the office's own list
 * when its admin set one, else the variant of the office's rule set when there is one, else the
 * national list. The result carries no variants, so nothing downstream can pick the wrong list.
 * Services the office switched off are left out, unless `includeDisabled` (a request taken in
 * before the switch still needs its checklist).
 */
export function catalogueFor(
  settings: CatalogueSettings,
  services: readonly Service[] = SERVICES,
  options: { includeDisabled?: boolean } = {},
): Service[] {
  const overrides = new Map((settings.overrides ?? []).map((o) => [o.serviceCode, o]));
  return services.flatMap(({ requirementVariants, ...service }) => {
    const own = overrides.get(service.code);
    if (own && !own.enabled && !options.includeDisabled) return [];
    return [
      {
        ...service,
        requirements: own?.requirements ?? requirementVariants?.[settings.kiaRuleSet] ?? service.requirements,
        ...(own?.slaWorkingDays != null && { slaWorkingDays: own.slaWorkingDays }),
      },
    ];
  });
}

export function findService(services: readonly Service[], code: string): Service | undefined {
  return services.find((s) => s.code === code);
}

export function slaFor(service: Service, channel: Channel): number {
  return service.slaWorkingDaysByChannel?.[channel] ?? service.slaWorkingDays;
}

// ---------------------------------------------------------------------------------------------
// Resolving a checklist

/**
 * `required` / `optional` are settled. `conditional` means the context did not say enough to
 * decide; `when` is kept so the UI can ask, or print "Pas foto (jika berusia 5 tahun ke atas)".
 */
export interface ChecklistItem {
  document: DocumentType;
  need: 'required' | 'optional' | 'conditional';
  when?: Condition;
  alternatives: DocumentType[];
  label: LocalizedText;
  details?: LocalizedText;
  photo?: PhotoSpec;
}

export interface ChecklistField {
  field: DataField;
  need: 'required' | 'optional' | 'conditional';
  when?: Condition;
  label: LocalizedText;
}

export interface Checklist {
  serviceCode: string;
  eligibility: 'eligible' | 'ineligible' | 'unknown';
  /** Set when ineligible: the service's own reason, for the portal, the counter and the chatbot alike. */
  eligibilityReason?: LocalizedText;
  items: ChecklistItem[];
  fields: ChecklistField[];
  /** What the office will issue; an entry with `when` is issued only if that turns out to hold. */
  outputs: { document: OutputDocument; when?: Condition }[];
}

type Need = 'required' | 'optional' | 'conditional';
const STRENGTH: Record<Need, number> = { optional: 1, conditional: 2, required: 3 };

/** Settle one rule against the context: dropped (null), or kept with its resolved need. */
function resolveNeed(
  rule: { need: Need; when?: Condition },
  context: RequirementContext,
): { need: Need; when?: Condition } | null {
  if (rule.when === undefined) return { need: rule.need };
  const truth = evaluateCondition(rule.when, context);
  if (truth === false) return null;
  if (truth === true) return { need: rule.need === 'optional' ? 'optional' : 'required' };
  return { need: rule.need === 'optional' ? 'optional' : 'conditional', when: rule.when };
}

/**
 * The checklist for one applicant. The same document may appear under several rules (the KK in
 * both the KIA list and the birth-registration list of the combined path); it is listed once,
 * under its strongest need.
 */
export function requirementsFor(service: Service, context: RequirementContext = {}): Checklist {
  const items = new Map<DocumentType, ChecklistItem>();
  for (const requirement of service.requirements) {
    const resolved = resolveNeed(requirement, context);
    if (!resolved) continue;
    const existing = items.get(requirement.document);
    if (existing?.need === 'conditional' && resolved.need === 'conditional' && existing.when && resolved.when) {
      // Needed under either condition: say so, rather than showing only the first.
      existing.when = { kind: 'any', of: [existing.when, resolved.when] };
      continue;
    }
    if (existing && STRENGTH[existing.need] >= STRENGTH[resolved.need]) continue;
    items.set(requirement.document, {
      document: requirement.document,
      ...resolved,
      alternatives: requirement.alternatives ?? [],
      label: DOCUMENT_TYPE_LABELS[requirement.document],
      ...(requirement.details && { details: requirement.details }),
      ...(requirement.photo && { photo: requirement.photo }),
    });
  }

  // A field may be listed under several rules (the child's NIK: required, but optional on the
  // combined path of a child not registered yet); like a document, it is asked once, under its strongest need.
  const fields = new Map<DataField, ChecklistField>();
  for (const field of service.fields) {
    const resolved = resolveNeed(field, context);
    if (!resolved) continue;
    const existing = fields.get(field.field);
    if (existing && STRENGTH[existing.need] >= STRENGTH[resolved.need]) continue;
    fields.set(field.field, { field: field.field, ...resolved, label: field.label ?? DATA_FIELD_DEFINITIONS[field.field].label });
  }

  const outputs: Checklist['outputs'] = [];
  for (const output of service.outputs) {
    const truth = output.when === undefined ? true : evaluateCondition(output.when, context);
    if (truth === true) outputs.push({ document: output.document });
    else if (truth === 'unknown' && output.when) outputs.push({ document: output.document, when: output.when });
  }

  const truth = service.eligibility === undefined ? true : evaluateCondition(service.eligibility, context);
  const eligibility = truth === 'unknown' ? 'unknown' : truth ? 'eligible' : 'ineligible';
  return {
    serviceCode: service.code,
    eligibility,
    ...(eligibility === 'ineligible' && { eligibilityReason: eligibilityReasonOf(service) }),
    items: [...items.values()],
    fields: [...fields.values()],
    outputs,
  };
}

/**
 * Why this service refuses someone, in its own words: the catalogue's reason, else its name and
 * condition ("Pisah KK hanya untuk penduduk yang berusia 17 tahun ke atas …"). Never another
 * service's reason: a 15-year-old asking for a KTP-el must not read that the KIA is for under-17s.
 */
export function eligibilityReasonOf(service: Pick<Service, 'name' | 'eligibility' | 'eligibilityReason'>): LocalizedText {
  if (service.eligibilityReason) return service.eligibilityReason;
  const condition = service.eligibility ? describeCondition(service.eligibility) : { id: '', en: '' };
  return { id: `${service.name.id} hanya untuk penduduk yang ${condition.id}.`, en: `${service.name.en} is only for residents who are ${condition.en}.` };
}

export interface AttachmentCheck {
  /** True only when nothing required is missing and nothing is left undecided. */
  complete: boolean;
  missing: ChecklistItem[];
  /** Conditional items not attached whose condition the context could not decide. */
  undetermined: ChecklistItem[];
  /** Attached types the checklist does not mention: often a wrong label on an upload. */
  unexpected: DocumentType[];
}

export function checkAttachments(checklist: Checklist, attached: Iterable<DocumentType>): AttachmentCheck {
  const have = new Set(attached);
  const satisfied = (item: ChecklistItem) => have.has(item.document) || item.alternatives.some((a) => have.has(a));
  const missing = checklist.items.filter((i) => i.need === 'required' && !satisfied(i));
  const undetermined = checklist.items.filter((i) => i.need === 'conditional' && !satisfied(i));
  const mentioned = new Set(checklist.items.flatMap((i) => [i.document, ...i.alternatives]));
  const unexpected = [...have].filter((d) => !mentioned.has(d));
  return { complete: missing.length === 0 && undetermined.length === 0, missing, undetermined, unexpected };
}
