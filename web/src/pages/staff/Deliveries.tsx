/**
 * /petugas/antar: the kurir's phone view of Jujuk Dolanan (issue 13). Today's tasks grouped by
 * desa in the kurir's own order (moved up or down, kept on the server), call and WhatsApp links,
 * "saya sedang menuju" (the citizen is told), the proof of hand-over (a photo from the camera,
 * receiver, relation, time, the position only with consent) and a failed trip with its reason.
 * Built for a 360 px screen: one column, big buttons.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { Loading, PageHeading } from '../../components/Page.js';
import { groupByDesa, moveDesa, moveTask } from '../../../../src/delivery/route.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { deliveryApi, telLink, waLink, type CourierDay, type CourierTask } from './deliveryApi.js';
import { calendarDate, localized } from './format.js';
import { officeInstant } from './Outages.js';
import { useFailure, useSession } from './session.js';

const RELATIONS = ['applicant', 'subject', 'parent', 'guardian', 'family_member', 'other'] as const;
const REASONS = ['not_home', 'wrong_address', 'refused', 'other'] as const;

type Open = { taskId: string; form: 'proof' | 'fail' } | undefined;

export function Deliveries() {
  const t = useT().delivery;
  const { lang } = useLanguage();
  const { office } = useSession();
  const code = office!.code;
  const [day, setDay] = useState<CourierDay>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [open, setOpen] = useState<Open>();
  const fail = useFailure(setError);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setDay(await deliveryApi.today(code, signal));
      } catch (err) {
        fail(err);
      }
    },
    [code, fail],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const run = async (work: () => Promise<string | undefined>) => {
    setError(undefined);
    setNotice(undefined);
    try {
      const said = await work();
      // Reload before saying it is done, so the status never sits beside the old list.
      await load();
      if (said) setNotice(said);
      return true;
    } catch (err) {
      fail(err);
      return false;
    }
  };

  const reorder = (taskIds: string[]) =>
    run(async () => {
      setDay(await deliveryApi.reorder(code, taskIds));
      return t.orderSaved;
    });

  if (!day && error === undefined) return <><PageHeading title={t.title} /><Loading /></>;
  const tasks = day?.tasks ?? [];
  const groups = groupByDesa(tasks);
  return (
    <div className="deliveries">
      <PageHeading title={t.title} />
      {day && <p>{t.intro(calendarDate(day.date, lang))}</p>}
      <p role="status" aria-live="polite" className={notice ? 'alert alert-success' : 'visually-hidden'}>
        {notice && `✓ ${notice}`}
      </p>
      {error !== undefined && <ErrorAlert error={error} />}
      {day && tasks.length === 0 && <p>{t.empty}</p>}
      {groups.map((group, gi) => {
        const desaName = group.tasks[0]?.desaName ?? t.desaUnknown;
        return (
          <section key={group.desaCode ?? 'none'} className="delivery-desa" aria-labelledby={`desa-${gi}`}>
            <div className="delivery-desa-head">
              <h2 id={`desa-${gi}`}>
                {desaName} <span className="badge">{t.desaCount(group.tasks.length)}</span>
              </h2>
              <div className="delivery-move">
                <button type="button" className="button button-secondary" aria-label={t.moveDesaUp(desaName)} disabled={gi === 0} onClick={() => void reorder(moveDesa(tasks, group.desaCode, -1))}>
                  ↑
                </button>
                <button type="button" className="button button-secondary" aria-label={t.moveDesaDown(desaName)} disabled={gi === groups.length - 1} onClick={() => void reorder(moveDesa(tasks, group.desaCode, 1))}>
                  ↓
                </button>
              </div>
            </div>
            {group.tasks.map((task, ti) => (
              <TaskCard
                key={task.id}
                task={task}
                first={ti === 0}
                last={ti === group.tasks.length - 1}
                open={open?.taskId === task.id ? open.form : undefined}
                setOpen={(form) => setOpen(form ? { taskId: task.id, form } : undefined)}
                onMove={(step) => void reorder(moveTask(tasks, task.id, step))}
                run={run}
                date={day!.date}
              />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function TaskCard(props: {
  task: CourierTask;
  first: boolean;
  last: boolean;
  open: 'proof' | 'fail' | undefined;
  setOpen: (form: 'proof' | 'fail' | undefined) => void;
  onMove: (step: -1 | 1) => void;
  run: (work: () => Promise<string | undefined>) => Promise<boolean>;
  date: string;
}) {
  const t = useT().delivery;
  const { lang } = useLanguage();
  const { vocabulary } = useSession();
  const { task } = props;
  const headingId = `tugas-${task.id}`;
  return (
    <article className="delivery-task panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {task.ticket} · {task.subjectName}
      </h3>
      <p className="badges">
        <span className="badge">{t.states[task.state] ?? task.state}</span>
        {task.failedAttempts > 0 && <span className="badge badge-escalated">{t.attempts(task.failedAttempts, task.maxFailedAttempts)}</span>}
      </p>
      <p>{t.receiverHint(task.applicantName, task.applicantRelation)}</p>
      <p>
        <strong>{t.address}:</strong> {task.address ?? t.noAddress}
      </p>
      <p>
        <strong>{t.documents}:</strong> {task.documents.map((d) => localized(vocabulary.outputDocuments[d], lang, d)).join(', ')}
      </p>
      {task.disabilityNeeds && (
        <p>
          <strong>{t.needs}:</strong> {task.disabilityNeeds}
        </p>
      )}
      <p className="action-buttons">
        <a className="button button-secondary" href={telLink(task.phone)}>
          {t.call(task.applicantName)}
        </a>
        <a className="button button-secondary" href={waLink(task.phone)} target="_blank" rel="noreferrer">
          {t.whatsapp(task.applicantName)}
        </a>
      </p>
      <div className="action-buttons">
        {task.state === 'scheduled' && (
          <button type="button" className="button" onClick={() => void props.run(async () => (await deliveryApi.onTheWay(task.id), t.onMyWayDone(task.ticket)))}>
            {t.onMyWay}
          </button>
        )}
        <button type="button" className="button" aria-expanded={props.open === 'proof'} onClick={() => props.setOpen(props.open === 'proof' ? undefined : 'proof')}>
          {t.delivered}
        </button>
        <button type="button" className="button button-secondary" aria-expanded={props.open === 'fail'} onClick={() => props.setOpen(props.open === 'fail' ? undefined : 'fail')}>
          {t.failed}
        </button>
      </div>
      <div className="delivery-move">
        <button type="button" className="button button-secondary" aria-label={t.moveTaskUp(task.ticket)} disabled={props.first} onClick={() => props.onMove(-1)}>
          ↑
        </button>
        <button type="button" className="button button-secondary" aria-label={t.moveTaskDown(task.ticket)} disabled={props.last} onClick={() => props.onMove(1)}>
          ↓
        </button>
      </div>
      {props.open === 'proof' && <ProofForm task={task} date={props.date} run={props.run} close={() => props.setOpen(undefined)} />}
      {props.open === 'fail' && <FailForm task={task} run={props.run} close={() => props.setOpen(undefined)} />}
    </article>
  );
}

/** The time now on the office's clock, HH:MM. */
function officeTimeNow(timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date());
}

