/**
 * The application questions: how each is asked and how an answer is read. Which question comes
 * next is application-plan.ts's business; this module only turns one message into "answered"
 * (move on) or "stay" (say what was wrong and ask again).
 */
import { describeCondition, eligibilityReasonOf, type ChecklistItem, type Service } from '../catalogue/catalogue.js';
import { readFieldValue, type FieldProblemCode } from '../catalogue/field-values.js';
import { DATA_FIELD_DEFINITIONS, OUTPUT_DOCUMENT_LABELS, type DataField, type LocalizedText } from '../catalogue/vocabulary.js';
import { ACCOMMODATION_LABELS, ACCOMMODATIONS, DISABILITY_KIND_LABELS, DISABILITY_KINDS, homeVisitOnly, type Accommodation, type DisabilityKind } from '../requests/special-needs.js';
import { formatIsoDate, isRealDate } from '../identity/calendar-date.js';
import { kiaEligibility } from '../identity/kia.js';
import { normaliseNikInput, parseNik, type NikErrorCode } from '../identity/nik.js';
import { t } from '../i18n/i18n.js';
import { problemsFor, retakeHints } from '../photos/upload.js';
import { isSafeText } from '../platform/safe-text.js';
import {
  SELF,
  ageOn,
  answered,
  clearAnswer,
  contextOf,
  deliveryChosen,
  detailFields,
  documentItems,
  fieldLabel,
  isSkippable,
  needsKept,
  nikMayBeSkipped,
  planOf,
  relationsFor,
  requirementsFor,
  subjectKind,
} from './application-plan.js';
import { documentLabel, documentShortLabel, serviceName } from './dialogue-catalogue.js';
import type { DocumentRefusal, InboundEvent, OutboundMessage, PhotoSeen } from './dialogue-contract.js';
import { formatBytes, formatDate } from './dialogue-format.js';
import { buttons, chooseSeveral, isKeyword, list, normalise, readYesNo, pageFromChoice, pageOf, pick, prepend, squash, text, textLocale, trOr, type Env, type Row } from './dialogue-kit.js';
import type { Draft } from './dialogue-state.js';
import { documentToRedo } from './document-redo.js';
import { readRelation } from './relations.js';

export type AnswerResult =
  | { kind: 'next'; draft: Draft; note?: string }
  | { kind: 'stay'; replies: OutboundMessage[]; page?: number }
  | { kind: 'submit' }
  | { kind: 'edit' }
  | { kind: 'cancel'; note?: string };

const stay = (replies: OutboundMessage[], page?: number): AnswerResult => (page === undefined ? { kind: 'stay', replies } : { kind: 'stay', replies, page });

// ---------------------------------------------------------------------------------------------
// Reading typed values

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1, feb: 2, februari: 2, february: 2, peb: 2, pebruari: 2, mar: 3, maret: 3, march: 3,
  apr: 4, april: 4, mei: 5, may: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, agu: 8, agt: 8, agus: 8,
  agustus: 8, aug: 8, august: 8, sep: 9, sept: 9, september: 9, okt: 10, oktober: 10, oct: 10, october: 10,
  nov: 11, nop: 11, november: 11, nopember: 11, des: 12, desember: 12, dec: 12, december: 12,
};

/** "14-05-2019", "14/5/2019", "14 Mei 2019", "2019-05-14" → '2019-05-14'; undefined otherwise. */
export function parseTypedDate(input: string): string | undefined {
  const parts = normalise(input).split(' ');
  if (parts.length !== 3) return undefined;
  const yearFirst = /^\d{4}$/.test(parts[0]!);
  const [d, m, y] = yearFirst ? [parts[2]!, parts[1]!, parts[0]!] : [parts[0]!, parts[1]!, parts[2]!];
  if (!/^\d{1,2}$/.test(d) || !/^\d{4}$/.test(y)) return undefined;
  const month = /^\d{1,2}$/.test(m) ? Number(m) : MONTHS[m];
  const [year, day] = [Number(y), Number(d)];
  if (month === undefined || !isRealDate(year, month, day)) return undefined;
  return formatIsoDate({ year, month, day });
}

/** A person's name as typed, or the key of what is wrong with it. */
function readName(input: string): { name: string } | { problem: string } {
  const name = input.replace(/\s+/g, ' ').trim();
  // Would pass here and fail the submission at the very end with a general error.
  if (!isSafeText(name, 'line')) return { problem: 'apply.field.err_control' };
  if (/\d/.test(name)) return { problem: 'apply.name.digits' };
  if ((name.match(/\p{L}/gu) ?? []).length < 2) return { problem: 'apply.name.too_short' };
  if (name.length > 120) return { problem: 'apply.name.too_long' };
  return { name };
}

const SEX_WORDS: Record<string, 'L' | 'P'> = {
  l: 'L', laki: 'L', 'laki laki': 'L', lakilaki: 'L', pria: 'L', cowok: 'L', male: 'L', m: 'L', boy: 'L', lk: 'L',
  p: 'P', perempuan: 'P', wanita: 'P', cewek: 'P', female: 'P', f: 'P', girl: 'P', pr: 'P',
};

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * Desa matching a typed name: exact, then contained either way ("desa ledug rt 3", "sambeng"),
 * then one or two typos for longer names. Case, spaces and punctuation never matter.
 */
export function matchDesa<D extends { code: string; name: string }>(input: string, desa: readonly D[]): D[] {
  const typed = squash(input).replace(/^(desa|kelurahan|kel|ds)(?=\p{L}{3})/u, '');
  if (typed.length < 3) return [];
  const named = desa.map((d) => ({ d, n: squash(d.name) }));
  const exact = named.filter((x) => x.n === typed);
  if (exact.length > 0) return exact.map((x) => x.d);
  const containing = named.filter((x) => x.n.includes(typed) || typed.includes(x.n));
  if (containing.length > 0) return containing.map((x) => x.d);
  return named.filter((x) => editDistance(x.n, typed) <= (x.n.length >= 8 ? 2 : 1)).map((x) => x.d);
}

/** A polite word for anything that is not the text or choice a question waits for. */
export function offTopicNote(event: InboundEvent, env: Env): string {
  switch (event.type) {
    case 'voice':
      return env.tr('common.voice');
    case 'document':
      return env.tr('apply.text_expected');
    case 'location':
      return env.tr('common.location');
    case 'choice':
      return env.tr('common.stale_choice');
    default:
      return env.tr('common.unsupported');
  }
}

// ---------------------------------------------------------------------------------------------
// Asking

function docItem(service: Service, draft: Draft, env: Env, document: string): ChecklistItem | undefined {
  return documentItems(service, draft, env).find((i) => i.document === document);
}

function isKia(service: Service): boolean {
  return service.outputs.some((o) => o.document === 'kia');
}

