/**
 * The service catalogue as the bot shows it: picking a service (by category when there are more
 * than fit in one list), and a service's requirements, fee and time standard in words. Names and
 * requirement labels come from the catalogue itself; only the short menu titles and the sentences
 * around them are the bot's own.
 */
import { homeVisitOnly } from '../requests/special-needs.js';
import { describeCondition, requirementsFor, slaFor, type ChecklistItem, type Service } from '../catalogue/catalogue.js';
import { CHANNEL_LABELS, DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, OUTPUT_DOCUMENT_LABELS, type DocumentType } from '../catalogue/vocabulary.js';
import type { InboundEvent, OutboundMessage } from './dialogue-contract.js';
import { buttons, list, pageFromChoice, pageOf, pick, squash, text, trOr, type Env, type Row } from './dialogue-kit.js';
import { MESSAGE_LIMITS } from './message-limits.js';
import type { Screen } from './dialogue-state.js';

type ServicesScreen = Extract<Screen, { kind: 'services' }>;
export type Purpose = ServicesScreen['purpose'];

export function serviceName(service: Service, env: Env): string {
  return pick(service.name, env.locale);
}

/** A title for a list row (≤ 24 characters): the bot's short name, or the catalogue name cut before its parenthesis. */
export function serviceShortName(service: Service, env: Env): string {
  const name = serviceName(service, env);
  const fallback = name.length <= MESSAGE_LIMITS.rowTitle ? name : name.replace(/\s*\(.*$/, '');
  return trOr(env, `service_short.${service.code}`, fallback);
}

export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value);
}

export function documentLabel(type: string, env: Env): string {
  return isDocumentType(type) ? pick(DOCUMENT_TYPE_LABELS[type], env.locale) : env.tr('common.document');
}

export function documentShortLabel(type: string, env: Env): string {
  return trOr(env, `doc_short.${type}`, documentLabel(type, env));
}

export function servicesFor(purpose: Purpose, env: Env): Service[] {
  const all = [...env.ctx.services];
  // A service that needs the person present is offered too: by chat it comes with a home visit.
  return purpose === 'apply' ? all.filter((s) => s.channels.includes('whatsapp') || homeVisitOnly(s.channels, 'whatsapp')) : all;
}

function categoriesOf(services: readonly Service[]): string[] {
  return [...new Set(services.map((s) => s.category))];
}

/** More services than fit in one list: the user picks a category first. */
export function byCategory(purpose: Purpose, env: Env): boolean {
  return servicesFor(purpose, env).length > MESSAGE_LIMITS.listRows;
}

function categoryTitle(category: string, env: Env): string {
  return trOr(env, `categories.${category}`, category);
}

/** The picker screen a service is chosen from, for "kembali" and "Layanan lain". */
export function pickerScreenFor(purpose: Purpose, serviceCode: string | undefined, env: Env): ServicesScreen {
  const service = env.ctx.services.find((s) => s.code === serviceCode);
  if (!service || !byCategory(purpose, env)) return { kind: 'services', purpose, category: null, page: 0 };
  const siblings = servicesFor(purpose, env).filter((s) => s.category === service.category);
  return { kind: 'services', purpose, category: siblings.length > 1 ? service.category : null, page: 0 };
}

export function servicePickerPrompt(screen: ServicesScreen, env: Env): OutboundMessage[] {
  const services = servicesFor(screen.purpose, env);
  if (services.length === 0) return buttons(env, env.tr('services.none'), [{ id: 'nav:menu', title: env.tr('common.main_menu') }]);
  const body = env.tr(screen.purpose === 'info' ? 'services.info_body' : 'services.apply_body');
  if (screen.category === null && byCategory(screen.purpose, env)) {
    const rows = categoriesOf(services).map<Row>((category) => ({
      id: `cat:${category}`,
      title: categoryTitle(category, env),
      description: services
        .filter((s) => s.category === category)
        .map((s) => serviceShortName(s, env))
        .join(', '),
    }));
    const { rows: shown } = pageOf(env, rows, screen.page, (r) => r);
    return list(env, `${body}\n${env.tr('services.category_hint')}`, env.tr('services.category_button'), env.tr('services.category_section'), shown);
  }
  const inCategory = screen.category === null ? services : services.filter((s) => s.category === screen.category);
  const { rows } = pageOf(env, inCategory, screen.page, (s) => ({
    id: `svc:${s.code}`,
    title: serviceShortName(s, env),
    description: serviceName(s, env),
  }));
  const section = screen.category === null ? env.tr('services.section') : categoryTitle(screen.category, env);
  return list(env, body, env.tr('services.button'), section, rows);
}

