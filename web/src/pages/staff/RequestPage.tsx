/**
 * /petugas/permohonan/:id — one request: who and what, the NIK checks, the checklist beside the
 * documents (with a viewer), the SLA clocks, the actions the SOP allows this member now, and the
 * whole history. The verify step (5 minutes) can be done from the keyboard: Y, T, N/P, +/−, R.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/Errors.js';
import { Loading, PageHeading } from '../../components/Page.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { Link, navigate } from '../../router.js';
import { NEXT_KEY, nextInQueue, queueOfState } from './next-in-queue.js';
import { consoleApi, type QueueName, type Action, type FieldGroup, type HistoryEntry, type NikCheck, type RequestDetail, type Vocabulary } from './consoleApi.js';
import { DocumentViewer, INITIAL_VIEW, viewerSteps, type ViewerState } from './DocumentViewer.js';
import { calendarDate, dateTime, duration, localized } from './format.js';
import { needsOverride, RequestActions } from './RequestActions.js';
import { ReprintReceipt } from './ReprintReceipt.js';
import { ClockBadges } from './RequestList.js';
import { HomeVisits } from './HomeVisits.js';
import { may, roleLabel, useFailure, useSession } from './session.js';
import { Shortcuts, useShortcutsEnabled } from './Shortcuts.js';
import { Checklist, NikChecks } from './RequestChecks.js';

export function RequestPage({ id }: { id: string }) {
  const tt = useT();
  const t = tt.console;
  const { lang } = useLanguage();
  const { office, vocabulary, user } = useSession();
  const [detail, setDetail] = useState<RequestDetail>();
  const [history, setHistory] = useState<HistoryEntry[]>();
  const [loadError, setLoadError] = useState<unknown>();
  const [actionError, setActionError] = useState<unknown>();
  const failLoad = useFailure(setLoadError);
  const failAction = useFailure(setActionError);
  const [attempt, setAttempt] = useState(0);
  const [view, setView] = useState<ViewerState>(INITIAL_VIEW);
  const [open, setOpen] = useState<Action>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const doneRef = useRef<HTMLParagraphElement>(null);
  const [shortcutsOn, setShortcutsOn] = useShortcutsEnabled();
  // The queue this request was opened from (by its state then): "next" goes on with it.
  const [fromQueue, setFromQueue] = useState<QueueName>();
  const [acted, setActed] = useState(false);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const d = await consoleApi.detail(id, signal);
      // The history is not every role's to read (the kurir's page has none).
      const h = d.visible.history ? await consoleApi.history(id, signal) : [];
      setDetail(d);
      setHistory(h);
      setFromQueue((q) => q ?? queueOfState(d.request.state));
    },
    [id],
  );

  // A new request (also the next one in the queue) starts afresh, with focus on its heading
  // so a screen reader announces it and the single keys work at once.
  useEffect(() => {
    setFromQueue(undefined);
    setActed(false);
    setDone(undefined);
    setDetail(undefined);
  }, [id]);
  const loaded = detail?.request.id === id;
  useEffect(() => {
    if (loaded) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [loaded]);

  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal).catch(failLoad);
    return () => abort.abort();
  }, [load, failLoad, attempt]);

  const act = useCallback(
    async (action: Action, payload: Record<string, unknown> = {}) => {
      if (busy) return;
      setBusy(true);
      setActionError(undefined);
      setDone(undefined);
      try {
        await consoleApi.act(id, action, payload);
        setOpen(undefined);
        setDone(t.actions.done[action]);
        setActed(true);
        await load();
        // The button pressed may be gone now: put focus on the outcome, which is also announced.
        doneRef.current?.focus();
      } catch (error) {
        failAction(error);
        // Someone else moved it meanwhile: show what it is now.
        await load().catch(() => undefined);
      } finally {
        setBusy(false);
      }
    },
    [busy, id, load, failAction, t],
  );

  const goNext = useCallback(async () => {
    if (!fromQueue || !office) return;
    try {
      const next = nextInQueue(await consoleApi.queue(office.code, fromQueue), id);
      if (next) navigate(`/petugas/permohonan/${next}`);
      else setDone(t.actions.queueEmpty);
    } catch (error) {
      failAction(error);
    }
  }, [fromQueue, office, id, t, failAction]);

  // Focus the first field of a form opened by shortcut or button.
  useEffect(() => {
    if (open) document.querySelector<HTMLElement>(`#form-${open} [data-autofocus]`)?.focus();
  }, [open]);

  const files = (detail?.mayViewDocuments && detail.files) || [];
  const actions = detail?.availableActions ?? [];
  const onKey = useCallback(
    (key: string) => {
      const lower = key.toLowerCase();
      if (lower === NEXT_KEY.toLowerCase() && acted && fromQueue) return void goNext();
      if (lower === 'y' && actions.includes('verify_accept')) return void (detail && needsOverride(detail) ? setOpen('verify_accept') : act('verify_accept'));
      if (lower === 't' && actions.includes('verify_return')) return void setOpen('verify_return');
      if (files.length === 0) return;
      if (lower === 'n') return void setView((v) => viewerSteps.show(v, (v.index + 1) % files.length));
      if (lower === 'p') return void setView((v) => viewerSteps.show(v, (v.index - 1 + files.length) % files.length));
      if (key === '+' || key === '=') return void setView(viewerSteps.zoomIn);
      if (key === '-') return void setView(viewerSteps.zoomOut);
      if (lower === 'r') return void setView(viewerSteps.rotate);
      if (key === '0') return void setView(viewerSteps.reset);
    },
    [actions, act, files.length, detail, acted, fromQueue, goNext],
  );

  const title = detail ? t.request.title(detail.request.ticket) : t.request.loadingTitle;
  if (!detail) {
    return (
      <>
        <PageHeading title={title} />
        {loadError !== undefined ? <ErrorAlert error={loadError} onRetry={() => setAttempt((n) => n + 1)} /> : <Loading />}
      </>
    );
  }

  const { request } = detail;
  const timeZone = office?.timezone ?? 'Asia/Jakarta';
  const when = (iso: string) => dateTime(iso, timeZone, lang);
  const verifying = actions.includes('verify_accept');
  // Least privilege: a role sees only the field groups its task needs; the rest is absent, not empty.
  const shows = (group: FieldGroup) => detail.visible[group] !== undefined;
  const fullIdentity = detail.visible.identity === 'full';
  return (
    <>
      <p className="breadcrumb">
        <Link to="/petugas">{t.request.back}</Link>
      </p>
      <PageHeading title={title} />
      <p className="lead">
        {localized(detail.serviceName, lang, request.serviceCode)}
        {request.subject.name && ` — ${request.subject.name}`}
      </p>
      <p className="request-status">
        <span className="badge badge-state">{localized(vocabulary.states[request.state], lang, request.state)}</span>
        {request.flags.map((f) => (
          <span key={f} className={`badge badge-${f}`}>
            {localized(vocabulary.flags[f], lang, f)}
          </span>
        ))}
        {detail.clocks && <ClockBadges clocks={detail.clocks} timeZone={timeZone} />}
      </p>
      {(detail.pauses ?? []).length > 0 && (
        <ul className="clock-pauses">
          {detail.pauses!.map((p) => (
            <li key={p.startsAt}>
              {t.sla.pausedBecause(duration(p.minutes, t), localized(p.kindLabel, lang, p.kind))} ({dateTime(p.startsAt, timeZone, lang)}
              {p.endsAt ? ` – ${dateTime(p.endsAt, timeZone, lang)}` : ''})
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="tindakan" className="panel">
        <h2 id="tindakan">{t.actions.heading}</h2>
        <p ref={doneRef} tabIndex={-1} role="status" aria-live="polite" className={done ? 'alert alert-success' : 'visually-hidden'}>
          {done && `✓ ${done}`}
        </p>
        {acted && fromQueue && (
          <p>
            <button type="button" className="button" aria-keyshortcuts={NEXT_KEY} onClick={() => void goNext()}>
              {t.actions.nextInQueue}
              <kbd className="kbd">{NEXT_KEY}</kbd>
            </button>
          </p>
        )}
        <RequestActions detail={detail} open={open} onOpen={setOpen} onAct={act} busy={busy} error={actionError} />
        {(verifying || files.length > 0 || (acted && fromQueue)) && (
          <Shortcuts enabled={shortcutsOn} onChange={setShortcutsOn} onKey={onKey} verifying={verifying} hasDocuments={files.length > 0} hasNext={acted && !!fromQueue} />
        )}
      </section>

      <div className="request-grid">
        <div>
          <section aria-labelledby="data">
            <h2 id="data">{t.request.detailsHeading}</h2>
            <dl className="details">
              {request.subject.name !== undefined && <Row label={t.request.subject}>{request.subject.name}</Row>}
              {shows('identity') && <Row label={t.request.nik}>{request.subject.nik ?? t.request.none}</Row>}
              {fullIdentity && (
                <>
                  <Row label={t.request.birthDate}>{request.subject.birthDate ? calendarDate(request.subject.birthDate, lang) : t.request.none}</Row>
                  <Row label={t.request.sex}>{request.subject.sex ? t.request.sexes[request.subject.sex] : t.request.none}</Row>
                </>
              )}
              {request.applicant.name !== undefined && (
                <Row label={t.request.applicant}>
                  {request.applicant.name} ({request.applicant.relation})
                </Row>
              )}
              {request.applicant.phone !== undefined && <Row label={t.request.phone}>+{request.applicant.phone}</Row>}
              <Row label={t.request.desa}>{detail.desaName ?? request.desaCode ?? t.request.none}</Row>
              {request.circumstances?.hasBirthCertificate !== undefined && (
                <Row label={t.request.hasAkta}>{t.request.hasAktaValues[request.circumstances.hasBirthCertificate ? 'yes' : 'no']}</Row>
              )}
              {request.circumstances?.foreign !== undefined && <Row label={t.request.nationality}>{t.request.nationalityValues[request.circumstances.foreign ? 'wna' : 'wni']}</Row>}
              {detail.fields.map((f) => (
                <Row key={f.field} label={localized(f.label, lang, f.field)}>
                  {f.value !== null ? (
                    <span className="field-value">{f.input === 'date' ? calendarDate(f.value, lang) : f.value}</span>
                  ) : f.need === 'required' ? (
                    <strong>
                      <span aria-hidden="true">⚠ </span>
                      {t.request.notFilled}
                    </strong>
                  ) : (
                    t.request.none
                  )}
                </Row>
              ))}
              <Row label={t.request.channel}>{localized(vocabulary.channels[request.channel], lang, request.channel)}</Row>
              <Row label={t.request.submitted}>{when(request.submittedAt)}</Row>
              <Row label={t.request.due}>{when(request.dueAt)}</Row>
              <Row label={t.request.handOver}>{t.request.handOverChoices[request.handOverChoice]}</Row>
              {request.priorityReason && <Row label={t.request.priority}>{localized(vocabulary.priorityReasons[request.priorityReason], lang, request.priorityReason)}</Row>}
              {shows('disability') && <Row label={t.request.disability}>{specialNeedsText(detail.specialNeeds, request.disabilityNeeds, vocabulary, lang, t.request.needsWords) ?? t.request.none}</Row>}
              {request.handOverChoice === 'home_delivery' && shows('delivery') && <Row label={t.request.courier}>{detail.courier?.name ?? t.request.noCourier}</Row>}
              {request.returnReasons && (
                <Row label={t.request.returnReasons}>
                  <ul>
                    {request.returnReasons.map((r, i) => (
                      <li key={i}>
                        {localized(vocabulary.returnReasons[r.code], lang, r.code)}
                        {r.document && `: ${localized(vocabulary.documentTypes[r.document], lang, r.document)}`}
                        {r.note && ` — ${r.note}`}
                      </li>
                    ))}
                  </ul>
                </Row>
              )}
              {request.siakOutcomes && request.siakOutcomes.length > 0 && (
                <Row label={t.request.siak}>
                  <ul>
                    {request.siakOutcomes.map((o, i) => (
                      <li key={i}>
                        {localized(vocabulary.outputDocuments[o.document], lang, o.document)}
                        {o.number && ` — ${o.number}`} {o.printed ? t.request.printed : t.request.notPrinted}
                      </li>
                    ))}
                  </ul>
                </Row>
              )}
              {request.handOverRecord?.receivedBy && (
                <Row label={t.request.handedOver}>
                  {request.handOverRecord.receivedBy.name} ({t.actions.relationships[request.handOverRecord.receivedBy.relationship as 'other'] ?? request.handOverRecord.receivedBy.relationship})
                  {request.handOverRecord.receivedAt && `, ${when(request.handOverRecord.receivedAt)}`}
                </Row>
              )}
            </dl>
          </section>
          {fullIdentity && detail.identity && (
            <section aria-labelledby="cek-nik">
              <h2 id="cek-nik">{t.request.nikHeading}</h2>
              <NikChecks check={detail.identity as NikCheck} />
            </section>
          )}
          {shows('documents') && (
            <section aria-labelledby="persyaratan">
              <h2 id="persyaratan">{t.request.checklistHeading}</h2>
              <Checklist detail={detail} onShow={(index) => setView((v) => viewerSteps.show(v, index))} />
            </section>
          )}
        </div>
        <section aria-labelledby="dokumen" className="request-documents">
          <h2 id="dokumen">{t.request.documentsHeading}</h2>
          {!detail.mayViewDocuments ? (
            <p>{t.request.noDocumentAccess}</p>
          ) : files.length === 0 ? (
            <p>{t.request.noDocuments}</p>
          ) : (
            <DocumentViewer files={files} labels={vocabulary.documentTypes} view={view} onView={setView} timeZone={timeZone} />
          )}
        </section>
      </div>

      {detail.mayReprintReceipt && <ReprintReceipt requestId={request.id} ticket={request.ticket} onIssued={() => void load().catch(() => undefined)} />}
      {may.visits(user.role) && detail.specialNeeds?.accommodations.includes('home_visit') && <HomeVisits requestId={request.id} />}

      {shows('history') && (
        <section aria-labelledby="riwayat">
          <h2 id="riwayat">{t.request.historyHeading}</h2>
          <History entries={history ?? []} timeZone={timeZone} files={detail.files ?? []} />
        </section>
      )}
      <p className="hint">{t.request.viewedAs(roleLabel(user.role, tt))}</p>
      {!(['names', 'identity', 'contact', 'family', 'documents', 'delivery', 'history', 'disability'] as const).every((g) => detail.visible[g] === 'full') && (
        <p className="hint">{t.request.limitedView}</p>
      )}
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function History({ entries, timeZone, files }: { entries: HistoryEntry[]; timeZone: string; files: NonNullable<RequestDetail['files']> }) {
  const tt = useT();
  const t = tt.console.request;
  const { lang } = useLanguage();
  const { vocabulary } = useSession();
  if (entries.length === 0) return <p>{t.historyEmpty}</p>;
  const label = (action: string) => {
    const code = action.replace(/^request\./, '');
    return t.historyActions[action as keyof typeof t.historyActions] ?? localized(vocabulary.actions[code], lang, action);
  };
  const fileLabel = (id: string | null) => {
    const file = files.find((f) => f.id === id);
    return file ? localized(vocabulary.documentTypes[file.documentType], lang, file.documentType) : '';
  };
  const words = (e: HistoryEntry): string[] => {
    const d = e.details;
    const out: string[] = [];
    if (e.entityType === 'file') out.push(fileLabel(e.entityId));
    if (typeof d.from === 'string' && typeof d.to === 'string' && d.from !== d.to && d.from !== 'new')
      out.push(`${localized(vocabulary.states[d.from], lang, d.from)} → ${localized(vocabulary.states[d.to], lang, d.to)}`);
    if (Array.isArray(d.reasonCodes)) out.push(t.historyReasons(d.reasonCodes.map((c) => localized(vocabulary.returnReasons[String(c)], lang, String(c))).join(', ')));
    if (Array.isArray(d.documents) && e.entityType === 'request')
      out.push(d.documents.map((doc) => localized(vocabulary.documentTypes[String(doc)] ?? vocabulary.outputDocuments[String(doc)], lang, String(doc))).join(', '));
    if (typeof d.reasonCode === 'string') out.push(t.historyReasons(tt.console.actions.rejectReasons[d.reasonCode as 'other'] ?? d.reasonCode));
    if (typeof d.method === 'string') out.push(tt.console.actions.methods[d.method as 'counter'] ?? d.method);
    if (typeof d.flag === 'string') out.push(localized(vocabulary.flags[d.flag], lang, d.flag));
    if (typeof d.escalatedTo === 'string') out.push(tt.console.sla.escalatedTo(roleLabel(d.escalatedTo, tt)));
    return out.filter(Boolean);
  };
  return (
    <ol className="history">
      {entries.map((e) => (
        <li key={e.id}>
          <span className="history-time">{dateTime(e.at, timeZone, lang)}</span> — <strong>{label(e.action)}</strong>
          {words(e).length > 0 && <> ({words(e).join('; ')})</>}
          <span className="history-actor">
            {' '}
            · {e.actorType === 'staff' ? `${e.actorName ?? t.unknownStaff} (${roleLabel(e.actorRole ?? '', tt)})` : e.actorType === 'pemohon' ? t.applicantActor : t.systemActor}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** "Disabilitas: Fisik, Sensorik netra · Bantuan: Petugas datang ke rumah · Memakai kursi roda". */
function specialNeedsText(
  needs: RequestDetail['specialNeeds'],
  note: string | null | undefined,
  vocabulary: Vocabulary,
  lang: 'id' | 'en',
  words: { disabled: string; elderly: string; help: string },
): string | undefined {
  if (!needs) return note ?? undefined;
  const parts = [
    needs.disabled && `${words.disabled}: ${needs.kinds.map((k) => localized(vocabulary.disabilityKinds[k], lang, k)).join(', ')}`,
    needs.elderly && words.elderly,
    needs.accommodations.length > 0 && `${words.help}: ${needs.accommodations.map((a) => localized(vocabulary.accommodations[a], lang, a)).join(', ')}`,
    needs.note,
  ];
  return parts.filter(Boolean).join(' · ');
}
