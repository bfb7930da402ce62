/**
 * The IKM survey's operations: recording one anonymous answer (WhatsApp, portal, the counter's QR
 * code), at most one per request, and an office's results for a period.
 */
import { z } from 'zod';
import { recordAudit, type Origin } from '../audit/audit.js';
import { authorize, type StaffActor } from '../auth/policy.js';
import type { Db } from '../db/database.js';
import { computeIkm, minimumSample, UNSUR, type IkmResult, type UnsurCode } from '../ikm/ikm.js';
import { t } from '../i18n/i18n.js';
import { findOffice } from '../offices/storage.js';
import type { Clock } from '../platform/clock.js';
import { AppError, invalid, notFound } from '../platform/errors.js';
import { safeLines } from '../platform/safe-text.js';
import { findRequest } from '../requests/storage.js';
import * as store from './storage.js';
import { answerColumns, ikmResponseOf, MAX_SUGGESTION, periodDates, PERIODS, PROFILE_OPTIONS, type Period, type SurveyAnswers, type SurveyChannel, type SurveyProfile } from './survey.js';

export type SurveyDeps = { db: Db; clock: Clock };

const answer = z.number().int().min(1).max(4);

/** The nine answers by unsur code, the optional profile and suggestion: what every channel sends. */
export const SurveyInput = z.object({
  answers: z.object(Object.fromEntries(UNSUR.map((u) => [u, answer])) as Record<UnsurCode, typeof answer>),
  profile: z
    .object({
      ageBand: z.enum(PROFILE_OPTIONS.ageBand).optional(),
      sex: z.enum(PROFILE_OPTIONS.sex).optional(),
      education: z.enum(PROFILE_OPTIONS.education).optional(),
      occupation: z.enum(PROFILE_OPTIONS.occupation).optional(),
    })
    .default({}),
  suggestion: safeLines().trim().max(MAX_SUGGESTION).optional(),
});
export type SurveyInputData = z.infer<typeof SurveyInput>;

export type SurveyRecord = {
  officeCode: string;
  /** Null for a walk-in answering by the counter's QR code. */
  requestId: string | null;
  channel: SurveyChannel;
  answers: Record<UnsurCode, number>;
  profile?: SurveyProfile | undefined;
  suggestion?: string | undefined;
};

export const alreadyAnswered = () => new AppError('survey_already_answered', 409, 'survey.errors.already_answered');

/**
 * Stores one response. A request's survey is open once it was handed over, and only once: a second
 * answer (another channel, a double tap) is refused with `survey_already_answered`. Runs in the
 * caller's transaction when given one (the chat's message transaction).
 */
export async function recordSurvey(deps: SurveyDeps, input: SurveyRecord, origin: Origin, tx?: Db): Promise<{ id: string }> {
  const run = async (db: Db) => {
    let serviceCode: string | null = null;
    if (input.requestId) {
      const request = await findRequest(db, input.requestId);
      if (!request || request.officeCode !== input.officeCode) throw notFound();
      if (request.state !== 'handed_over') throw new AppError('survey_not_handed_over', 409, 'survey.errors.not_handed_over');
      serviceCode = request.serviceCode;
    } else if (!(await findOffice(db, input.officeCode))) throw notFound();
    const now = deps.clock.now();
    const suggestion = input.suggestion?.trim();
    const row = await store.insertResponse(db, {
      officeCode: input.officeCode,
      requestId: input.requestId,
      serviceCode,
      channel: input.channel,
      ...answerColumns(input.answers),
      ageBand: input.profile?.ageBand ?? null,
      sex: input.profile?.sex ?? null,
      education: input.profile?.education ?? null,
      occupation: input.profile?.occupation ?? null,
      suggestion: suggestion ? suggestion : null,
      createdAt: now,
    });
    if (!row) throw alreadyAnswered();
    // Anonymous: the entry says a survey came in and by which channel, never who answered or what.
    await recordAudit(db, now, { officeCode: input.officeCode, actor: { type: 'pemohon' }, action: 'survey.answered', entityType: 'survey_response', entityId: row.id, details: { channel: input.channel } }, origin);
    return { id: row.id };
  };
  return tx ? run(tx) : deps.db.transaction(run);
}

// ---------------------------------------------------------------------------------------------
// Results

export const IkmQuery = z.object({
  period: z.enum(PERIODS).default('year'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Which month (1–12), quarter (1–4) or semester (1–2); ignored for a year. */
  n: z.coerce.number().int().min(1).max(12).optional(),
});

/** An office's IKM for one period: the regulation's figures, the sample against its minimum, and the priorities. */
export async function ikmResults(deps: SurveyDeps, actor: StaffActor, officeCode: string, query: z.infer<typeof IkmQuery>) {
  authorize(actor, 'survey.read', { officeCode });
  const office = await findOffice(deps.db, officeCode);
  if (!office) throw notFound();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: office.timezone, year: 'numeric', month: '2-digit' }).format(deps.clock.now());
  const [thisYear, thisMonth] = today.split('-').map(Number) as [number, number];
  const period: Period = query.period;
  const year = query.year ?? thisYear;
  const n = query.n ?? (period === 'month' ? thisMonth : period === 'quarter' ? Math.ceil(thisMonth / 3) : period === 'semester' ? Math.ceil(thisMonth / 6) : 1);
  const dates = periodDates(period, year, n);
  if (!dates) throw invalid('survey.errors.period_invalid');
  const span = { ...dates, timeZone: office.timezone };
  const rows = await store.answersIn(deps.db, officeCode, span);
  const population = await store.handedOverCount(deps.db, officeCode, span);
  const result = computeIkm(rows.map(ikmResponseOf));
  const minimum = minimumSample(population);
  const byChannel = Object.fromEntries(['whatsapp', 'portal', 'qr'].map((c) => [c, rows.filter((r) => r.channel === c).length]));
  return {
    officeCode,
    officeName: office.name,
    period,
    year,
    n: period === 'year' ? null : n,
    from: dates.from,
    to: dates.to,
    respondents: rows.length,
    byChannel,
    population,
    minimumSample: minimum,
    sampleEnough: rows.length >= minimum,
    result: result && presentResult(result),
  };
}

const both = (key: string) => ({ id: t('id', key), en: t('en', key) });
const unsurName = (code: UnsurCode) => both(`ikm.unsur.${code}.name`);

/** The figures with their words in both languages: the grade's, each unsur's name, and which weight is which. */
function presentResult(r: IkmResult) {
  return {
    nrr: UNSUR.map((code) => ({ code, name: unsurName(code), nrr: r.nrr[code] })),
    ikm: r.ikm,
    converted: r.converted,
    grade: r.grade,
    gradeWords: both(`ikm.grade.${r.grade}`),
    weight: '1/9',
    /** The figure with the weight 0.111 agencies' spreadsheets use: for comparison, never the official grade. */
    comparison0111: { weight: '0.111', ikm: r.ikm0111, converted: r.converted0111, grade: r.grade0111, gradeWords: both(`ikm.grade.${r.grade0111}`) },
    priorities: r.priorities.map((code) => ({ code, name: unsurName(code), nrr: r.nrr[code] })),
  };
}
