import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { t } from '../i18n/i18n.js';
import { checkRequestFields } from '../catalogue/field-values.js';
import { NewRequestInput } from '../requests/service.js';
import { chat, dialogueContext, fileId, kembaranServices, offeredIds, regions, turnProblems } from '../test-support/dialogue.js';
import { nextQuestion } from './application-plan.js';
import type { ApplicantRequestSummary, BotLocale, DocumentRefusal, InboundEvent, OutboundMessage } from './dialogue-contract.js';
import { makeTr, type Env } from './dialogue-kit.js';
import { converse, initialDialogueState, type DialogueState } from './dialogue.js';

const CHILD_NIK = '3302201405190001';
const TODDLER_NIK = '3302205003230002';
const ADULT_NIK = '3302201405050001';
const KK_NUMBER = '3302201005200001';
/** What a cooperative applicant types for each detail field. */
const FIELD_ANSWERS: Record<string, string> = {
  kk_number: KK_NUMBER,
  subject_birth_place: 'Banyumas',
  father_name: 'Budi Santoso',
  mother_name: 'Sri Wahyuni',
  reporter_nik: '3302204505800002',
  reporter_name: 'Wartini',
  date_of_death: '20 November 2026',
  place_of_death: 'RSUD Banyumas',
  destination_address: 'Jl. Mawar 3, RT 02/RW 05, Kedungwuluh, Purwokerto Barat, Banyumas, Jawa Tengah',
  move_reason: 'Pekerjaan',
  moving_members: 'Dewi Lestari\nAyu Lestari',
  skpwni_number: '474/123/2026',
  passport_number: 'C1234567',
  email: 'dewi@example.com',
  phone: '0812 2700 1234',
};
const REFUSALS: DocumentRefusal[] = ['empty', 'too_large', 'unsupported_type', 'unreadable', 'pdf_active_content', 'download_failed'];
const APOLOGIES = [t('id', 'bot.common.error'), t('en', 'bot.common.error')];

const requests: ApplicantRequestSummary[] = [
  {
    id: 'req-returned',
    ticket: 'KBR-26-000101',
    serviceCode: 'kia_baru',
    state: 'returned',
    submittedAt: new Date('2026-11-30T03:00:00Z'),
    dueAt: new Date('2026-12-01T08:30:00Z'),
    returnReasons: [
      { code: 'unreadable_document', documentType: 'kk', note: 'Foto KK buram' },
      { code: 'missing_document', documentType: 'pas_foto' },
      { code: 'other', note: 'Mohon sertakan nomor HP yang aktif' },
    ],
    handOverChoice: 'home_delivery',
  },
  ...(['submitted', 'verified', 'processing', 'ready', 'handed_over', 'rejected', 'cancelled', 'something_new'] as const).map((state, i) => ({
    id: `req-${state}`,
    ticket: `KBR-26-00020${i}`,
    serviceCode: i % 2 === 0 ? 'akta_kematian' : 'retired_service',
    state,
    submittedAt: new Date('2026-11-30T03:00:00Z'),
    dueAt: new Date('2026-12-02T08:30:00Z'),
    returnReasons: null,
    handOverChoice: 'pickup',
  })),
];

/** What people type, including everything the flows wait for. */
const TYPED = [
  'halo', 'menu', 'batal', 'kembali', 'back', 'cancel', 'english', 'indonesia', 'petugas', 'ya', 'tidak', 'lewati', 'kirim', 'ubah',
  CHILD_NIK, TODDLER_NIK, ADULT_NIK, '12345', 'Budi Santoso', '14-05-2019', 'sambeng', 'ledug', 'KBR-26-000101', 'KBR-26-000999',
  'syarat kia', 'jam buka', 'status', '3', 'terima kasih', 'anak pengguna kursi roda', 'WNI', 'perempuan', 'antar ke rumah', '1 5', '0', 'lansia', 'setuju', '',
];

const cannedEvents: InboundEvent[] = [
  ...TYPED.map((text): InboundEvent => ({ type: 'text', text })),
  { type: 'document', accepted: true, fileId: fileId(1), mime: 'image/jpeg' },
  { type: 'document', accepted: false, reason: 'too_large' },
  { type: 'voice' },
  { type: 'location', latitude: -7.42, longitude: 109.28 },
  { type: 'unsupported', original: 'sticker' },
];