function nikConfirmBody(service: Service, draft: Draft, env: Env): string {
  const birth = draft.birthDate ?? env.today;
  const lines = [
    env.tr('apply.nik_confirm.body', {
      nik: draft.nik,
      birth: formatDate(birth, env),
      age: ageOn(birth, env.today) ?? 0,
      sex: env.tr(`sex.${draft.sex ?? 'L'}`),
    }),
  ];
  if (isKia(service)) {
    const kia = kiaEligibility({ birthDate: birth, applicationDate: env.today, everMarried: false });
    if (kia.eligible) lines.push(env.tr(`apply.kia_variant.${kia.validity.variant}`, { until: formatDate(kia.validity.validUntil, env) }));
  }
  lines.push(env.tr('apply.nik_confirm.question'));
  return lines.join('\n\n');
}

/** The document answered just before this question, when there is one: the upload a citizen may want to redo. */
export function previousDocument(draft: Draft): string | undefined {
  const last = draft.order.at(-1);
  if (!last?.startsWith('doc:')) return undefined;
  const document = last.slice('doc:'.length);
  const sent = draft.docs[document];
  return sent && 'fileId' in sent ? document : undefined;
}

/**
 * One document asked for. `brief`: a re-ask after something else came, without the how-to again.
 * Every step after an upload says how to send that one again ("kembali" / the button), and a
 * document being replaced says so and offers to keep the earlier one.
 */
function documentPrompt(service: Service, draft: Draft, env: Env, document: string, brief = false): OutboundMessage[] {
  const item = docItem(service, draft, env, document);
  if (!item) return text(env.tr('common.not_understood'));
  const docKeys = planOf(service, draft, env).filter((k) => k.startsWith('doc:'));
  const chosen = draft.docChoice[document] ?? document;
  const replacing = draft.replacing?.document === document;
  const heading = { n: docKeys.indexOf(`doc:${document}`) + 1, total: docKeys.length, doc: documentLabel(chosen, env) };
  const lines = [env.tr(replacing ? 'apply.doc.ask_again' : 'apply.doc.ask', heading)];
  if (!brief) {
    // The photo hint says size and colour already; the catalogue's details would repeat them.
    if (item.photo) lines.push(env.tr('apply.doc.photo_hint', { width: item.photo.widthCm, height: item.photo.heightCm }));
    else if (item.details && chosen === item.document) lines.push(pick(item.details, env.locale));
    lines.push(env.tr('apply.doc.how'));
  }
  const choices: { id: string; title: string }[] = [];
  if (replacing) choices.push({ id: 'redo:keep', title: env.tr('apply.doc.keep_button') });
  if (isSkippable(item) && !replacing) {
    lines.push(env.tr('apply.doc.optional'));
    choices.push({ id: 'doc:skip', title: env.tr('apply.doc.skip') });
  }
  const previous = replacing ? undefined : previousDocument(draft);
  if (previous) {
    lines.push(env.tr('apply.doc.redo_hint', { doc: documentShortLabel(draft.docChoice[previous] ?? previous, env) }));
    choices.push({ id: `redo:${previous}`, title: env.tr('apply.doc.redo_button') });
  }
  return choices.length > 0 ? buttons(env, lines.join('\n'), choices) : text(lines.join('\n'));
}

function summaryBody(service: Service, draft: Draft, env: Env): string {
  const tr = env.tr;
  const lines = [tr('apply.summary.title', { service: serviceName(service, env) }), ''];
  if (draft.nik) lines.push(`${fieldLabel(service, 'subject_nik', env)}: ${draft.nik}`);
  else if (draft.nikSkipped) lines.push(`${fieldLabel(service, 'subject_nik', env)}: ${tr('apply.summary.no_nik')}`);
  lines.push(`${fieldLabel(service, 'subject_name', env)}: ${draft.subjectName ?? '–'}`);
  const birthAndSex = [draft.birthDate ? formatDate(draft.birthDate, env) : '', draft.sex ? tr(`sex.${draft.sex}`) : ''].filter(Boolean);
  if (birthAndSex.length > 0) lines.push(`${tr('apply.summary.birth')}: ${birthAndSex.join(' · ')}`);
  if (draft.foreign !== undefined) lines.push(`${tr('apply.summary.nationality')}: ${tr(draft.foreign ? 'apply.fact_foreign.wna' : 'apply.fact_foreign.wni')}`);
  if (draft.hasBirthCertificate !== undefined) lines.push(`${tr('apply.summary.akta')}: ${tr(draft.hasBirthCertificate ? 'apply.summary.has' : 'apply.summary.has_not')}`);
  const applicant = draft.relation === SELF ? draft.subjectName : draft.applicantName;
  lines.push(`${tr('apply.summary.applicant')}: ${applicant ?? '–'} (${relationLabel(draft.relation ?? '', env)})`);
  for (const field of detailFields(service, draft, env)) {
    const value = draft.fields?.[field.field];
    if (value) lines.push(`${pick(field.label, env.locale)}: ${showFieldValue(field.field, value, env)}`);
  }
  const desa = env.ctx.desa.find((d) => d.code === draft.desaCode);
  lines.push(`${tr('apply.summary.desa')}: ${desa?.name ?? '–'}`);
  lines.push(`${tr('apply.summary.documents')}:`);
  for (const item of documentItems(service, draft, env)) {
    const sent = draft.docs[item.document];
    const label = documentShortLabel(sent && 'fileId' in sent ? sent.documentType : item.document, env);
    lines.push(sent && 'fileId' in sent ? `✅ ${label}` : `➖ ${label} (${tr('apply.summary.skipped')})`);
  }
  lines.push(`${tr('apply.summary.needs')}: ${needsSummary(draft, env)}`);
  lines.push(`${tr('apply.summary.hand_over')}: ${tr(`apply.hand_over.${deliveryChosen(draft) ? 'home_delivery' : 'pickup'}`)}`);
  if (deliveryChosen(draft)) {
    if (draft.deliveryAddress) lines.push(`${tr('apply.summary.delivery_address')}: ${draft.deliveryAddress.replace(/\n/g, ', ')}`);
    if (draft.deliveryPhone) lines.push(`${tr('apply.summary.delivery_phone')}: ${localPhone(draft.deliveryPhone)}`);
  }
  const outputs = requirementsFor(service, contextOf(draft, env)).outputs.filter((o) => !o.when);
  lines.push(`${tr('apply.summary.outputs')}: ${outputs.map((o) => pick(OUTPUT_DOCUMENT_LABELS[o.document], env.locale)).join(', ')}`);
  lines.push('', tr('apply.summary.question'));
  return lines.join('\n');
}

