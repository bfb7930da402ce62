/**
 * /petugas/pengaduan: complaints and suggestions (UU 25/2009) from WhatsApp, the portal and the
 * counter. Unanswered ones come first by their due time; an officer answers each once and the
 * citizen receives it on WhatsApp. A complaint made in person is recorded here too.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { MAX_ANSWER_TEXT, MAX_COMPLAINT_TEXT, MIN_COMPLAINT_TEXT } from '../../../../src/complaints/complaints.js';
import { normalisePhone } from '../../../../src/identity/phone.js';
import { parseTicket } from '../../../../src/requests/ticket.js';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { Loading, PageHeading } from '../../components/Page.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { dateTime } from './format.js';
import { useFailure, useSession } from './session.js';

type Complaint = {
  id: string;
  number: string;
  kind: string;
  channel: string;
  body: string;
  requestTicket: string | null;
  name: string | null;
  phone: string | null;
  receivedAt: string;
  dueAt: string;
  status: string;
  answer: string | null;
  answeredAt: string | null;
};
type Figures = { received: number; answered: number; answeredOnTime: number; open: number; overdue: number; medianAnswerHours: number | null };

const office = (code: string) => `/api/v1/offices/${encodeURIComponent(code)}/complaints`;

export function Complaints() {
  const t = useT().complaints;
  const { lang } = useLanguage();
  const { office: current } = useSession();
  const code = current!.code;
  const timeZone = current?.timezone ?? 'Asia/Jakarta';
  const days = current?.complaintAnswerDays ?? 5;
  const [filter, setFilter] = useState<'open' | 'answered' | 'all'>('open');
  const [list, setList] = useState<Complaint[]>();
  const [figures, setFigures] = useState<Figures>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const fail = useFailure(setError);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const [l, f] = await Promise.all([
          api.get<{ complaints: Complaint[] }>(`${office(code)}?status=${filter}`, { signal }),
          api.get<{ figures: Figures }>(`${office(code)}/figures?period=month`, { signal }),
        ]);
        setList(l.complaints);
        setFigures(f.figures);
      } catch (err) {
        fail(err);
      }
    },
    [code, filter, fail],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const done = async (said: string) => {
    setError(undefined);
    // Reload before saying it is done, so the status never sits beside the old list.
    await load();
    setNotice(said);
  };

  return (
    <>
      <PageHeading title={t.console.title} />
      <p>{t.console.intro(days)}</p>
      <p role="status" aria-live="polite" className={notice ? 'alert alert-success' : 'visually-hidden'}>
        {notice && `✓ ${notice}`}
      </p>
      {error !== undefined && <ErrorAlert error={error} />}
      <section aria-labelledby="pengaduan-angka" className="panel">
        <h2 id="pengaduan-angka">{t.console.figuresHeading}</h2>
        {figures ? (
          <>
            <p>{t.console.figures(figures)}</p>
            <p>{t.console.median(figures.medianAnswerHours)}</p>
          </>
        ) : (
          <Loading />
        )}
      </section>
      <section aria-labelledby="pengaduan-daftar">
        <h2 id="pengaduan-daftar">{t.console.listHeading}</h2>
        <div className="field">
          <label htmlFor="pengaduan-filter">{t.console.filter}</label>
          <select id="pengaduan-filter" className="input" value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)}>
            {(['open', 'answered', 'all'] as const).map((f) => (
              <option key={f} value={f}>
                {t.console.filters[f]}
              </option>
            ))}
          </select>
        </div>
        {!list ? (
          <Loading />
        ) : list.length === 0 ? (
          <p>{t.console.empty}</p>
        ) : (
          <ul className="complaints">
            {list.map((c) => (
              <li key={c.id} className="panel">
                <h3>
                  {c.number} · {t.kinds[c.kind] ?? c.kind} · <span className={c.status === 'overdue' ? 'badge badge-warning' : 'badge'}>{t.statuses[c.status] ?? c.status}</span>
                </h3>
                <dl>
                  <dt>{t.console.received}</dt>
                  <dd>
                    {dateTime(c.receivedAt, timeZone, lang)} ({t.channels[c.channel] ?? c.channel})
                  </dd>
                  <dt>{t.console.due}</dt>
                  <dd>{dateTime(c.dueAt, timeZone, lang)}</dd>
                  <dt>{t.console.from}</dt>
                  <dd>{[c.name, c.phone ?? t.console.noPhone].filter(Boolean).join(' · ')}</dd>
                  {c.requestTicket && (
                    <>
                      <dt>{t.console.request}</dt>
                      <dd>{c.requestTicket}</dd>
                    </>
                  )}
                </dl>
                <blockquote className="complaint-body">{c.body}</blockquote>
                {c.answer ? (
                  <p>
                    <strong>{t.console.answer}</strong> ({c.answeredAt && dateTime(c.answeredAt, timeZone, lang)}): {c.answer}
                  </p>
                ) : (
                  <AnswerForm complaint={c} onAnswered={() => void done(t.console.answered(c.number))} onFailed={fail} />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <CounterForm code={code} onRecorded={(said) => void done(said)} onFailed={fail} />
    </>
  );
}

function AnswerForm({ complaint, onAnswered, onFailed }: { complaint: Complaint; onAnswered: () => void; onFailed: (err: unknown) => void }) {
  const t = useT().complaints;
  const [answer, setAnswer] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = `jawab-${complaint.id}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (answer.trim().length < MIN_COMPLAINT_TEXT) return setProblem(t.errors.answerShort);
    setProblem(undefined);
    setBusy(true);
    try {
      await api.post(`/api/v1/complaints/${encodeURIComponent(complaint.id)}/answer`, { answer: answer.trim() });
      onAnswered();
    } catch (err) {
      onFailed(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className={problem ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{t.console.answerLabel(complaint.number)}</label>
        <p id={`${id}-hint`} className="hint">
          {t.console.answerHint}
        </p>
        {problem && (
          <p id={`${id}-error`} className="field-error">
            <span aria-hidden="true">⚠ </span>
            {problem}
          </p>
        )}
        <textarea id={id} className="input" rows={4} maxLength={MAX_ANSWER_TEXT} value={answer} aria-describedby={problem ? `${id}-hint ${id}-error` : `${id}-hint`} onChange={(e) => setAnswer(e.target.value)} />
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        {t.console.send}
      </button>
    </form>
  );
}

function CounterForm({ code, onRecorded, onFailed }: { code: string; onRecorded: (said: string) => void; onFailed: (err: unknown) => void }) {
  const tt = useT();
  const t = tt.complaints;
  const [kind, setKind] = useState('keluhan');
  const [body, setBody] = useState('');
  const [ticket, setTicket] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (body.trim().length < MIN_COMPLAINT_TEXT) found.body = t.errors.bodyShort;
    if (ticket.trim() && !parseTicket(ticket)) found.ticket = t.errors.ticket;
    if (phone.trim() && !normalisePhone(phone)) found.phone = t.errors.phone;
    setProblems(found);
    if (Object.keys(found).length > 0) return document.getElementById(`loket-aduan-${Object.keys(found)[0]}`)?.focus();
    setBusy(true);
    try {
      const res = await api.post<{ complaint: { number: string }; pin?: string }>(office(code), {
        kind,
        body: body.trim(),
        ...(ticket.trim() ? { requestTicket: ticket.trim() } : {}),
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
      });
      setBody('');
      setTicket('');
      setName('');
      setPhone('');
      onRecorded([t.console.recorded(res.complaint.number), res.pin ? t.console.pinGiven(res.pin) : ''].filter(Boolean).join(' '));
    } catch (err) {
      onFailed(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="loket-aduan" className="panel">
      <h2 id="loket-aduan">{t.console.recordHeading}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="loket-aduan-kind">{t.fields.kind}</label>
          <select id="loket-aduan-kind" className="input" value={kind} onChange={(e) => setKind(e.target.value)}>
            {['keluhan', 'saran'].map((k) => (
              <option key={k} value={k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        </div>
        <div className={problems.body ? 'field field-invalid' : 'field'}>
          <label htmlFor="loket-aduan-body">
            {t.fields.body} <span className="need">({tt.fields.required})</span>
          </label>
          <p id="loket-aduan-body-hint" className="hint">
            {t.fields.bodyHint}
          </p>
          {problems.body && (
            <p id="loket-aduan-body-error" className="field-error">
              <span aria-hidden="true">⚠ </span>
              {problems.body}
            </p>
          )}
          <textarea id="loket-aduan-body" className="input" rows={4} maxLength={MAX_COMPLAINT_TEXT} aria-required value={body} aria-describedby={problems.body ? 'loket-aduan-body-hint loket-aduan-body-error' : 'loket-aduan-body-hint'} onChange={(e) => setBody(e.target.value)} />
        </div>
        <Field id="loket-aduan-ticket" label={t.fields.ticket} hint={t.fields.ticketHint} error={problems.ticket} value={ticket} maxLength={40} onChange={(e) => setTicket(e.target.value)} />
        <Field id="loket-aduan-name" label={t.fields.name} value={name} maxLength={100} autoComplete="off" onChange={(e) => setName(e.target.value)} />
        <Field id="loket-aduan-phone" label={t.fields.phone} hint={t.fields.phoneHint} error={problems.phone} type="tel" inputMode="tel" autoComplete="off" value={phone} maxLength={20} onChange={(e) => setPhone(e.target.value)} />
        <button type="submit" className="button" aria-disabled={busy}>
          {t.console.record}
        </button>
      </form>
    </section>
  );
}
