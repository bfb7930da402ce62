/**
 * Tracking by ticket and PIN (`/lacak?tiket=KBR-26-000001` fills in the ticket): the SOP steps in
 * plain words, the due time, what to fix and the upload of the fix, cancelling, and where and when
 * to collect the document. The tracking token lives in sessionStorage for the tab's lifetime only.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api.js';
import { ErrorAlert, ErrorSummary, type FormProblem } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { focusHeading, Loading, PageHeading } from '../../components/Page.js';
import { useT } from '../../i18n/index.js';
import { navigate, useLocation } from '../../router.js';
import type { Office } from '../../types.js';
import { DeliveryStatus } from './DeliveryStatus.js';
import { cancelRequest, resubmit, sendNewPin, track, trackAgain, type TrackedRequest } from './api.js';
import { DocumentUpload, formatDateTime, OfficeInfo, pick, useLang, useOffice, type UploadValue } from './shared.js';
import { sessionFor, STEP_ORDER, stepStatus, type StepKey, type TrackSession } from './track-logic.js';
import { TrackSurvey } from './TrackSurvey.js';
import './portal.css';

const KEY = 'kencot.track';

function loadSession(): TrackSession | undefined {
  try {
    return (JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as TrackSession | null) ?? undefined;
  } catch {
    return undefined;
  }
}

function saveSession(session: TrackSession | undefined) {
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Not kept across a reload; tracking still works.
  }
}

export function TrackPage() {
  const t = useT();
  // Loaded lazily, after the router's own focus move found no heading yet: announce the page now.
  useEffect(() => {
    if (document.activeElement === document.body) focusHeading();
  }, []);
  const ticketParam = useLocation().query.get('tiket') ?? '';
  // A receipt's link with another ticket wins over the request tracked earlier in this tab.
  const [session, setSession] = useState<TrackSession | undefined>(() => sessionFor(loadSession(), ticketParam, Date.now()));
  useEffect(() => {
    if (session && !sessionFor(session, ticketParam, Date.now())) end();
    // Only a new link decides; the session changes with the form.
  }, [ticketParam]);
  const [request, setRequest] = useState<TrackedRequest>();
  const [loadError, setLoadError] = useState<unknown>();

  // A reload keeps the open request while its token lasts.
  useEffect(() => {
    if (!session || request) return;
    const abort = new AbortController();
    trackAgain(session.token, abort.signal).then(setRequest, (error: unknown) => {
      if (abort.signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) end();
      else setLoadError(error);
    });
    return () => abort.abort();
  }, [session, request]);

  function end() {
    saveSession(undefined);
    setSession(undefined);
    setRequest(undefined);
  }

  const title = request ? `${t.citizen.track.title}: ${request.ticket}` : t.citizen.track.title;
  return (
    <>
      <PageHeading title={title} />
      {loadError !== undefined && <ErrorAlert error={loadError} />}
      {!session && (
        <TrackForm
          initialTicket={ticketParam}
          onTracked={(found, token, expiresAt) => {
            const s = { token, expiresAt, ticket: found.ticket };
            saveSession(s);
            setSession(s);
            setRequest(found);
          }}
        />
      )}
      {session && !request && loadError === undefined && <Loading />}
      {session && request && (
        <RequestView
          request={request}
          token={session.token}
          onChange={setRequest}
          onEnded={end}
          onAnother={() => {
            end();
            navigate('/lacak');
          }}
        />
      )}
    </>
  );
}

function TrackForm({ initialTicket, onTracked }: { initialTicket: string; onTracked: (r: TrackedRequest, token: string, expiresAt: string) => void }) {
  const t = useT();
  const [ticket, setTicket] = useState(initialTicket);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [problems, setProblems] = useState<FormProblem[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const list: FormProblem[] = [];
    if (!ticket.trim()) list.push({ fieldId: 'ticket', label: t.citizen.track.ticket, message: t.citizen.track.ticketRequired });
    if (!/^\d{6}$/.test(pin.trim())) list.push({ fieldId: 'pin', label: t.citizen.track.pin, message: t.citizen.track.pinInvalid });
    setProblems(list);
    setError(undefined);
    if (list.length > 0) {
      document.getElementById(list[0]!.fieldId)?.focus();
      return;
    }
    setBusy(true);
    try {
      const found = await track(ticket.trim(), pin.trim());
      onTracked(found.request, found.token, found.expiresAt);
    } catch (e) {
      setError(e);
      setTimeout(() => document.getElementById('pin')?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (id: string) => problems.find((p) => p.fieldId === id)?.message;
  return (
    <form onSubmit={submit} noValidate className="form">
      <p>{t.citizen.track.intro}</p>
      {error !== undefined && <ErrorAlert error={error} />}
      <ErrorSummary problems={problems} />
      <Field id="ticket" label={t.citizen.track.ticket} hint={t.citizen.track.ticketHint} autoComplete="off" autoCapitalize="characters" error={errorOf('ticket')} value={ticket} onChange={(e) => setTicket(e.target.value)} />
      <Field id="pin" label={t.citizen.track.pin} hint={t.citizen.track.pinHint} inputMode="numeric" autoComplete="off" maxLength={6} error={errorOf('pin')} value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? t.citizen.track.checking : t.citizen.track.submit}
      </button>
      <LostPin ticket={ticket} onTicketMissing={() => {
        setProblems([{ fieldId: 'ticket', label: t.citizen.track.ticket, message: t.citizen.track.ticketRequired }]);
        document.getElementById('ticket')?.focus();
      }} />
    </form>
  );
}

/** A lost PIN is sent anew to the applicant's WhatsApp, never shown here: whoever types a ticket learns nothing. */
function LostPin({ ticket, onTicketMissing }: { ticket: string; onTicketMissing: () => void }) {
  const t = useT().citizen.track;
  const [state, setState] = useState<{ busy: boolean; sent?: boolean; error?: unknown }>({ busy: false });
  async function send() {
    if (state.busy) return;
    if (!ticket.trim()) return onTicketMissing();
    setState({ busy: true });
    try {
      await sendNewPin(ticket.trim());
      setState({ busy: false, sent: true });
    } catch (error) {
      setState({ busy: false, error });
    }
  }
  return (
    <details className="lost-pin">
      <summary>{t.lostPin}</summary>
      <p>{t.lostPinExplain}</p>
      <div role="status" aria-live="polite">
        {state.sent && <p className="alert alert-success">{t.newPinSent}</p>}
      </div>
      {state.error !== undefined && <ErrorAlert error={state.error} />}
      <button type="button" className="button button-secondary" onClick={() => void send()} aria-disabled={state.busy || undefined}>
        {state.busy ? t.sendingNewPin : t.sendNewPin}
      </button>
    </details>
  );
}