/** "Disabilitas (fisik, netra) · petugas datang ke rumah, dokumen diantar ke rumah", or "tidak ada". */
function needsSummary(draft: Draft, env: Env): string {
  const tr = env.tr;
  if (!needsKept(draft)) return tr('apply.summary.none');
  const kinds = (draft.disabilityKinds ?? []).filter(isDisabilityKind).map((k) => shortLabel(DISABILITY_KIND_LABELS[k], env));
  const who = draft.disability === 'yes' ? `${tr('apply.disability.yes')}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}` : tr('apply.disability.elderly');
  const help = (draft.accommodations ?? []).filter(isAccommodation).map((a) => shortLabel(ACCOMMODATION_LABELS[a], env));
  return [who, help.join(', ') || tr('apply.needs.no_help'), draft.disabilityNeeds].filter(Boolean).join(' · ');
}

/** A label without its example in brackets, for a one-line summary. */
function shortLabel(label: LocalizedText, env: Env): string {
  return pick(label, env.locale).replace(/\s*\(.*\)$/, '');
}

const isDisabilityKind = (k: string): k is DisabilityKind => (DISABILITY_KINDS as readonly string[]).includes(k);
const isAccommodation = (a: string): a is Accommodation => (ACCOMMODATIONS as readonly string[]).includes(a);

/** A numbered list in the message text: several may be typed at once, which a WhatsApp list cannot take. */
function numberedLines(labels: readonly LocalizedText[], env: Env): string {
  return labels.map((l, i) => `*${i + 1}*. ${pick(l, env.locale)}`).join('\n');
}

/** A detail as the user reads it back: a date in words, a list of names on one line. */
function showFieldValue(field: DataField, value: string, env: Env): string {
  if (DATA_FIELD_DEFINITIONS[field].input === 'date') return formatDate(value, env);
  return value.replace(/\n/g, '; ');
}

function fieldPrompt(service: Service, draft: Draft, env: Env, field: DataField): OutboundMessage[] {
  const spec = detailFields(service, draft, env).find((f) => f.field === field);
  if (!spec) return text(env.tr('common.not_understood'));
  const label = pick(spec.label, env.locale);
  const optional = spec.need !== 'required';
  const lines = [env.tr(optional ? 'apply.field.ask_optional' : 'apply.field.ask', { label })];
  const hint = trOr(env, `apply.field.hint.${field}`, '');
  if (hint) lines.push(hint);
  if (!optional) return text(lines.join('\n'));
  lines.push(env.tr('apply.field.optional'));
  return buttons(env, lines.join('\n'), [{ id: 'field:skip', title: env.tr('apply.field.skip') }]);
}

/** 6281227001234 → 0812-2700-1234, as people write their number. */
function localPhone(waId: string): string {
  const local = waId.startsWith('62') ? `0${waId.slice(2)}` : waId;
  return local.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
}

export function relationLabel(code: string, env: Env): string {
  const label = env.tr(`relations.${code}`);
  return label === `bot.relations.${code}` ? code : label;
}

function desaPrompt(env: Env, page: number): OutboundMessage[] {
  const { rows, pages } = pageOf(env, env.ctx.desa, page, (d) => ({ id: `desa:${d.code}`, title: d.name }));
  const body = env.tr(pages > 1 ? 'apply.desa.ask_pages' : 'apply.desa.ask', { office: env.ctx.office.name, pages });
  return list(env, body, env.tr('apply.desa.button'), env.tr('apply.desa.section'), rows);
}

/** `brief`: asked again after an answer that did not fit — the question and its options, not the whole explanation again. */
export function questionPrompt(key: string, service: Service, draft: Draft, env: Env, page = 0, brief = false): OutboundMessage[] {
  const tr = env.tr;
  if (key.startsWith('doc_choice:')) {
    const item = docItem(service, draft, env, key.slice('doc_choice:'.length));
    if (!item) return text(tr('common.not_understood'));
    const rows: Row[] = [item.document, ...item.alternatives].map((type) => ({
      id: `alt:${type}`,
      title: documentShortLabel(type, env),
      description: documentLabel(type, env),
    }));
    return list(env, tr('apply.doc_choice.ask', { doc: documentLabel(item.document, env) }), tr('common.choose_button'), tr('apply.doc_choice.section'), rows);
  }
  if (key.startsWith('doc:')) return documentPrompt(service, draft, env, key.slice('doc:'.length), brief);
  if (key.startsWith('field:')) return fieldPrompt(service, draft, env, key.slice('field:'.length) as DataField);
  switch (key) {
    case 'nik': {
      const optional = nikMayBeSkipped(service, draft, env);
      const body = tr('apply.nik.ask', { label: fieldLabel(service, 'subject_nik', env) });
      return optional ? buttons(env, `${body}\n${tr('apply.nik.optional')}`, [{ id: 'nik:skip', title: tr('apply.nik.skip') }]) : text(body);
    }
    case 'nik_confirm':
      return buttons(env, brief ? tr('apply.nik_confirm.question') : nikConfirmBody(service, draft, env), [
        { id: 'nik:yes', title: tr('common.yes') },
        { id: 'nik:no', title: tr('common.no') },
      ]);
    case 'subject_name':
      return text(tr('apply.subject_name.ask', { label: fieldLabel(service, 'subject_name', env) }));
    case 'birth_date':
      return text(tr('apply.birth_date.ask', { label: fieldLabel(service, 'subject_birth_date', env) }));
    case 'sex':
      return buttons(env, tr('apply.sex.ask'), [
        { id: 'sex:L', title: tr('sex.L') },
        { id: 'sex:P', title: tr('sex.P') },
      ]);
    case 'fact_foreign':
      return buttons(env, tr('apply.fact_foreign.ask'), [
        { id: 'foreign:no', title: tr('apply.fact_foreign.wni') },
        { id: 'foreign:yes', title: tr('apply.fact_foreign.wna') },
      ]);
    case 'fact_akta':
      return buttons(env, tr('apply.fact_akta.ask'), [
        { id: 'akta:yes', title: tr('apply.fact_akta.has') },
        { id: 'akta:no', title: tr('apply.fact_akta.has_not') },
      ]);
    case 'relation': {
      const rows = relationsFor(service).map((code) => ({ id: `rel:${code}`, title: relationLabel(code, env) }));
      return list(env, tr(`apply.relation.ask_${subjectKind(service)}`), tr('common.choose_button'), tr('apply.relation.section'), rows);
    }
    case 'applicant_name':
      return text(tr('apply.applicant_name.ask'));
    case 'desa':
      return desaPrompt(env, page);
    case 'disability': {
      const question = tr(`apply.disability.question_${subjectKind(service)}`);
      const offer = homeVisitOnly(service.channels, 'whatsapp') ? tr('apply.needs.visit_only_intro', { service: serviceName(service, env) }) : tr('apply.disability.offer', { office: env.ctx.office.name });
      return buttons(env, brief ? question : `${offer}\n\n${question}`, [
        { id: 'dis:none', title: tr('apply.disability.none') },
        { id: 'dis:yes', title: tr('apply.disability.yes') },
        { id: 'dis:elderly', title: tr('apply.disability.elderly') },
      ]);
    }
    case 'needs_consent':
      return buttons(env, tr('apply.needs.consent'), [
        { id: 'consent:yes', title: tr('apply.needs.consent_yes') },
        { id: 'consent:no', title: tr('apply.needs.consent_no') },
      ]);
    case 'disability_kinds':
      return text(brief ? tr('apply.needs.kinds_brief') : `${tr('apply.needs.kinds')}\n\n${numberedLines(DISABILITY_KINDS.map((k) => DISABILITY_KIND_LABELS[k]), env)}`);
    case 'accommodations':
      return text(
        brief
          ? tr('apply.needs.help_brief')
          : `${homeVisitOnly(service.channels, 'whatsapp') ? `${tr('apply.needs.visit_included')}\n\n` : ''}${tr('apply.needs.help')}\n\n${numberedLines(ACCOMMODATIONS.map((a) => ACCOMMODATION_LABELS[a]), env)}`,
      );
    case 'disability_detail':
      return text(tr('apply.disability.detail'));
    case 'delivery_address':
      return text(brief ? tr('apply.delivery.address_brief') : tr('apply.delivery.address'));
    case 'delivery_phone':
      return buttons(env, tr('apply.delivery.phone', { phone: localPhone(env.ctx.waId) }), [{ id: 'dphone:same', title: tr('apply.delivery.same_button') }]);
    default:
      // Twenty lines again for a wrong tap would bury the question: the re-ask names the buttons only.
      return buttons(env, brief ? tr('apply.summary.brief') : summaryBody(service, draft, env), [
        { id: 'sum:send', title: tr('apply.summary.send') },
        { id: 'sum:edit', title: tr('apply.summary.edit') },
        { id: 'sum:cancel', title: tr('apply.summary.cancel') },
      ]);
  }
}