/** Asked only after the receiver agreed; no position (refused, no signal) still records the delivery. */
function currentPosition(): Promise<{ lat: number; lng: number; accuracyM: number } | undefined> {
  if (!('geolocation' in navigator)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: Math.round(p.coords.accuracy) }),
      () => resolve(undefined),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  });
}

function ProofForm({ task, date, run, close }: { task: CourierTask; date: string; run: (work: () => Promise<string | undefined>) => Promise<boolean>; close: () => void }) {
  const t = useT().delivery;
  const { office } = useSession();
  const timeZone = office?.timezone ?? 'Asia/Jakarta';
  const [photo, setPhoto] = useState<File>();
  const [name, setName] = useState('');
  const [relation, setRelation] = useState<string>('parent');
  const [time, setTime] = useState(() => officeTimeNow(timeZone));
  const [consent, setConsent] = useState(false);
  const [problems, setProblems] = useState<{ photo?: string; name?: string }>({});
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `bukti-${field}-${task.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = { ...(!photo && { photo: t.photoMissing }), ...(!name.trim() && { name: t.receiverMissing }) };
    setProblems(found);
    if (found.photo || found.name) return;
    setBusy(true);
    const ok = await run(async () => {
      const file = await deliveryApi.uploadProof(task.id, photo!);
      const position = consent ? await currentPosition() : undefined;
      await deliveryApi.delivered(task.id, {
        proofFileId: file.id,
        receiverName: name.trim(),
        receiverRelation: relation,
        receivedAt: officeInstant(date, time, timeZone),
        positionConsent: consent,
        ...(position && { position }),
      });
      return t.deliveredDone(task.ticket);
    });
    setBusy(false);
    if (ok) close();
  };

  return (
    <form className="action-form" onSubmit={submit} noValidate aria-label={t.proofHeading(task.ticket)}>
      <h4>{t.proofHeading(task.ticket)}</h4>
      <div className={problems.photo ? 'field field-invalid' : 'field'}>
        <label htmlFor={id('foto')}>
          {t.photo}
        </label>
        <p id={`${id('foto')}-hint`} className="hint">
          {t.photoHint}
        </p>
        {problems.photo && (
          <p id={`${id('foto')}-error`} className="field-error">
            <span aria-hidden="true">⚠ </span>
            {problems.photo}
          </p>
        )}
        <input
          id={id('foto')}
          type="file"
          accept="image/*"
          capture="environment"
          aria-required
          aria-invalid={problems.photo ? true : undefined}
          aria-describedby={[`${id('foto')}-hint`, problems.photo && `${id('foto')}-error`].filter(Boolean).join(' ')}
          onChange={(e) => {
            setPhoto(e.target.files?.[0]);
            setProblems((p) => ({ ...p, photo: undefined }));
          }}
        />
      </div>
      <Field id={id('nama')} label={t.receiverName} value={name} maxLength={120} autoComplete="off" error={problems.name} onChange={(e) => setName(e.target.value)} aria-required />
      <div className="field">
        <label htmlFor={id('hubungan')}>{t.relation}</label>
        <select id={id('hubungan')} className="input" value={relation} onChange={(e) => setRelation(e.target.value)}>
          {RELATIONS.map((r) => (
            <option key={r} value={r}>
              {t.relations[r]}
            </option>
          ))}
        </select>
      </div>
      <Field id={id('jam')} label={t.receivedAt} type="time" value={time} onChange={(e) => setTime(e.target.value)} aria-required />
      <p id={`${id('lokasi')}-hint`} className="hint">
        {t.positionHint}
      </p>
      <div className="checkbox">
        <input id={id('lokasi')} type="checkbox" checked={consent} aria-describedby={`${id('lokasi')}-hint`} onChange={(e) => setConsent(e.target.checked)} />
        <label htmlFor={id('lokasi')}>{t.positionConsent}</label>
      </div>
      <div className="action-buttons">
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? t.saving : t.saveDelivered}
        </button>
        <button type="button" className="button button-secondary" onClick={close}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function FailForm({ task, run, close }: { task: CourierTask; run: (work: () => Promise<string | undefined>) => Promise<boolean>; close: () => void }) {
  const t = useT().delivery;
  const { lang } = useLanguage();
  const [reason, setReason] = useState<string>('not_home');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `gagal-${field}-${task.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (reason === 'other' && !note.trim()) return setProblem(t.noteMissing);
    setProblem(undefined);
    setBusy(true);
    const ok = await run(async () => {
      const result = await deliveryApi.failed(task.id, { reason, ...(note.trim() && { note: note.trim() }) });
      return result.nextDate ? t.rescheduled(task.ticket, calendarDate(result.nextDate, lang)) : t.returned(task.ticket);
    });
    setBusy(false);
    if (ok) close();
  };

  return (
    <form className="action-form" onSubmit={submit} noValidate aria-label={t.failHeading(task.ticket)}>
      <h4>{t.failHeading(task.ticket)}</h4>
      <fieldset className="field">
        <legend>{t.reason}</legend>
        {REASONS.map((r) => (
          <div className="radio" key={r}>
            <input id={id(`alasan-${r}`)} type="radio" name={id('alasan')} value={r} checked={reason === r} onChange={() => setReason(r)} />
            <label htmlFor={id(`alasan-${r}`)}>{t.reasons[r]}</label>
          </div>
        ))}
      </fieldset>
      <Field id={id('keterangan')} label={t.note} hint={t.noteHint} error={problem} value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} />
      <div className="action-buttons">
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? t.saving : t.saveFailed}
        </button>
        <button type="button" className="button button-secondary" onClick={close}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
