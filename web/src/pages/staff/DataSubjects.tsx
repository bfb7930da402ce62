/**
 * /petugas/data-pribadi: a person's rights over their data (UU PDP) — find everything held on a NIK
 * or WhatsApp number, download a copy for them, correct a request, erase what the rules allow.
 * The search text stays out of the address bar, like the request search.
 */
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { focusField, PageHeading } from '../../components/Page.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { dataSubjectsApi, subjectKeyOf, type DataSubject, type ErasureResult, type HeldRequest, type SubjectKey } from './dataSubjectsApi.js';
import { officeToday } from '../../format.js';
import { calendarDate, dateTime, localized } from './format.js';
import { useFailure, useSession } from './session.js';

const FIELD = 'data-pribadi-kunci';

export function DataSubjects() {
  const tt = useT();
  const t = tt.console.dataSubjects;
  const { lang } = useLanguage();
  const { office, vocabulary } = useSession();
  const code = office!.code;
  const timeZone = office?.timezone ?? 'Asia/Jakarta';
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [key, setKey] = useState<SubjectKey>();
  const [held, setHeld] = useState<DataSubject>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [correcting, setCorrecting] = useState<HeldRequest>();
  const [erasing, setErasing] = useState(false);
  const [erasure, setErasure] = useState<ErasureResult>();
  const fail = useFailure(setError);

  const load = async (k: SubjectKey) => {
    setBusy(true);
    setError(undefined);
    try {
      setHeld(await dataSubjectsApi.find(code, k));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const k = subjectKeyOf(text);
    if (!k) {
      setProblem(t.invalid);
      return focusField(FIELD);
    }
    setProblem(undefined);
    setNotice(undefined);
    setErasure(undefined);
    setCorrecting(undefined);
    setErasing(false);
    setKey(k);
    await load(k);
  };

  const download = async () => {
    if (!key) return;
    try {
      const blob = await dataSubjectsApi.exportCopy(code, key);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `data-pribadi-${officeToday(timeZone)}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setNotice(t.exported);
    } catch (err) {
      fail(err);
    }
  };

  /** An SOP action in the vocabulary's words; other audit actions by their code. */
  const actionLabel = (action: string) => localized(vocabulary.actions[action.replace(/^request\./, '')], lang, action);
  const others = held ? held.children.length + held.bookLoans.length + held.surveySuggestions.length + held.deliveries.length + held.visits.length : 0;
  const total = held ? held.requests.length + held.files.length + held.chats.length + held.verifications.length + others : 0;

  return (
    <>
      <PageHeading title={t.title} />
      <p>{t.intro}</p>
      <form className="form search-form" onSubmit={search} noValidate role="search" aria-busy={busy}>
        <Field id={FIELD} label={t.label} hint={t.hint} autoComplete="off" inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} error={problem} />
        <button type="submit" className="button" aria-disabled={busy}>
          {t.submit}
        </button>
      </form>
      {error !== undefined && <ErrorAlert error={error} />}
      <div className="data-subject-status" role="status" aria-live="polite">
        {busy && <p className="loading">{tt.app.loading}</p>}
        {notice && <p className="alert alert-success">{notice}</p>}
        {held && !busy && <p>{total === 0 ? t.none : t.summary(held.requests.length, held.files.length, held.chats.length, held.accessLog.length)}</p>}
      </div>
      {held && key && total > 0 && (
        <>
          <p>
            <button type="button" className="button button-secondary" onClick={download}>
              {t.export}
            </button>
          </p>
          {held.requests.length > 0 && (
            <section aria-labelledby="dp-requests">
              <h2 id="dp-requests">{t.requests}</h2>
              <div className="table-wrap">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t.ticket}</th>
                      <th scope="col">{t.state}</th>
                      <th scope="col">{t.subject}</th>
                      <th scope="col">{t.applicant}</th>
                      <th scope="col">{t.keptUntil}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t.correct('')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {held.requests.map((r) => (
                      <tr key={r.id}>
                        <th scope="row">{r.ticket}</th>
                        <td>{localized(vocabulary.states[r.state], lang, r.state)}</td>
                        <td>
                          {r.subject.name}
                          {r.subject.nik ? ` (${r.subject.nik})` : ''}
                        </td>
                        <td>{r.applicant.name}</td>
                        <td>{r.anonymisedAt ? t.anonymised : r.anonymiseAfter ? calendarDate(officeToday(timeZone, new Date(r.anonymiseAfter)), lang) : t.whileOpen}</td>
                        <td>
                          {!r.anonymisedAt && (
                            <button type="button" className="button button-secondary" onClick={() => setCorrecting(r)}>
                              {t.correct(r.ticket)}
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
          {correcting && (
            <CorrectionForm
              key={correcting.id}
              request={correcting}
              onCancel={() => setCorrecting(undefined)}
              onDone={async (n) => {
                setCorrecting(undefined);
                setNotice(t.corrected(n));
                await load(key);
              }}
            />
          )}
          {held.files.length > 0 && (
            <section aria-labelledby="dp-files">
              <h2 id="dp-files">{t.files}</h2>
              <ul>
                {held.files.map((f) => (
                  <li key={f.id}>
                    {localized(vocabulary.documentTypes[f.documentType ?? ''], lang, f.documentType ?? '—')} — {localized(f.purpose, lang, '')}{' '}
                    ({f.purgedAt ? t.purged : f.purgeAfter ? t.purgeOn(calendarDate(officeToday(timeZone, new Date(f.purgeAfter)), lang)) : t.whileOpen})
                  </li>
                ))}
              </ul>
            </section>
          )}
          {held.chats.length > 0 && (
            <section aria-labelledby="dp-chats">
              <h2 id="dp-chats">{t.chats}</h2>
              <ul>
                {held.chats.map((c) => (
                  <li key={c.id}>
                    {dateTime(c.receivedAt, timeZone, lang)}: {c.text ?? c.type}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {held.verifications.length > 0 && <p>{t.verifications(held.verifications.length)}</p>}
          {others > 0 && (
            <section aria-labelledby="dp-others">
              <h2 id="dp-others">{t.otherRecords}</h2>
              <ul>
                {held.children.map((c) => (
                  <li key={c.id}>{t.childRow(c.nik ? `${c.name ?? ''} (${c.nik})` : (c.name ?? ''), calendarDate(c.birthDate, lang))}</li>
                ))}
                {held.bookLoans.map((l) => (
                  <li key={l.id}>{t.loanRow(l.title, calendarDate(l.loanedOn, lang), l.returnedOn ? calendarDate(l.returnedOn, lang) : null)}</li>
                ))}
                {held.surveySuggestions.map((x) => x.suggestion && <li key={x.id}>{t.suggestionRow(x.suggestion)}</li>)}
                {held.deliveries.map((d) => (
                  <li key={d.id}>{t.deliveryRow(tt.delivery.officer.states[d.state] ?? d.state, d.failedAttempts)}</li>
                ))}
                {held.visits.map((v) => (
                  <li key={v.id}>{t.visitRow(dateTime(v.startsAt, timeZone, lang), v.outcome ? (tt.visits.outcomes[v.outcome] ?? v.outcome) : t.visitNoOutcome)}</li>
                ))}
              </ul>
            </section>
          )}
          {held.accessLog.length > 0 && (
            <section aria-labelledby="dp-access">
              <h2 id="dp-access">{t.accessLog}</h2>
              <div className="table-wrap">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t.when}</th>
                      <th scope="col">{t.action}</th>
                      <th scope="col">{t.role}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {held.accessLog.map((a, i) => (
                      <tr key={i}>
                        <td>{dateTime(a.at, timeZone, lang)}</td>
                        <td>{actionLabel(a.action)}</td>
                        <td>{a.actorRole ? ((tt.roles as Record<string, string | undefined>)[a.actorRole] ?? a.actorRole) : a.actorType}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
          {!erasing && (
            <p>
              <button type="button" className="button button-secondary button-danger" onClick={() => setErasing(true)}>
                {t.erase}
              </button>
            </p>
          )}
          {erasing && (
            <ErasureForm
              subjectKey={key}
              onCancel={() => setErasing(false)}
              onDone={async (result) => {
                setErasing(false);
                setNotice(undefined);
                setErasure(result);
                await load(key);
              }}
            />
          )}
        </>
      )}
      {erasure && (
        <section aria-labelledby="dp-erased" className="panel">
          <h2 id="dp-erased">{t.eraseTitle}</h2>
          <p>{t.erased(erasure.erased.requests, erasure.erased.chats, erasure.erased.verifications)}</p>
          {erasure.erased.children + erasure.erased.bookLoans + erasure.erased.surveySuggestions + erasure.erased.proofPhotos > 0 && (
            <p>{t.erasedMore(erasure.erased.children, erasure.erased.bookLoans, erasure.erased.surveySuggestions, erasure.erased.proofPhotos)}</p>
          )}
          {erasure.refused.length > 0 && (
            <>
              <h3>{t.refusedTitle}</h3>
              <ul>
                {erasure.refused.map((r, i) => (
                  <li key={i}>
                    <strong>{r.ticket ?? (r.what === 'book_loan' ? t.refusedLoan : t.refusedChats)}</strong>: {r.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}

function CorrectionForm({ request, onCancel, onDone }: { request: HeldRequest; onCancel: () => void; onDone: (corrected: number) => Promise<void> }) {
  const t = useT().console.dataSubjects;
  const { office } = useSession();
  const [subjectName, setSubjectName] = useState(request.subject.name);
  const [subjectBirthDate, setSubjectBirthDate] = useState(request.subject.birthDate ?? '');
  const [applicantName, setApplicantName] = useState(request.applicant.name);
  const [applicantPhone, setApplicantPhone] = useState(request.applicant.phone);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const fail = useFailure(setError);
  const id = `koreksi-${request.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setProblem(t.reasonMissing);
      return focusField(`${id}-alasan`);
    }
    setProblem(undefined);
    try {
      const changed = (a: string, b: string | undefined) => (a.trim() !== (b ?? '') ? a.trim() : undefined);
      const result = await dataSubjectsApi.correct(office!.code, {
        requestId: request.id,
        reason: reason.trim(),
        ...(changed(subjectName, request.subject.name) ? { subjectName: subjectName.trim() } : {}),
        ...(subjectBirthDate && changed(subjectBirthDate, request.subject.birthDate) ? { subjectBirthDate } : {}),
        ...(changed(applicantName, request.applicant.name) ? { applicantName: applicantName.trim() } : {}),
        ...(changed(applicantPhone, request.applicant.phone) ? { applicantPhone: applicantPhone.trim() } : {}),
      });
      await onDone(result.corrected.length);
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t.correctTitle(request.ticket)}</h2>
      {error !== undefined && <ErrorAlert error={error} />}
      <form className="form" onSubmit={submit} noValidate>
        <Field id={`${id}-nama`} label={t.subjectName} value={subjectName} maxLength={120} onChange={(e) => setSubjectName(e.target.value)} />
        <Field id={`${id}-lahir`} label={t.subjectBirthDate} type="date" value={subjectBirthDate} onChange={(e) => setSubjectBirthDate(e.target.value)} />
        <Field id={`${id}-pemohon`} label={t.applicantName} value={applicantName} maxLength={120} onChange={(e) => setApplicantName(e.target.value)} />
        <Field id={`${id}-wa`} label={t.applicantPhone} value={applicantPhone} inputMode="tel" onChange={(e) => setApplicantPhone(e.target.value)} />
        <Field id={`${id}-alasan`} label={t.reason} hint={t.reasonHint} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} error={problem} />
        <div className="actions-row">
          <button type="submit" className="button">
            {t.saveCorrection}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

function ErasureForm({ subjectKey, onCancel, onDone }: { subjectKey: SubjectKey; onCancel: () => void; onDone: (result: ErasureResult) => Promise<void> }) {
  const t = useT().console.dataSubjects;
  const { office } = useSession();
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [problems, setProblems] = useState<{ reason?: string; confirm?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const fail = useFailure(setError);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = { ...(reason.trim().length < 3 ? { reason: t.reasonMissing } : {}), ...(!confirmed ? { confirm: t.eraseConfirmMissing } : {}) };
    setProblems(found);
    if (found.reason) return focusField('hapus-alasan');
    if (found.confirm) return focusField('hapus-yakin');
    setBusy(true);
    try {
      await onDone(await dataSubjectsApi.erase(office!.code, subjectKey, reason.trim()));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="hapus-title" className="panel">
      <h2 id="hapus-title">{t.eraseTitle}</h2>
      <p>{t.eraseExplain}</p>
      {error !== undefined && <ErrorAlert error={error} />}
      <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
        <Field id="hapus-alasan" label={t.reason} hint={t.reasonHint} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} error={problems.reason} />
        <div className={problems.confirm ? 'field field-invalid' : 'field'}>
          {problems.confirm && (
            <p id="hapus-yakin-error" className="field-error">
              {problems.confirm}
            </p>
          )}
          <div className="checkbox">
            <input id="hapus-yakin" type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} aria-describedby={problems.confirm ? 'hapus-yakin-error' : undefined} />
            <label htmlFor="hapus-yakin">{t.eraseConfirm}</label>
          </div>
        </div>
        <div className="actions-row">
          <button type="submit" className="button button-secondary button-danger" aria-disabled={busy}>
            {t.eraseNow}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