// ---------------------------------------------------------------------------------------------
// Answering

type Reader = (service: Service, draft: Draft, event: InboundEvent, env: Env, page: number) => AnswerResult;

/** Re-asks `key` after a note saying what was wrong. */
function again(note: string, key: string, service: Service, draft: Draft, env: Env, page = 0): AnswerResult {
  return stay(prepend(note, questionPrompt(key, service, draft, env, page, true)), page);
}

/** The NIK typed, checked on the spot: parsed, then whether this person may have this service at all. */
function readNik(service: Service, draft: Draft, raw: string, env: Env): AnswerResult {
  const parsed = parseNik(raw, { regions: env.ctx.regions, today: env.today });
  if (!parsed.ok) return again(nikProblem(parsed.errors, raw, env), 'nik', service, draft, env);
  const age = ageOn(parsed.birthDate, env.today) ?? 0;
  const probe: Draft = { ...draft, birthDate: parsed.birthDate };
  const eligibility = requirementsFor(service, contextOf(probe, env)).eligibility;
  if (eligibility === 'ineligible') return stay(ineligible(service, parsed.birthDate, age, env));
  const next: Draft = { ...clearAnswer(draft, 'nik'), nik: parsed.nik, birthDate: parsed.birthDate, birthFromNik: true, sex: parsed.sex, sexFromNik: true };
  return { kind: 'next', draft: answered(next, 'nik') };
}

/**
 * "Belum punya NIK" was chosen, and a later answer (the child has an akta, or is a WNA) puts the
 * child outside the combined path: a registered child has a NIK on the KK, so it is asked again.
 */
function nikStillSkippable(service: Service, draft: Draft, env: Env): AnswerResult {
  if (!draft.nikSkipped || nikMayBeSkipped(service, draft, env)) return { kind: 'next', draft };
  const { nikSkipped: _dropped, ...rest } = draft;
  return { kind: 'next', draft: { ...rest, order: rest.order.filter((k) => k !== 'nik') }, note: env.tr('apply.nik.needed_after_all') };
}

function nikProblem(errors: readonly NikErrorCode[], raw: string, env: Env): string {
  if (errors.includes('format')) {
    const digits = normaliseNikInput(raw).replace(/\D/g, '').length;
    return digits === 0 ? env.tr('apply.nik.err_not_number') : env.tr('apply.nik.err_format', { count: digits });
  }
  const problems: string[] = [];
  if (errors.includes('province_unknown')) problems.push(env.tr('apply.nik.err_region'));
  if (errors.some((e) => e === 'day_invalid' || e === 'month_invalid' || e === 'date_invalid')) problems.push(env.tr('apply.nik.err_date'));
  if (errors.includes('serial_zero')) problems.push(env.tr('apply.nik.err_serial'));
  return [env.tr('apply.nik.err_intro'), ...problems.map((p) => `• ${p}`), env.tr('apply.nik.err_outro')].join('\n');
}

function ineligible(service: Service, birthDate: string, age: number, env: Env): OutboundMessage[] {
  let body: string;
  const kia = isKia(service) ? kiaEligibility({ birthDate, applicationDate: env.today, everMarried: false }) : undefined;
  if (kia && !kia.eligible && kia.reasons.includes('age_17_reached')) body = env.tr('apply.ineligible_kia_17', { age, birth: formatDate(birthDate, env) });
  else body = env.tr('apply.ineligible', { reason: pick(eligibilityReasonOf(service), env.locale), age });
  return buttons(env, body, [
    { id: 'q:retry', title: env.tr('apply.nik.other') },
    { id: 'nav:staff', title: env.tr('common.staff') },
    { id: 'nav:menu', title: env.tr('common.main_menu') },
  ]);
}

