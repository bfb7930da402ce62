/**
 * An office's own version of the service catalogue: its admin switches services off, replaces a
 * requirement list, or sets another time standard. The edit is validated with the catalogue's own
 * schemas, audited in the same transaction, and merged (by `catalogueFor`) into everything that
 * reads the office's catalogue: the public list of services, intake, the request page.
 */
import { z } from 'zod';
import { auditActorOf, recordAudit, type Origin } from '../audit/audit.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import {
  catalogueFor,
  describeCondition,
  findService,
  RequirementSchema,
  ServiceOverrideSchema,
  type Checklist,
  type Condition,
  type KiaRuleSet,
  type Requirement,
  type Service,
  type ServiceOverride,
} from '../catalogue/catalogue.js';
import { fieldForm } from '../catalogue/field-values.js';
import { SERVICES } from '../catalogue/services.js';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from '../catalogue/vocabulary.js';
import type { Db } from '../db/database.js';
import { findOffice } from '../offices/storage.js';
import type { Clock } from '../platform/clock.js';
import { AppError, notFound } from '../platform/errors.js';
import * as store from './storage.js';

type Deps = { db: Db; clock: Clock };

/**
 * The stored rows as overrides. Rows were validated when written; one that no longer parses (the
 * vocabulary changed since) keeps its on/off switch and falls back to the shipped list, rather
 * than taking the office's whole catalogue down.
 */
export function overridesOf(rows: readonly store.ServiceSettingRow[]): ServiceOverride[] {
  return rows.map((row) => {
    const parsed = ServiceOverrideSchema.safeParse({ serviceCode: row.serviceCode, enabled: row.enabled, requirements: row.requirements, slaWorkingDays: row.slaWorkingDays });
    return parsed.success ? parsed.data : { serviceCode: row.serviceCode, enabled: row.enabled };
  });
}

/** The catalogue this office works with, its own settings merged in. */
export async function officeCatalogue(db: Db, office: { code: string; kiaRuleSet: string }, options: { includeDisabled?: boolean } = {}): Promise<Service[]> {
  const overrides = overridesOf(await store.listServiceSettings(db, office.code));
  return catalogueFor({ kiaRuleSet: office.kiaRuleSet as KiaRuleSet, overrides }, SERVICES, options);
}

export const ServiceSettingInput = z.object({
  enabled: z.boolean(),
  /** null: the shipped list (national, or the office's KIA rule set). */
  requirements: z.array(RequirementSchema).min(1).max(40).nullable(),
  /** null: the shipped standard. */
  slaWorkingDays: z.number().int().min(0).max(30).nullable(),
});
export type ServiceSettingInput = z.infer<typeof ServiceSettingInput>;

/** A checklist with its conditions in words ("jika berusia 5 tahun ke atas"), for people to read. */
export function describedChecklist(checklist: Checklist) {
  return {
    ...checklist,
    items: checklist.items.map((item) => ({ ...item, ...(item.when && { whenLabel: describeCondition(item.when) }) })),
    fields: checklist.fields.map((field) => ({ ...field, ...fieldForm(field.field), ...(field.when && { whenLabel: describeCondition(field.when) }) })),
    outputs: checklist.outputs.map((output) => ({ ...output, ...(output.when && { whenLabel: describeCondition(output.when) }) })),
  };
}

const withLabels = (requirements: readonly Requirement[]) =>
  requirements.map((r) => ({
    ...r,
    label: DOCUMENT_TYPE_LABELS[r.document],
    ...('when' in r && r.when ? { whenLabel: describeCondition(r.when) } : {}),
  }));

/** Conditions an admin can pick for a conditional item: every one the shipped catalogue uses. */
function conditionChoices() {
  const seen = new Map<string, Condition>();
  for (const service of SERVICES) {
    const lists = [service.requirements, ...Object.values(service.requirementVariants ?? {})];
    for (const r of lists.flat()) if ('when' in r && r.when) seen.set(JSON.stringify(r.when), r.when);
  }
  return [...seen.values()].map((condition) => ({ condition, label: describeCondition(condition) }));
}