const outcomes: InboundEvent[] = [
  { type: 'request_submitted', ticket: 'KBR-26-000300', pin: '482913', requestId: 'req-new', dueAt: new Date('2026-12-02T08:30:00Z'), warnings: [] },
  { type: 'request_submit_failed', reason: 'nik_invalid' },
  { type: 'request_submit_failed', reason: 'validation' },
  { type: 'request_submit_failed', reason: 'internal' },
  { type: 'request_resubmitted', ticket: 'KBR-26-000101' },
  { type: 'request_cancelled', ticket: 'KBR-26-000201' },
  { type: 'request_action_failed', ticket: 'KBR-26-000201', reason: 'transition_state_is_final' },
];

function expectSound(event: InboundEvent, replies: OutboundMessage[], state: DialogueState) {
  expect(turnProblems(event, replies, state)).toEqual([]);
  // converse catches its own bugs and apologises: an apology here means a bug was hit.
  for (const m of replies) for (const apology of APOLOGIES) expect(m.type === 'text' ? m.text : m.body).not.toContain(apology);
}

/** States along scripted conversations in both languages: every flow, up to its end. */
function scriptedStates(): DialogueState[] {
  const states: DialogueState[] = [];
  for (const locale of ['id', 'en'] as const) {
    const c = chat({ requests });
    const step = (f: () => unknown) => {
      f();
      states.push(c.state);
    };
    step(() => c.say(locale === 'en' ? 'english' : 'halo'));
    step(() => c.tap('m:info'));
    step(() => c.tap('cat:kia'));
    step(() => c.tap('svc:kia_baru'));
    step(() => c.tap('apply:kia_baru'));
    for (const [answer, how] of [
      [TODDLER_NIK, 'say'], ['nik:yes', 'tap'], ['Ayu', 'say'], ['foreign:no', 'tap'], ['akta:no', 'tap'],
      [KK_NUMBER, 'say'], ['Banyumas', 'say'], ['field:skip', 'tap'], ['Sri Wahyuni', 'say'], ['rel:ayah', 'tap'], ['Joko', 'say'],
      ['page:1', 'tap'], ['sambeng', 'say'], ['desa:33.02.20.2006', 'tap'],
    ] as const) step(() => (how === 'say' ? c.say(answer) : c.tap(answer)));
    for (let n = 1; n < 12 && !c.last.ids.includes('dis:none'); n++) {
      const alternative = c.last.ids.find((id) => id.startsWith('alt:'));
      step(() => (alternative ? c.tap(alternative) : c.last.ids.includes('doc:skip') ? c.tap('doc:skip') : c.upload(fileId(n))));
    }
    for (const id of ['dis:yes', 'consent:yes']) step(() => c.tap(id));
    step(() => c.say('4'));
    step(() => c.say('2 5'));
    step(() => c.say('Jl. Raya Ledug 5, RT 02/RW 01, Ledug'));
    step(() => c.tap('dphone:same'));
    step(() => c.say('Tunanetra, perlu pendamping'));
    step(() => c.tap('sum:edit'));
    step(() => c.tap('edit:applicant'));
    step(() => c.tap('rel:ibu'));
    step(() => c.say('Rina'));
    step(() => c.tap('sum:send'));
    step(() => c.say('menu'));
    step(() => c.tap('m:status'));
    step(() => c.tap('req:req-returned'));
    step(() => c.tap('fix:start'));
    step(() => c.upload(fileId(20)));
    step(() => c.upload(fileId(21)));
    step(() => c.tap('fix:send'));
    step(() => c.send({ type: 'request_resubmitted', ticket: 'KBR-26-000101' }));
    step(() => c.tap('nav:status'));
    step(() => c.tap('req:req-submitted'));
    step(() => c.tap('cancel:ask'));
    step(() => c.tap('cancel:yes'));
    step(() => c.say('menu'));
    step(() => c.tap('m:hours'));
    step(() => c.say('menu'));
    step(() => c.tap('m:language'));
  }
  return states;
}