const readers: Record<string, Reader> = {
  nik(service, draft, event, env) {
    const optional = nikMayBeSkipped(service, draft, env);
    if (event.type === 'choice' && event.id === 'nik:skip' && optional) return { kind: 'next', draft: answered({ ...clearAnswer(draft, 'nik'), nikSkipped: true }, 'nik') };
    if (event.type === 'choice' && event.id === 'q:retry') return stay(questionPrompt('nik', service, draft, env));
    if (event.type !== 'text') return again(offTopicNote(event, env), 'nik', service, draft, env);
    if (optional && isKeyword(event.text, 'skip')) return { kind: 'next', draft: answered({ ...clearAnswer(draft, 'nik'), nikSkipped: true }, 'nik') };
    if (isKeyword(event.text, 'greeting')) return again(env.tr('apply.greeting_mid_flow', { service: serviceName(service, env) }), 'nik', service, draft, env);
    return readNik(service, draft, event.text, env);
  },
  nik_confirm(service, draft, event, env) {
    const yes = (event.type === 'choice' && event.id === 'nik:yes') || (event.type === 'text' && isKeyword(event.text, 'yes'));
    const no = (event.type === 'choice' && event.id === 'nik:no') || (event.type === 'text' && isKeyword(event.text, 'no'));
    if (yes) return { kind: 'next', draft: answered({ ...draft, nikConfirmed: true }, 'nik_confirm') };
    if (no) return { kind: 'next', draft: clearAnswer(draft, 'nik'), note: env.tr('apply.nik.recheck') };
    // A NIK typed instead of Ya/Tidak is a correction: read it as the new NIK.
    if (event.type === 'text' && /^\d{10,}$/.test(normaliseNikInput(event.text))) return readNik(service, draft, event.text, env);
    return again(env.tr('apply.use_buttons'), 'nik_confirm', service, draft, env);
  },
  subject_name: nameReader('subject_name', (draft, name) => ({ ...draft, subjectName: name })),
  applicant_name: nameReader('applicant_name', (draft, name) => ({ ...draft, applicantName: name })),
  birth_date(service, draft, event, env) {
    if (event.type === 'choice' && event.id === 'q:retry') return stay(questionPrompt('birth_date', service, draft, env));
    if (event.type !== 'text') return again(offTopicNote(event, env), 'birth_date', service, draft, env);
    const date = parseTypedDate(event.text);
    if (!date) return again(env.tr('apply.birth_date.invalid'), 'birth_date', service, draft, env);
    const age = ageOn(date, env.today);
    if (age === undefined) return again(env.tr('apply.birth_date.future'), 'birth_date', service, draft, env);
    if (age > 130) return again(env.tr('apply.birth_date.invalid'), 'birth_date', service, draft, env);
    const probe: Draft = { ...draft, birthDate: date };
    if (requirementsFor(service, contextOf(probe, env)).eligibility === 'ineligible') return stay(ineligible(service, date, age, env));
    return { kind: 'next', draft: answered({ ...draft, birthDate: date, birthFromNik: false }, 'birth_date') };
  },
  sex(service, draft, event, env) {
    const value = event.type === 'choice' ? ({ 'sex:L': 'L', 'sex:P': 'P' } as const)[event.id] : event.type === 'text' ? SEX_WORDS[normalise(event.text)] : undefined;
    if (!value) return again(env.tr('apply.use_buttons'), 'sex', service, draft, env);
    return { kind: 'next', draft: answered({ ...draft, sex: value, sexFromNik: false }, 'sex') };
  },
  fact_foreign(service, draft, event, env) {
    const typed = event.type === 'text' ? normalise(event.text) : '';
    const citizen = (event.type === 'choice' && event.id === 'foreign:no') || ['wni', 'indonesia', 'warga negara indonesia'].includes(typed) || (event.type === 'text' && isKeyword(event.text, 'yes'));
    const foreign = (event.type === 'choice' && event.id === 'foreign:yes') || ['wna', 'asing', 'foreign', 'kitap'].includes(typed) || (event.type === 'text' && isKeyword(event.text, 'no'));
    if (!citizen && !foreign) return again(env.tr('apply.use_buttons'), 'fact_foreign', service, draft, env);
    return nikStillSkippable(service, answered({ ...draft, foreign }, 'fact_foreign'), env);
  },
  fact_akta(service, draft, event, env) {
    const has = (event.type === 'choice' && event.id === 'akta:yes') || (event.type === 'text' && isKeyword(event.text, 'yes'));
    const hasNot = (event.type === 'choice' && event.id === 'akta:no') || (event.type === 'text' && isKeyword(event.text, 'no'));
    if (!has && !hasNot) return again(env.tr('apply.use_buttons'), 'fact_akta', service, draft, env);
    const note = hasNot ? env.tr('apply.fact_akta.combined') : undefined;
    const next = nikStillSkippable(service, answered({ ...draft, hasBirthCertificate: has }, 'fact_akta'), env);
    return next.kind === 'next' && !next.note && note ? { ...next, note } : next;
  },
  relation(service, draft, event, env) {
    const allowed = relationsFor(service);
    let relation: string | undefined;
    if (event.type === 'choice' && event.id.startsWith('rel:') && allowed.includes(event.id.slice(4))) relation = event.id.slice(4);
    const typed = event.type === 'text' ? event.text : '';
    const notAnAnswer = (['greeting', 'yes', 'no', 'skip'] as const).some((kind) => isKeyword(typed, kind));
    let relationText: string | undefined;
    if (event.type === 'text' && !notAnAnswer) {
      const typed = squash(event.text);
      const word = event.text.replace(/\s+/g, ' ').trim();
      relation = allowed.find((code) => squash(relationLabel(code, env)) === typed || squash(code) === typed);
      // "saya ibunya" is the mother; kakek, paman, tetangga…: another family member, or whoever they say.
      relation ??= readRelation(word, allowed);
      if (!relation && /\p{L}/u.test(word) && !/\d/.test(word) && word.length <= 40) relation = allowed.includes('keluarga') ? 'keluarga' : undefined;
      // The officer still reads the words as typed beside the code.
      if (relation && squash(relationLabel(relation, env)) !== typed) relationText = word.slice(0, 80);
    }
    if (!relation) return again(offTopicNote(event, env), 'relation', service, draft, env);
    const { relationText: _earlier, ...rest } = draft;
    return { kind: 'next', draft: answered({ ...rest, relation, ...(relationText && { relationText }) }, 'relation') };
  },
  desa(service, draft, event, env, page) {
    if (event.type === 'choice') {
      const next = pageFromChoice(event.id);
      if (next !== undefined) return stay(desaPrompt(env, next), next);
      const chosen = env.ctx.desa.find((d) => `desa:${d.code}` === event.id);
      // Said back, as for a typed name: a row chosen by typing its number should be confirmed too.
      if (chosen) return { kind: 'next', draft: answered({ ...draft, desaCode: chosen.code }, 'desa'), note: env.tr('apply.desa.chosen', { name: chosen.name }) };
      return again(env.tr('common.stale_choice'), 'desa', service, draft, env, page);
    }
    if (event.type !== 'text') return again(offTopicNote(event, env), 'desa', service, draft, env, page);
    const matches = matchDesa(event.text, env.ctx.desa);
    if (matches.length === 1) {
      const only = matches[0]!;
      return { kind: 'next', draft: answered({ ...draft, desaCode: only.code }, 'desa'), note: env.tr('apply.desa.chosen', { name: only.name }) };
    }
    if (matches.length > 1 && matches.length <= 10) {
      const rows = matches.map((d) => ({ id: `desa:${d.code}`, title: d.name }));
      return stay(list(env, env.tr('apply.desa.several', { typed: event.text.trim().slice(0, 60) }), env.tr('apply.desa.button'), env.tr('apply.desa.section'), rows), page);
    }
    return again(env.tr('apply.desa.not_found', { typed: event.text.trim().slice(0, 60), office: env.ctx.office.name }), 'desa', service, draft, env, page);
  },
  disability(service, draft, event, env) {
    const typed = event.type === 'text' ? normalise(event.text) : '';
    const none = (event.type === 'choice' && event.id === 'dis:none') || (event.type === 'text' && (isKeyword(event.text, 'no') || isKeyword(event.text, 'skip') || typed === 'tidak ada'));
    const elderly = (event.type === 'choice' && event.id === 'dis:elderly') || /\b(lansia|lanjut usia|sepuh|elderly)\b/.test(typed);
    const yes = !elderly && ((event.type === 'choice' && event.id === 'dis:yes') || (event.type === 'text' && (isKeyword(event.text, 'yes') || typed === 'ada' || /disabilitas|difabel|disabled/.test(typed))));
    if ([none, yes, elderly].filter(Boolean).length !== 1) return again(env.tr('apply.use_buttons'), 'disability', service, draft, env);
    if (none && homeVisitOnly(service.channels, 'whatsapp')) return { kind: 'cancel', note: env.tr('apply.needs.visit_only_declined', { service: serviceName(service, env) }) };
    const cleared = clearAnswer(draft, 'disability');
    return { kind: 'next', draft: answered({ ...cleared, disability: elderly ? 'elderly' : yes ? 'yes' : 'none' }, 'disability') };
  },
  needs_consent(service, draft, event, env) {
    const answer = event.type === 'choice' ? (event.id === 'consent:yes' ? 'yes' : event.id === 'consent:no' ? 'no' : undefined) : event.type === 'text' ? readYesNo(event.text) : undefined;
    if (!answer) return again(env.tr('apply.use_buttons'), 'needs_consent', service, draft, env);
    if (answer === 'no' && homeVisitOnly(service.channels, 'whatsapp')) return { kind: 'cancel', note: env.tr('apply.needs.visit_only_declined', { service: serviceName(service, env) }) };
    const next = answered({ ...clearAnswer(draft, 'needs_consent'), needsConsent: answer === 'yes' }, 'needs_consent');
    // Without consent nothing about the disability is kept; the applicant is served as anyone else.
    return { kind: 'next', draft: next, ...(answer === 'no' && { note: env.tr('apply.needs.consent_declined') }) };
  },
  disability_kinds(service, draft, event, env) {
    if (event.type !== 'text') return again(offTopicNote(event, env), 'disability_kinds', service, draft, env);
    const chosen = chooseSeveral(event.text, DISABILITY_KINDS.map((k) => pick(DISABILITY_KIND_LABELS[k], env.locale)), false);
    if (!chosen || chosen.length === 0) return again(env.tr('apply.needs.kinds_again'), 'disability_kinds', service, draft, env);
    return { kind: 'next', draft: answered({ ...draft, disabilityKinds: chosen.map((i) => DISABILITY_KINDS[i]!) }, 'disability_kinds') };
  },
  accommodations(service, draft, event, env) {
    if (event.type !== 'text') return again(offTopicNote(event, env), 'accommodations', service, draft, env);
    const chosen = chooseSeveral(event.text, ACCOMMODATIONS.map((a) => pick(ACCOMMODATION_LABELS[a], env.locale)), true);
    if (!chosen) return again(env.tr('apply.needs.help_again'), 'accommodations', service, draft, env);
    // The visit is why such a service can be asked for from home at all.
    const visit = homeVisitOnly(service.channels, 'whatsapp') ? [ACCOMMODATIONS.indexOf('home_visit')] : [];
    const accommodations = ACCOMMODATIONS.filter((_, i) => chosen.includes(i) || visit.includes(i));
    const cleared = clearAnswer(draft, 'accommodations');
    const handOver = accommodations.includes('home_delivery') ? ('home_delivery' as const) : ('pickup' as const);
    return { kind: 'next', draft: answered({ ...cleared, accommodations, handOver }, 'accommodations') };
  },
  disability_detail(service, draft, event, env) {
    if (event.type !== 'text') return again(offTopicNote(event, env), 'disability_detail', service, draft, env);
    if (isKeyword(event.text, 'skip') || isKeyword(event.text, 'no') || normalise(event.text) === 'tidak ada') {
      return { kind: 'next', draft: answered({ ...draft, disabilityNeeds: '' }, 'disability_detail'), note: env.tr('apply.disability.thanks') };
    }
    const needs = event.text.replace(/\s+/g, ' ').trim();
    if (needs.length < 3) return again(env.tr('apply.disability.too_short'), 'disability_detail', service, draft, env);
    if (needs.length > 500) return again(env.tr('apply.disability.too_long', { count: needs.length }), 'disability_detail', service, draft, env);
    return { kind: 'next', draft: answered({ ...draft, disabilityNeeds: needs }, 'disability_detail'), note: env.tr('apply.disability.thanks') };
  },
  delivery_address(service, draft, event, env) {
    if (event.type !== 'text') return again(offTopicNote(event, env), 'delivery_address', service, draft, env);
    const address = event.text.replace(/[ \t]+/g, ' ').trim();
    if (!isSafeText(address, 'lines')) return again(env.tr('apply.field.err_control'), 'delivery_address', service, draft, env);
    if (address.length > 300) return again(env.tr('apply.field.err_too_long', { max: 300 }), 'delivery_address', service, draft, env);
    // Without a number there is no RT/RW or house number: the courier could not find the house.
    if (address.length < 10 || !/\d/.test(address)) return again(env.tr('apply.delivery.address_incomplete'), 'delivery_address', service, draft, env);
    return { kind: 'next', draft: answered({ ...draft, deliveryAddress: address }, 'delivery_address') };
  },
  delivery_phone(service, draft, event, env) {
    const same = (event.type === 'choice' && event.id === 'dphone:same') || (event.type === 'text' && (isKeyword(event.text, 'yes') || isKeyword(event.text, 'skip')));
    if (same) return { kind: 'next', draft: answered({ ...draft, deliveryPhone: env.ctx.waId }, 'delivery_phone') };
    if (event.type !== 'text') return again(offTopicNote(event, env), 'delivery_phone', service, draft, env);
    const read = readFieldValue('phone', event.text, { regions: env.ctx.regions, today: env.today });
    if (!read.ok) return again(env.tr('apply.field.err_phone'), 'delivery_phone', service, draft, env);
    return { kind: 'next', draft: answered({ ...draft, deliveryPhone: read.value }, 'delivery_phone') };
  },
  summary(service, draft, event, env) {
    const typed = event.type === 'text' ? normalise(event.text) : '';
    if ((event.type === 'choice' && event.id === 'sum:send') || ['kirim', 'send', 'submit', 'ya kirim'].includes(typed)) return { kind: 'submit' };
    if ((event.type === 'choice' && event.id === 'sum:edit') || ['ubah', 'edit', 'change', 'ganti', 'perbaiki'].includes(typed)) return { kind: 'edit' };
    if (event.type === 'choice' && event.id === 'sum:cancel') return { kind: 'cancel' };
    return again(env.tr('apply.summary.use_buttons'), 'summary', service, draft, env);
  },
};