/** Which action finished each step (for its time). */
const DONE_BY: Record<StepKey, string[]> = { submit: ['submit'], verify: ['verify_accept'], process: ['mark_ready'], ready: ['mark_ready'], handed_over: ['hand_over'] };

function RequestView(props: { request: TrackedRequest; token: string; onChange: (r: TrackedRequest) => void; onEnded: () => void; onAnother: () => void }) {
  const t = useT();
  const lang = useLang();
  const { request } = props;
  const office = useOffice(request.officeCode);
  const tz = office.status === 'ready' ? office.value.timezone : 'Asia/Jakarta';
  const [notice, setNotice] = useState<string>();

  // Server words (labels) come in both languages; a language switch needs no new request.
  const last = (actions: string[]) => [...request.history].reverse().find((h) => actions.includes(h.action));
  const final = request.state === 'rejected' || request.state === 'cancelled';

  return (
    <>
      {notice && (
        <p className="alert alert-success" role="status">
          <span aria-hidden="true">✓ </span>
          {notice}
        </p>
      )}
      <section aria-labelledby="status-heading" className="card status-card">
        <h2 id="status-heading" tabIndex={-1}>
          {t.citizen.track.statusHeading}
        </h2>
        <p className={`status-badge status-${request.state}`}>{pick(request.stateLabel, lang)}</p>
        <dl className="details">
          <dt>{t.citizen.apply.service}</dt>
          <dd>{pick(request.service.name, lang)}</dd>
          <dt>{t.citizen.track.forWhom}</dt>
          <dd>
            {request.subject.name}
            {request.subject.nikMasked && ` · NIK ${request.subject.nikMasked}`}
          </dd>
          <dt>{t.citizen.track.applicant}</dt>
          <dd>
            {request.applicant.name} · {request.applicant.phoneMasked}
          </dd>
          <dt>{t.citizen.apply.submittedAt}</dt>
          <dd>{formatDateTime(request.submittedAt, lang, tz)}</dd>
        </dl>
        {!final && request.state !== 'handed_over' && (
          <p className="due">
            <strong>{t.citizen.track.due(formatDateTime(request.dueAt, lang, tz))}</strong>
            {request.clockPaused && <span className="hint"> {t.citizen.track.paused}</span>}
          </p>
        )}
        {request.state === 'rejected' && request.rejectReason && <p className="alert alert-error">{t.citizen.track.rejected(pick(request.rejectReason.label, lang))}</p>}
        {request.state === 'cancelled' && <p>{t.citizen.track.cancelled}</p>}
      </section>

      {!final && (
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{t.citizen.track.timelineHeading}</h2>
          <ol className="timeline">
            {STEP_ORDER.map((key) => {
              const status = stepStatus(request.state, key);
              const doneAt = status === 'done' ? last(DONE_BY[key]) : undefined;
              return (
                <li key={key} className={`timeline-${status}`} aria-current={status === 'current' || status === 'returned' ? 'step' : undefined}>
                  <span className="timeline-mark" aria-hidden="true">
                    {status === 'done' ? '✓' : status === 'current' ? '●' : status === 'returned' ? '!' : '○'}
                  </span>
                  <span className="timeline-text">
                    <strong>{t.citizen.track.steps[key]}</strong>{' '}
                    <span className="timeline-status">
                      ({status === 'done' ? t.citizen.track.stepDone : status === 'current' ? t.citizen.track.stepCurrent : status === 'returned' ? t.citizen.track.stepReturned : t.citizen.track.stepPending})
                    </span>
                    {doneAt && <span className="hint"> · {formatDateTime(doneAt.at, lang, tz)}</span>}
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      )}

      {request.state === 'returned' && (
        <FixSection
          request={request}
          token={props.token}
          onResubmitted={(r) => {
            props.onChange(r);
            setNotice(t.citizen.track.resubmitted);
          }}
          onEnded={props.onEnded}
        />
      )}

      {office.status === 'ready' && !final && <CollectSection request={request} office={office.value} tz={tz} />}

      {request.state === 'handed_over' && <TrackSurvey token={props.token} />}

      {request.actions.includes('cancel') && (
        <CancelSection
          token={props.token}
          onCancelled={(r) => {
            props.onChange(r);
            setNotice(t.citizen.track.cancelled);
          }}
        />
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t.citizen.track.historyHeading}</h2>
        <ul className="history">
          {request.history.map((h, i) => (
            <li key={i}>
              {formatDateTime(h.at, lang, tz)}: {t.citizen.track.actions[h.action] ?? h.action}
            </li>
          ))}
        </ul>
      </section>

      <p>
        <button type="button" className="link-button" onClick={props.onAnother}>
          {t.citizen.track.another}
        </button>
      </p>
    </>
  );
}

function FixSection({ request, token, onResubmitted, onEnded }: { request: TrackedRequest; token: string; onResubmitted: (r: TrackedRequest) => void; onEnded: () => void }) {
  const t = useT();
  const lang = useLang();
  const [uploads, setUploads] = useState<Record<string, UploadValue>>({});
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const documents = [...new Map(request.returnReasons.filter((r) => r.document).map((r) => [r.document!, r.documentLabel])).entries()];
  const heading = useRef<HTMLHeadingElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const missing = documents.filter(([doc]) => !uploads[doc]);
    const list = missing.map(([doc, label]) => ({ fieldId: `fix-${doc}`, label: label ? pick(label, lang) : doc, message: t.citizen.apply.missingDocument(label ? pick(label, lang) : doc) }));
    setProblems(list);
    if (list.length > 0) {
      setTimeout(() => document.querySelector<HTMLElement>('.fix .alert-error a')?.focus(), 0);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const attachments = Object.entries(uploads).map(([documentType, u]) => ({ fileId: u.fileId, documentType }));
      onResubmitted(await resubmit(token, attachments));
      setTimeout(() => document.getElementById('status-heading')?.focus(), 0);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return onEnded();
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="fix-heading" className="fix callout">
      <h2 id="fix-heading" ref={heading}>
        {t.citizen.track.fixHeading}
      </h2>
      <ul>
        {request.returnReasons.map((r, i) => (
          <li key={i}>
            <strong>{pick(r.label, lang)}</strong>
            {r.documentLabel && `: ${pick(r.documentLabel, lang)}`}
            {r.note && ` (${r.note})`}
          </li>
        ))}
      </ul>
      <p>{t.citizen.track.fixIntro}</p>
      <form onSubmit={submit} noValidate className="form">
        {error !== undefined && <ErrorAlert error={error} />}
        <ErrorSummary problems={problems.filter((p) => !uploads[p.fieldId.slice(4)])} />
        {documents.map(([doc, label]) => (
          <DocumentUpload
            key={doc}
            id={`fix-${doc}`}
            label={t.citizen.track.fixUpload(label ? pick(label, lang) : doc)}
            need="required"
            token={token}
            documentType={doc}
            value={uploads[doc]}
            error={errors[doc]}
            onUploaded={(v) => setUploads((u) => ({ ...u, [doc]: v }))}
            onError={(m) => setErrors((e) => ({ ...e, [doc]: m }))}
          />
        ))}
        <DocumentUpload
          id="fix-dokumen_pendukung"
          label={t.citizen.track.extraDocument}
          need="optional"
          token={token}
          documentType="dokumen_pendukung"
          value={uploads.dokumen_pendukung}
          error={errors.dokumen_pendukung}
          onUploaded={(v) => setUploads((u) => ({ ...u, dokumen_pendukung: v }))}
          onError={(m) => setErrors((e) => ({ ...e, dokumen_pendukung: m }))}
        />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t.citizen.track.resubmitting : t.citizen.track.resubmit}
        </button>
      </form>
    </section>
  );
}

function CollectSection({ request, office, tz }: { request: TrackedRequest; office: Office; tz: string }) {
  const t = useT();
  const lang = useLang();
  // A document the kurir brought back is collected at the office like any other.
  const home = request.handOverChoice === 'home_delivery' && request.delivery?.state !== 'returned_to_office';
  const ready = request.state === 'ready';
  return (
    <section aria-labelledby="collect-heading">
      <h2 id="collect-heading">{t.citizen.track.collectHeading}</h2>
      {request.state === 'handed_over' ? (
        <p className="alert alert-success">
          <span aria-hidden="true">✓ </span>
          {t.citizen.track.handedOverOn(formatDateTime(request.handedOver?.receivedAt ?? request.stateEnteredAt, lang, tz))}
        </p>
      ) : home ? (
        <p className={ready ? 'alert alert-success' : undefined}>{ready ? t.citizen.track.deliverReady : t.citizen.track.deliverLater}</p>
      ) : (
        <p className={ready ? 'alert alert-success' : undefined}>{ready ? t.citizen.track.collectReady(office.name) : t.citizen.track.collectLater(office.name)}</p>
      )}
      {request.delivery && <DeliveryStatus delivery={request.delivery} tz={tz} />}
      {request.state !== 'handed_over' && !home && <OfficeInfo office={office} />}
    </section>
  );
}

function CancelSection({ token, onCancelled }: { token: string; onCancelled: (r: TrackedRequest) => void }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t.citizen.track.cancelHeading}</h2>
      <p>{t.citizen.track.cancelText}</p>
      {error !== undefined && <ErrorAlert error={error} />}
      {!asking ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setAsking(true);
            setTimeout(() => document.getElementById('cancel-confirm')?.focus(), 0);
          }}
        >
          {t.citizen.track.cancel}
        </button>
      ) : (
        <div role="group" aria-labelledby="cancel-confirm" className="confirm">
          <p id="cancel-confirm" tabIndex={-1}>
            <strong>{t.citizen.track.cancelConfirm}</strong>
          </p>
          <div className="step-buttons">
            <button
              type="button"
              className="button button-danger"
              aria-disabled={busy || undefined}
              onClick={async () => {
                if (busy) return;
                setBusy(true);
                try {
                  onCancelled(await cancelRequest(token));
                } catch (e) {
                  setError(e);
                } finally {
                  setBusy(false);
                  setAsking(false);
                }
              }}
            >
              {t.citizen.track.cancelYes}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
              {t.citizen.track.cancelNo}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