describe('every message the bot can produce stays within Meta\'s limits', () => {
  it('from every point of every flow, after anything the user may send next, in both languages', () => {
    const ctx = dialogueContext({ requests });
    const later = dialogueContext({ requests, now: new Date(ctx.now.getTime() + 31 * 60_000) });
    const seen = new Set<string>();
    let frontier = scriptedStates().map((state) => ({ state, offered: [] as string[] }));
    let steps = 0;
    // Two moves from each scripted point: anything first, then whatever the bot offered.
    for (let depth = 0; depth < 2; depth++) {
      const next: typeof frontier = [];
      for (const node of frontier) {
        const events: InboundEvent[] = [
          ...node.offered.map((id): InboundEvent => ({ type: 'choice', id, title: id })),
          ...(depth === 0 ? [...cannedEvents, ...outcomes] : []),
        ];
        for (const event of events) {
          const result = converse(node.state, event, ctx);
          steps++;
          expectSound(event, result.replies, result.state);
          const key = JSON.stringify({ ...result.state, lastActivityAt: null });
          if (seen.has(key)) continue;
          seen.add(key);
          next.push({ state: result.state, offered: result.replies.flatMap(offeredIds) });
        }
        if (depth === 0) {
          // The same point after a long pause.
          const event: InboundEvent = { type: 'text', text: 'halo' };
          const paused = converse({ ...node.state, lastActivityAt: ctx.now.toISOString() }, event, later);
          expectSound(event, paused.replies, paused.state);
          next.push({ state: paused.state, offered: paused.replies.flatMap(offeredIds) });
        }
      }
      frontier = next;
    }
    expect(steps).toBeGreaterThan(5000);
  }, 120_000);

  it.each(['id', 'en'] as const)('on the information page of every service (%s)', (locale) => {
    for (const service of kembaranServices) {
      const c = chat();
      c.say(locale === 'en' ? 'english' : 'halo');
      c.tap('m:info');
      c.tap(`cat:${service.category}`);
      if (c.last.ids.includes(`svc:${service.code}`)) c.tap(`svc:${service.code}`);
      expect(c.last.text).toContain(locale === 'en' ? service.name.en : service.name.id);
    }
  });
});

/** Answers whatever the application asks, as a cooperative applicant would. */
function applyFor(code: string, locale: BotLocale, nik: string) {
  const c = chat();
  c.say(locale === 'en' ? 'english' : 'halo');
  c.tap('m:apply');
  const service = kembaranServices.find((s) => s.code === code)!;
  if (c.last.ids.includes(`cat:${service.category}`)) c.tap(`cat:${service.category}`);
  if (c.last.ids.includes(`svc:${code}`)) c.tap(`svc:${code}`);
  const env: Env = { ctx: dialogueContext(), locale, tr: makeTr(locale), today: '2026-12-01' };
  for (let n = 1; n < 40; n++) {
    const draft = c.state.draft;
    if (!draft) throw new Error(`no application in progress: ${c.last.text}`);
    const question = nextQuestion(service, draft, env);
    const firstOffered = (prefix: string) => c.last.ids.find((id) => id.startsWith(prefix));
    if (question === 'summary') return c.tap('sum:send');
    if (question === 'nik') c.say(nik);
    else if (question === 'nik_confirm') c.tap('nik:yes');
    else if (question === 'subject_name' || question === 'applicant_name') c.say('Dewi Lestari');
    else if (question === 'birth_date') c.say('14-05-2019');
    else if (question.startsWith('doc:')) c.upload(fileId(n));
    else if (question.startsWith('field:')) c.say(FIELD_ANSWERS[question.slice('field:'.length)] ?? 'jawaban');
    else {
      const id = ['foreign:no', 'akta:yes', 'dis:none', 'sex:L'].find((x) => c.last.ids.includes(x)) ?? firstOffered('rel:') ?? firstOffered('desa:') ?? firstOffered('alt:');
      if (!id) throw new Error(`cannot answer ${question}: ${c.last.text}`);
      c.tap(id);
    }
  }
  throw new Error('the application never reached its summary');
}