function nameReader(key: 'subject_name' | 'applicant_name', set: (draft: Draft, name: string) => Draft): Reader {
  return (service, draft, event, env) => {
    if (event.type !== 'text') return again(offTopicNote(event, env), key, service, draft, env);
    if (isKeyword(event.text, 'greeting')) return again(env.tr('apply.greeting_mid_flow', { service: serviceName(service, env) }), key, service, draft, env);
    // "ya", "tidak", "lewati" answer some other question, not this one.
    if (isKeyword(event.text, 'yes') || isKeyword(event.text, 'no') || isKeyword(event.text, 'skip')) return again(env.tr('apply.name.too_short'), key, service, draft, env);
    const read = readName(event.text);
    if ('problem' in read) return again(env.tr(read.problem), key, service, draft, env);
    return { kind: 'next', draft: answered(set(draft, read.name), key) };
  };
}

/**
 * One detail typed: read by the same rules intake applies (`readFieldValue`), so what the chat
 * accepts, the office accepts. A date may be typed the way people write it (14 Mei 2026).
 */
function readField(service: Service, draft: Draft, event: InboundEvent, env: Env, field: DataField): AnswerResult {
  const key = `field:${field}`;
  const spec = detailFields(service, draft, env).find((f) => f.field === field);
  if (!spec) return again(env.tr('common.not_understood'), key, service, draft, env);
  const optional = spec.need !== 'required';
  const skip = (event.type === 'choice' && event.id === 'field:skip') || (event.type === 'text' && isKeyword(event.text, 'skip'));
  if (skip && optional) return { kind: 'next', draft: answered({ ...draft, fields: { ...draft.fields, [field]: '' } }, key) };
  if (skip) return again(env.tr('apply.field.required', { label: pick(spec.label, env.locale) }), key, service, draft, env);
  if (event.type !== 'text') return again(offTopicNote(event, env), key, service, draft, env);
  if (isKeyword(event.text, 'greeting')) return again(env.tr('apply.greeting_mid_flow', { service: serviceName(service, env) }), key, service, draft, env);
  const input = DATA_FIELD_DEFINITIONS[field].input;
  const typed = input === 'date' ? (parseTypedDate(event.text) ?? event.text) : event.text;
  const read = readFieldValue(field, typed, { regions: env.ctx.regions, today: env.today });
  if (!read.ok) return again(fieldProblemNote(read, pick(spec.label, env.locale), event.text, env), key, service, draft, env);
  return { kind: 'next', draft: answered({ ...draft, fields: { ...draft.fields, [field]: read.value } }, key) };
}