/** What the settings page shows: per service, the shipped version, the office's own, and the result. */
export async function serviceSettingsView(deps: Deps, actor: StaffActor, officeCode: string) {
  authorize(actor, 'office.read', { officeCode });
  const office = await findOffice(deps.db, officeCode);
  if (!office) throw notFound();
  const rows = await store.listServiceSettings(deps.db, officeCode);
  const shipped = catalogueFor({ kiaRuleSet: office.kiaRuleSet as KiaRuleSet });
  const effective = catalogueFor({ kiaRuleSet: office.kiaRuleSet as KiaRuleSet, overrides: overridesOf(rows) }, SERVICES, { includeDisabled: true });
  return {
    kiaRuleSet: office.kiaRuleSet,
    services: shipped.map((s) => {
      const row = rows.find((r) => r.serviceCode === s.code);
      const own = row ? overridesOf([row])[0] : undefined;
      const result = findService(effective, s.code)!;
      return {
        code: s.code,
        category: s.category,
        name: s.name,
        channels: s.channels,
        enabled: own?.enabled ?? true,
        shipped: { requirements: withLabels(s.requirements), slaWorkingDays: s.slaWorkingDays, slaWorkingDaysByChannel: s.slaWorkingDaysByChannel ?? {} },
        own: row
          ? { requirements: own?.requirements ? withLabels(own.requirements) : null, slaWorkingDays: own?.slaWorkingDays ?? null, updatedAt: row.updatedAt.toISOString() }
          : null,
        effective: { requirements: withLabels(result.requirements), slaWorkingDays: result.slaWorkingDays },
      };
    }),
    documentTypes: DOCUMENT_TYPES.map((code) => ({ code, label: DOCUMENT_TYPE_LABELS[code] })),
    conditions: conditionChoices(),
  };
}

const summary = (o: { enabled: boolean; requirements?: readonly Requirement[] | null | undefined; slaWorkingDays?: number | null | undefined } | undefined) =>
  o ? { enabled: o.enabled, requirements: o.requirements?.map((r) => `${r.document}:${r.need}`) ?? null, slaWorkingDays: o.slaWorkingDays ?? null } : null;

function requireShippedService(code: string): Service {
  const service = findService(SERVICES, code);
  if (!service) throw notFound();
  return service;
}

export async function updateServiceSetting(deps: Deps, actor: StaffActor, officeCode: string, serviceCode: string, input: ServiceSettingInput, origin: Origin) {
  authorize(actor, 'catalogue.update', { officeCode });
  if (!(await findOffice(deps.db, officeCode))) throw notFound();
  requireShippedService(serviceCode);
  // The same schema the shipped catalogue passes: an admin's list is held to the same rules.
  const parsed = ServiceOverrideSchema.safeParse({ serviceCode, ...input });
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ field: `body.${i.path.join('.')}`, message: i.message }));
    throw new AppError('validation', 422, 'errors.validation', {}, { errors });
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = (await store.listServiceSettings(tx, officeCode)).find((r) => r.serviceCode === serviceCode);
    await store.upsertServiceSetting(tx, {
      officeCode,
      serviceCode,
      enabled: input.enabled,
      requirements: (parsed.data.requirements ?? null) as Record<string, unknown>[] | null,
      slaWorkingDays: input.slaWorkingDays,
      updatedAt: now,
    });
    await recordAudit(tx, now, {
      officeCode,
      actor: auditActorOf(actor),
      action: 'catalogue.service_updated',
      entityType: 'service',
      entityId: serviceCode,
      details: { before: summary(before && overridesOf([before])[0]), after: summary(parsed.data) },
    }, origin);
  });
}

/** Back to the shipped version of the service. */
export async function resetServiceSetting(deps: Deps, actor: StaffActor, officeCode: string, serviceCode: string, origin: Origin) {
  authorize(actor, 'catalogue.update', { officeCode });
  requireShippedService(serviceCode);
  await deps.db.transaction(async (tx) => {
    const before = (await store.listServiceSettings(tx, officeCode)).find((r) => r.serviceCode === serviceCode);
    if (!(await store.deleteServiceSetting(tx, officeCode, serviceCode))) throw notFound();
    await recordAudit(tx, deps.clock.now(), {
      officeCode,
      actor: auditActorOf(actor),
      action: 'catalogue.service_reset',
      entityType: 'service',
      entityId: serviceCode,
      details: { before: summary(before && overridesOf([before])[0]) },
    }, origin);
  });
}