describe('every service offered over WhatsApp can be applied for', () => {
  const online = kembaranServices.filter((s) => s.channels.includes('whatsapp'));
  const cases = online.flatMap((s) => (['id', 'en'] as const).map((locale) => [s.code, locale] as const));
  it.each(cases)('%s (%s) ends in a submit command the request service accepts', (code, locale) => {
    const service = online.find((s) => s.code === code)!;
    const nik = service.eligibility && JSON.stringify(service.eligibility).includes('age_below') ? CHILD_NIK : ADULT_NIK;
    const sent = applyFor(code, locale, nik);
    const command = sent.commands.find((x) => x.type === 'submit_request');
    if (command?.type !== 'submit_request') throw new Error('no submit command');
    expect(NewRequestInput.parse(command.input)).toEqual(command.input);
    expect(command.input.serviceCode).toBe(code);
    // What the chat collected passes the check intake makes, field by field.
    const { subject, applicant, desaCode } = command.input;
    const checked = checkRequestFields(
      service,
      {
        details: command.input.details ?? {},
        columns: { subject_nik: subject.nik, subject_name: subject.name, subject_birth_date: subject.birthDate, subject_sex: subject.sex, desa: desaCode, phone: applicant.phone },
        context: command.input.circumstances ?? {},
      },
      { regions, today: '2026-12-01' },
    );
    expect(checked).toMatchObject({ ok: true });
    expect(command.input.attachments.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Random conversations

type Step = { advanceMs: number } & ({ kind: 'tap'; index: number } | { kind: 'event'; event: InboundEvent });

const eventArb: fc.Arbitrary<InboundEvent> = fc.oneof(
  fc.constantFrom(...TYPED).map((text): InboundEvent => ({ type: 'text', text })),
  fc.string({ maxLength: 80 }).map((text): InboundEvent => ({ type: 'text', text })),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((text): InboundEvent => ({ type: 'text', text })),
  fc.string({ minLength: 400, maxLength: 1200 }).map((text): InboundEvent => ({ type: 'text', text })),
  fc.record({ id: fc.string({ maxLength: 30 }), title: fc.string({ maxLength: 30 }) }).map(({ id, title }): InboundEvent => ({ type: 'choice', id, title })),
  fc.uuid().map((id): InboundEvent => ({ type: 'document', accepted: true, fileId: id, mime: 'application/pdf' })),
  fc.constantFrom(...REFUSALS).map((reason): InboundEvent => ({ type: 'document', accepted: false, reason })),
  fc.constant<InboundEvent>({ type: 'voice' }),
  fc.record({ latitude: fc.double(), longitude: fc.double() }).map(({ latitude, longitude }): InboundEvent => ({ type: 'location', latitude, longitude })),
  fc.string({ maxLength: 4 }).map((emoji): InboundEvent => ({ type: 'reaction', emoji })),
  fc.string({ maxLength: 10 }).map((original): InboundEvent => ({ type: 'unsupported', original })),
  fc.constantFrom(...outcomes),
  fc.record({ ticket: fc.string({ maxLength: 20 }), pin: fc.string({ maxLength: 8 }), dueAt: fc.date() }).map(
    ({ ticket, pin, dueAt }): InboundEvent => ({ type: 'request_submitted', ticket, pin, requestId: 'x', dueAt, warnings: [] }),
  ),
);

const stepArb: fc.Arbitrary<Step> = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: fc.nat(12).map((index) => ({ kind: 'tap' as const, index })) },
      { weight: 2, arbitrary: eventArb.map((event) => ({ kind: 'event' as const, event })) },
    ),
    fc.oneof(fc.constant(60_000), fc.integer({ min: 0, max: 3 * 60 * 60_000 })),
  )
  .map(([step, advanceMs]) => ({ ...step, advanceMs }));

describe('converse, on random conversations', () => {
  it('never throws, answers everything but reactions within the limits, and keeps a JSON state', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { maxLength: 40 }),
        fc.subarray(requests),
        fc.constantFrom('2026-12-01T02:00:00Z', '2026-12-05T15:00:00Z', '2027-02-28T23:59:00Z'),
        (steps, mine, start) => {
          let state = initialDialogueState();
          let now = new Date(start).getTime();
          let offered: string[] = [];
          for (const step of steps) {
            now += step.advanceMs;
            const id = offered.length > 0 && step.kind === 'tap' ? offered[step.index % offered.length]! : undefined;
            const event: InboundEvent = step.kind === 'event' ? step.event : id ? { type: 'choice', id, title: id } : { type: 'text', text: 'halo' };
            const result = converse(state, event, dialogueContext({ now: new Date(now), requests: mine }));
            expectSound(event, result.replies, result.state);
            state = JSON.parse(JSON.stringify(result.state)) as DialogueState;
            if (result.replies.length > 0) offered = result.replies.flatMap(offeredIds);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads any stored JSON as a state without failing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), eventArb, (stored, event) => {
        const result = converse(stored as DialogueState, event, dialogueContext({ requests }));
        expectSound(event, result.replies, result.state);
      }),
    );
  });
});