function fieldProblemNote(read: { problem: FieldProblemCode; numberErrors?: readonly NikErrorCode[]; maxLength?: number }, label: string, raw: string, env: Env): string {
  const errors = read.numberErrors ?? [];
  switch (read.problem) {
    case 'nik_invalid':
      return nikProblem(errors, raw, env);
    case 'kk_invalid': {
      if (errors.includes('format')) return env.tr('apply.field.err_kk_format', { count: normaliseNikInput(raw).replace(/\D/g, '').length });
      const problems: string[] = [];
      if (errors.includes('province_unknown')) problems.push(env.tr('apply.nik.err_region'));
      if (errors.some((e) => e === 'day_invalid' || e === 'month_invalid' || e === 'date_invalid')) problems.push(env.tr('apply.field.err_kk_date'));
      if (errors.includes('serial_zero')) problems.push(env.tr('apply.nik.err_serial'));
      return [env.tr('apply.field.err_kk_intro'), ...problems.map((p) => `• ${p}`), env.tr('apply.nik.err_outro')].join('\n');
    }
    case 'date_future':
      return env.tr('apply.field.err_future', { label });
    case 'too_long':
      return env.tr('apply.field.err_too_long', { max: read.maxLength ?? 120 });
    case 'email_invalid':
      return env.tr('apply.field.err_email');
    case 'phone_invalid':
      return env.tr('apply.field.err_phone');
    case 'control_characters':
      return env.tr('apply.field.err_control');
    case 'markup':
      return env.tr('apply.field.err_markup');
    case 'required':
      return env.tr('common.not_understood');
    default:
      return env.tr('apply.field.err_date');
  }
}

function readDocument(service: Service, draft: Draft, event: InboundEvent, env: Env, document: string): AnswerResult {
  const key = `doc:${document}`;
  const item = docItem(service, draft, env, document);
  if (!item) return again(env.tr('common.not_understood'), key, service, draft, env);
  const chosen = draft.docChoice[document] ?? document;
  const label = documentShortLabel(chosen, env);
  if (event.type === 'document' && event.accepted) {
    const replaced = draft.replacing?.document === document;
    const { replacing: _done, ...rest } = draft;
    const next = { ...rest, docs: { ...draft.docs, [document]: { fileId: event.fileId, documentType: chosen } } };
    return { kind: 'next', draft: answered(next, key), note: receivedNote(env.tr(replaced ? 'apply.doc.replaced' : 'apply.doc.received', { doc: label }), event.photo, chosen, env) };
  }
  if (event.type === 'document') return again(refusalNote(event.reason, label, env), key, service, draft, env);
  const skip = (event.type === 'choice' && event.id === 'doc:skip') || (event.type === 'text' && isKeyword(event.text, 'skip'));
  if (skip && isSkippable(item)) return { kind: 'next', draft: answered({ ...draft, docs: { ...draft.docs, [document]: { skipped: true } } }, key) };
  if (event.type === 'voice') return again(env.tr('apply.doc.voice', { doc: label }), key, service, draft, env);
  if (event.type === 'text') return again(env.tr('apply.doc.text_instead', { doc: label }), key, service, draft, env);
  return again(env.tr('apply.doc.expected', { doc: label }), key, service, draft, env);
}

/**
 * "Sudah kami terima", then what is wrong with the photo and how to retake it (issue 16): the photo
 * is kept, the next prompt offers to send it again ("kembali"). A photo that reads as another
 * document asks whether it was meant for that one.
 */
export function receivedNote(received: string, photo: PhotoSeen | undefined, documentType: string, env: Env): string {
  const problems = photo ? problemsFor(photo, documentType) : [];
  if (problems.length === 0) return received;
  const lang = textLocale(env.locale);
  const lines = [received, '', ...retakeHints(lang, problems, documentType, photo?.title)];
  if (problems.includes('wrong_document') && photo?.title) lines.push(env.tr('apply.doc.other_slot', { read: t(lang, `photo.doc.${photo.title}`) }));
  return lines.join('\n');
}

