/**
 * /pengaduan: a citizen sends a complaint or suggestion (UU 25/2009) without an account and gets
 * its number and a PIN, then reads the answer here with both. Loaded on demand.
 */
import { useState, type FormEvent } from 'react';
import { MAX_COMPLAINT_TEXT, MIN_COMPLAINT_TEXT, parseComplaintNumber } from '../../../../src/complaints/complaints.js';
import { parseTicket } from '../../../../src/requests/ticket.js';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { Loading, PageHeading } from '../../components/Page.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { useLocation } from '../../router.js';
import { formatDateTime, useOffice } from './shared.js';
import './portal.css';

type Seen = { number: string; kind: string; receivedAt: string; dueAt: string; status: string; answer: string | null; answeredAt: string | null };

export function ComplaintPage() {
  const tt = useT();
  const t = tt.complaints;
  const { lang } = useLanguage();
  const requested = useLocation().query.get('kantor') ?? undefined;
  const office = useOffice(requested);
  if (office.status === 'loading') return <Loading />;
  if (office.status === 'failed') return <ErrorAlert error={office.error} />;
  const o = office.value;
  const days = o.complaintAnswerDays ?? 5;
  return (
    <>
      <PageHeading title={t.portal.title} />
      <p className="lead">{t.portal.intro(days)}</p>
      <SendForm officeCode={o.code} />
      <LookupForm officeCode={o.code} timezone={o.timezone} lang={lang} />
    </>
  );
}

function SendForm({ officeCode }: { officeCode: string }) {
  const tt = useT();
  const t = tt.complaints;
  const [kind, setKind] = useState('keluhan');
  const [body, setBody] = useState('');
  const [ticket, setTicket] = useState('');
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState<{ number: string; pin: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (body.trim().length < MIN_COMPLAINT_TEXT) found.body = t.errors.bodyShort;
    if (ticket.trim() && !parseTicket(ticket)) found.ticket = t.errors.ticket;
    setProblems(found);
    if (Object.keys(found).length > 0) return document.getElementById(`aduan-${Object.keys(found)[0]}`)?.focus();
    setBusy(true);
    setError(undefined);
    try {
      const res = await api.post<{ complaint: { number: string }; pin: string }>(`/api/v1/public/offices/${encodeURIComponent(officeCode)}/complaints`, {
        kind,
        body: body.trim(),
        ...(ticket.trim() ? { requestTicket: ticket.trim() } : {}),
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      setSent({ number: res.complaint.number, pin: res.pin });
      setBody('');
      setTicket('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="kirim-aduan">
      <h2 id="kirim-aduan">{t.portal.title}</h2>
      <p role="status" aria-live="polite" className={sent ? 'alert alert-success' : 'visually-hidden'}>
        {sent && (
          <>
            {t.portal.sent(sent.number)} {t.portal.keep(sent.pin)}
          </>
        )}
      </p>
      {error !== undefined && <ErrorAlert error={error} />}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="aduan-kind">{t.fields.kind}</label>
          <select id="aduan-kind" className="input" value={kind} onChange={(e) => setKind(e.target.value)}>
            {['keluhan', 'saran'].map((k) => (
              <option key={k} value={k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        </div>
        <div className={problems.body ? 'field field-invalid' : 'field'}>
          <label htmlFor="aduan-body">
            {t.fields.body} <span className="need">({tt.fields.required})</span>
          </label>
          <p id="aduan-body-hint" className="hint">
            {t.fields.bodyHint}
          </p>
          {problems.body && (
            <p id="aduan-body-error" className="field-error">
              <span aria-hidden="true">⚠ </span>
              {problems.body}
            </p>
          )}
          <textarea id="aduan-body" className="input" rows={5} maxLength={MAX_COMPLAINT_TEXT} aria-required value={body} aria-describedby={problems.body ? 'aduan-body-hint aduan-body-error' : 'aduan-body-hint'} onChange={(e) => setBody(e.target.value)} />
        </div>
        <Field id="aduan-ticket" label={t.fields.ticket} hint={t.fields.ticketHint} error={problems.ticket} value={ticket} maxLength={40} onChange={(e) => setTicket(e.target.value)} />
        <Field id="aduan-name" label={t.fields.name} value={name} maxLength={100} autoComplete="name" onChange={(e) => setName(e.target.value)} />
        <p className="hint">{t.portal.whatsappHint}</p>
        <button type="submit" className="button" aria-disabled={busy}>
          {t.portal.send}
        </button>
      </form>
    </section>
  );
}

function LookupForm({ officeCode, timezone, lang }: { officeCode: string; timezone: string; lang: 'id' | 'en' }) {
  const t = useT().complaints;
  const [number, setNumber] = useState('');
  const [pin, setPin] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [seen, setSeen] = useState<Seen>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!parseComplaintNumber(number)) found.number = t.errors.number;
    if (!/^\d{6}$/.test(pin.trim())) found.pin = t.errors.pin;
    setProblems(found);
    if (Object.keys(found).length > 0) return document.getElementById(`lihat-aduan-${Object.keys(found)[0]}`)?.focus();
    setError(undefined);
    setSeen(undefined);
    try {
      const res = await api.post<{ complaint: Seen }>(`/api/v1/public/offices/${encodeURIComponent(officeCode)}/complaints/lookup`, { number, pin: pin.trim() });
      setSeen(res.complaint);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="lihat-aduan">
      <h2 id="lihat-aduan">{t.portal.lookupHeading}</h2>
      {error !== undefined && <ErrorAlert error={error} />}
      <form onSubmit={submit} noValidate>
        <Field id="lihat-aduan-number" label={t.portal.number} error={problems.number} value={number} maxLength={30} autoComplete="off" onChange={(e) => setNumber(e.target.value)} />
        <Field id="lihat-aduan-pin" label={t.portal.pin} error={problems.pin} value={pin} inputMode="numeric" maxLength={6} autoComplete="off" onChange={(e) => setPin(e.target.value)} />
        <button type="submit" className="button button-secondary">
          {t.portal.lookup}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {seen && (
          <div className="panel">
            <h3>
              {seen.number} · {t.kinds[seen.kind] ?? seen.kind}
            </h3>
            <p>
              {t.portal.status}: {t.statuses[seen.status] ?? seen.status}
            </p>
            {seen.answer ? <p>{seen.answer}</p> : <p>{t.portal.noAnswer(formatDateTime(seen.dueAt, lang, timezone))}</p>}
          </div>
        )}
      </div>
    </section>
  );
}