export type PickerAction =
  | { go: 'screen'; screen: ServicesScreen }
  | { go: 'service'; code: string }
  | { go: 'reprompt'; note: string }
  | { go: 'unhandled' };

/** What a message means on the picker: a category, a service, another page, or a typed name. */
export function readServicePick(screen: ServicesScreen, event: InboundEvent, env: Env): PickerAction {
  const services = servicesFor(screen.purpose, env);
  if (event.type === 'choice') {
    const page = pageFromChoice(event.id);
    if (page !== undefined) return { go: 'screen', screen: { ...screen, page } };
    if (event.id.startsWith('cat:')) return chooseCategory(screen, event.id.slice(4), env);
    if (event.id.startsWith('svc:')) {
      const code = event.id.slice(4);
      return services.some((s) => s.code === code) ? { go: 'service', code } : { go: 'reprompt', note: env.tr('common.stale_choice') };
    }
    return { go: 'unhandled' };
  }
  if (event.type !== 'text') return { go: 'unhandled' };
  const typed = squash(event.text);
  if (typed.length < 2) return { go: 'reprompt', note: env.tr('services.not_understood') };
  const scope = screen.category === null ? services : services.filter((s) => s.category === screen.category);
  const names = (s: Service) => [s.code, s.name.id, s.name.en, serviceShortName(s, env)].map(squash);
  const exact = scope.filter((s) => names(s).includes(typed));
  if (exact.length === 1) return { go: 'service', code: exact[0]!.code };
  const containing = scope.filter((s) => names(s).some((n) => n.includes(typed)));
  if (containing.length === 1) return { go: 'service', code: containing[0]!.code };
  if (screen.category === null && byCategory(screen.purpose, env)) {
    const categories = categoriesOf(services).filter((c) => squash(c) === typed || squash(categoryTitle(c, env)).includes(typed));
    if (categories.length === 1) return chooseCategory(screen, categories[0]!, env);
  }
  return { go: 'unhandled' };
}

function chooseCategory(screen: ServicesScreen, category: string, env: Env): PickerAction {
  const inCategory = servicesFor(screen.purpose, env).filter((s) => s.category === category);
  if (inCategory.length === 0) return { go: 'reprompt', note: env.tr('common.stale_choice') };
  if (inCategory.length === 1) return { go: 'service', code: inCategory[0]!.code };
  return { go: 'screen', screen: { ...screen, category, page: 0 } };
}

// ---------------------------------------------------------------------------------------------
// A service in words

function slaText(days: number, env: Env): string {
  if (days === 0) return env.tr('info.sla_same_day');
  return days === 1 ? env.tr('info.sla_one_day') : env.tr('info.sla_days', { days });
}

function itemLine(item: ChecklistItem, env: Env): string {
  const alternatives = item.alternatives.map((a) => documentLabel(a, env));
  const parts = [pick(item.label, env.locale)];
  if (alternatives.length > 0) parts.push(env.tr('info.or', { alternatives: alternatives.join(' / ') }));
  let line = parts.join(' ');
  if (item.details) line += ` — ${pick(item.details, env.locale)}`;
  if (item.when) line += ` ${env.tr('info.when', { condition: pick(describeCondition(item.when), env.locale) })}`;
  return line;
}