export function refusalNote(reason: DocumentRefusal, label: string, env: Env): string {
  return env.tr(`apply.doc.refused.${reason}`, { doc: label, limit: formatBytes(env.ctx.maxUploadBytes, env) });
}

function readDocChoice(service: Service, draft: Draft, event: InboundEvent, env: Env, document: string): AnswerResult {
  const key = `doc_choice:${document}`;
  const item = docItem(service, draft, env, document);
  const options = item ? [item.document, ...item.alternatives] : [];
  let chosen: string | undefined;
  if (event.type === 'choice' && event.id.startsWith('alt:')) chosen = options.find((o) => o === event.id.slice(4));
  if (event.type === 'text') {
    const typed = squash(event.text);
    const found = options.filter((o) => typed.length >= 3 && squash(documentShortLabel(o, env)).includes(typed));
    if (found.length === 1) chosen = found[0];
  }
  if (!chosen) return again(env.tr('apply.use_list'), key, service, draft, env);
  return { kind: 'next', draft: answered({ ...draft, docChoice: { ...draft.docChoice, [document]: chosen } }, key) };
}

/** Reads one message as the answer to `key`. */
export function answerQuestion(key: string, service: Service, draft: Draft, event: InboundEvent, env: Env, page: number): AnswerResult {
  const redo = redoOf(service, draft, event, env);
  if (redo) return redo;
  if (key.startsWith('doc_choice:')) return readDocChoice(service, draft, event, env, key.slice('doc_choice:'.length));
  if (key.startsWith('doc:')) return readDocument(service, draft, event, env, key.slice('doc:'.length));
  if (key.startsWith('field:')) return readField(service, draft, event, env, key.slice('field:'.length) as DataField);
  const reader = readers[key] ?? readers.summary!;
  return reader(service, draft, event, env, page);
}

/**
 * A document already sent, to be sent again: named in words ("foto akta tadi gelap, saya kirim
 * ulang") or by the button under the next question. Its upload is set aside (kept if the user
 * changes their mind with "Pakai yang tadi"), so the next photo replaces it.
 */
function redoOf(service: Service, draft: Draft, event: InboundEvent, env: Env): AnswerResult | undefined {
  if (event.type === 'choice' && event.id === 'redo:keep' && draft.replacing) {
    const { replacing, ...rest } = draft;
    const key = `doc:${replacing.document}`;
    const kept = answered({ ...rest, docs: { ...rest.docs, [replacing.document]: replacing.previous } }, key);
    const label = 'fileId' in replacing.previous ? documentShortLabel(replacing.previous.documentType, env) : documentShortLabel(replacing.document, env);
    return { kind: 'next', draft: kept, note: env.tr('apply.doc.kept', { doc: label }) };
  }
  const document =
    event.type === 'choice' && event.id.startsWith('redo:') ? event.id.slice('redo:'.length)
    : event.type === 'text' ? documentToRedo(event.text, draft)
    : undefined;
  const previous = document === undefined ? undefined : draft.docs[document];
  if (!document || !previous || !('fileId' in previous) || !docItem(service, draft, env, document)) return undefined;
  const next: Draft = { ...clearAnswer(draft, `doc:${document}`), replacing: { document, previous } };
  return { kind: 'next', draft: next, note: env.tr('apply.doc.redo', { doc: documentShortLabel(previous.documentType, env) }) };
}

/** Whether a message at this question is an upload the question waits for. */
export function expectsDocument(key: string): boolean {
  return key.startsWith('doc:');
}

/** Rows of the "Ubah" list: every answer group the user can change. */
export function editRows(service: Service, draft: Draft, env: Env): Row[] {
  const plan = planOf(service, draft, env);
  const tr = env.tr;
  const rows: Row[] = [];
  if (plan.includes('nik')) rows.push({ id: 'edit:nik', title: tr('apply.edit.nik'), description: draft.nik ?? tr('apply.summary.no_nik') });
  rows.push({ id: 'edit:subject_name', title: tr('apply.edit.subject_name'), description: draft.subjectName ?? '' });
  if (plan.includes('birth_date')) rows.push({ id: 'edit:birth_date', title: tr('apply.edit.birth_date'), description: draft.birthDate ? formatDate(draft.birthDate, env) : '' });
  if (plan.includes('sex')) rows.push({ id: 'edit:sex', title: tr('apply.edit.sex'), description: draft.sex ? tr(`sex.${draft.sex}`) : '' });
  if (plan.includes('fact_foreign') || plan.includes('fact_akta')) rows.push({ id: 'edit:facts', title: tr('apply.edit.facts') });
  if (plan.some((k) => k.startsWith('field:'))) rows.push({ id: 'edit:details', title: tr('apply.edit.details') });
  rows.push({ id: 'edit:applicant', title: tr('apply.edit.applicant'), description: relationLabel(draft.relation ?? '', env) });
  rows.push({ id: 'edit:desa', title: tr('apply.edit.desa'), description: env.ctx.desa.find((d) => d.code === draft.desaCode)?.name ?? '' });
  const docs = documentItems(service, draft, env);
  const room = 10 - rows.length - 1;
  if (docs.length <= room) {
    for (const item of docs) rows.push({ id: `edit:doc:${item.document}`, title: documentShortLabel(item.document, env), description: tr('apply.edit.document') });
  } else rows.push({ id: 'edit:docs', title: tr('apply.edit.documents') });
  rows.push({ id: 'edit:disability', title: tr('apply.edit.disability') });
  return rows.slice(0, 10);
}

/** Clears what an "Ubah" row stands for, so the plan asks it again. */
export function applyEdit(rowId: string, service: Service, draft: Draft, env: Env): Draft | undefined {
  const clear = (d: Draft, ...keys: string[]) => keys.reduce(clearAnswer, d);
  if (rowId.startsWith('edit:doc:')) {
    const document = rowId.slice('edit:doc:'.length);
    return clear(draft, `doc_choice:${document}`, `doc:${document}`);
  }
  switch (rowId) {
    case 'edit:nik':
      return clear(draft, 'nik');
    case 'edit:subject_name':
      return clear(draft, 'subject_name');
    case 'edit:birth_date':
      return clear(draft, 'birth_date');
    case 'edit:sex':
      return clear(draft, 'sex');
    case 'edit:facts':
      return clear(draft, 'fact_foreign', 'fact_akta');
    case 'edit:details':
      return clear(draft, ...planOf(service, draft, env).filter((k) => k.startsWith('field:')));
    case 'edit:applicant':
      return clear(draft, 'relation', 'applicant_name');
    case 'edit:desa':
      return clear(draft, 'desa');
    case 'edit:docs':
      return clear(draft, ...documentItems(service, draft, env).flatMap((i) => [`doc_choice:${i.document}`, `doc:${i.document}`]));
    case 'edit:disability':
      return clear(draft, 'disability');
    default:
      return undefined;
  }
}