/**
 * Whether the service's own requirement rules ask foreigners for something else: then a citizen is
 * shown the list for a WNI (the catalogue's rules resolved with `foreign: false`), and the WNA list
 * is one word away, instead of passport and KITAP lines a WNI has nothing to do with.
 */
export function differsForForeigners(service: Service): boolean {
  const keyOf = (foreign: boolean) => JSON.stringify(requirementsFor(service, { foreign }));
  return keyOf(true) !== keyOf(false);
}

export function serviceInfoText(service: Service, env: Env, foreign = false): string {
  const split = differsForForeigners(service);
  const checklist = requirementsFor(service, split ? { foreign } : {});
  const title = split && foreign ? `${serviceName(service, env)} (${env.tr('info.foreign_title')})` : serviceName(service, env);
  const lines: string[] = [`*${title}*`];
  if (service.description) lines.push(pick(service.description, env.locale));
  // The description already says who may apply; the eligibility rule in words is for services without one.
  if (service.eligibility && !service.description) lines.push(env.tr('info.eligibility', { condition: pick(describeCondition(service.eligibility), env.locale) }));

  const needed = checklist.items.filter((i) => i.need !== 'optional');
  const optional = checklist.items.filter((i) => i.need === 'optional');
  lines.push('', `*${env.tr('info.requirements')}*`, ...needed.map((item, i) => `${i + 1}. ${itemLine(item, env)}`));
  if (optional.length > 0) lines.push('', `*${env.tr('info.optional')}*`, ...optional.map((item) => `• ${itemLine(item, env)}`));

  const fields = checklist.fields.filter((f) => f.need === 'required').map((f) => pick(f.label, env.locale));
  if (fields.length > 0) lines.push('', `*${env.tr('info.fields')}* ${fields.join(', ')}`);

  const outputs = checklist.outputs.map((o) => {
    const label = pick(OUTPUT_DOCUMENT_LABELS[o.document], env.locale);
    return o.when ? `${label} ${env.tr('info.when', { condition: pick(describeCondition(o.when), env.locale) })}` : label;
  });
  lines.push('', `*${env.tr('info.outputs')}* ${outputs.join('; ')}`);
  lines.push(`*${env.tr('info.fee')}* ${env.tr('info.free')}`);

  const online = service.channels.includes('whatsapp');
  const standard = online ? slaFor(service, 'whatsapp') : service.slaWorkingDays;
  lines.push(`*${env.tr('info.time')}* ${slaText(standard, env)}`);
  for (const [channel, days] of Object.entries(service.slaWorkingDaysByChannel ?? {})) {
    if (channel === 'whatsapp' || days === undefined) continue;
    const label = CHANNEL_LABELS[channel as keyof typeof CHANNEL_LABELS];
    if (label) lines.push(`• ${pick(label, env.locale)}: ${slaText(days, env)}`);
  }
  const channels = service.channels.map((c) => pick(CHANNEL_LABELS[c], env.locale)).join(', ');
  lines.push('', online ? env.tr('info.online_yes') : homeVisitOnly(service.channels, 'whatsapp') ? env.tr('info.online_home_visit', { channels }) : env.tr('info.online_no', { channels }));
  if (split && !foreign) lines.push(env.tr('info.foreign_differs'));
  return lines.join('\n');
}

export function serviceInfoButtons(service: Service, env: Env): OutboundMessage[] {
  const choices = [
    ...(service.channels.includes('whatsapp') || homeVisitOnly(service.channels, 'whatsapp') ? [{ id: `apply:${service.code}`, title: env.tr('info.apply_now') }] : []),
    { id: 'nav:services', title: env.tr('info.other_services') },
    { id: 'nav:menu', title: env.tr('common.main_menu') },
  ];
  return buttons(env, env.tr('info.next'), choices);
}

export function serviceInfoPrompt(service: Service, env: Env, foreign = false): OutboundMessage[] {
  // The requirements are worth keeping as a plain message the user can scroll back to and forward.
  return [...text(serviceInfoText(service, env, foreign)), ...serviceInfoButtons(service, env)];
}
