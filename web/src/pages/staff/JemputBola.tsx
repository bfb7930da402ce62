/**
 * /petugas/jemput-bola and /petugas/jemput-bola/:id (issue 12): Jemput Bola KIA sessions at
 * schools. The list with the plan form (school, date and time, officers, the equipment checklist,
 * the batch deadline in working days — refused beside the field outside 1–7); a session's page
 * with its roster and each child's capture, the kasi's approval, holding and closing it, and the
 * batch's progress along the SOP with its clock.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api.js';
import { timezoneLabel } from '../../format.js';
import { ErrorAlert } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { Loading, PageHeading } from '../../components/Page.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { navigate, NavLink } from '../../router.js';
import { childrenApi, type School } from './childrenApi.js';
import { calendarDate, dateTime, duration } from './format.js';
import { jemputBolaApi, type JemputBolaSession, type RosterChild, type SessionDetail } from './jemputBolaApi.js';
import { officeInstant } from './Outages.js';
import { may, useFailure, useSession } from './session.js';

const EQUIPMENT = ['kamera', 'printer_kia', 'blangko_kia'] as const;
const MILESTONES = ['verified', 'processed', 'printed', 'handed_over'] as const;

function localTime(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** The server's message for one field, shown beside it. */
const fieldMessage = (error: unknown, field: string) => (error instanceof ApiError ? error.fieldErrors.find((e) => e.field === field)?.message : undefined);

export function JemputBolaSessions() {
  const t = useT().jemputBola;
  const { lang } = useLanguage();
  const { office, user } = useSession();
  const code = office!.code;
  const timeZone = office?.timezone ?? 'Asia/Jakarta';
  const [sessions, setSessions] = useState<JemputBolaSession[]>();
  const [schools, setSchools] = useState<School[]>([]);
  const [error, setError] = useState<unknown>();
  const fail = useFailure(setError);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const [list, s] = await Promise.all([jemputBolaApi.sessions(code, signal), childrenApi.schools(code, signal)]);
        setSessions(list);
        setSchools(s);
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

  return (
    <>
      <PageHeading title={t.title} />
      <p>{t.intro}</p>
      {error !== undefined && <ErrorAlert error={error} />}
      <section aria-labelledby="sesi-daftar">
        <h2 id="sesi-daftar">{t.listHeading}</h2>
        {!sessions ? (
          <Loading />
        ) : sessions.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.school}</th>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.rosterCount}</th>
                <th scope="col">{t.state}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <NavLink to={`/petugas/jemput-bola/${s.id}`} aria-label={t.open(s.schoolName, calendarDate(s.sessionDate, lang))}>
                      {s.schoolName}
                    </NavLink>
                  </th>
                  <td>{dateTime(s.startsAt, timeZone, lang)}</td>
                  <td>{s.rosterCount ?? 0}</td>
                  <td>{t.states[s.state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {may.manageJemputBola(user.role) && <PlanForm code={code} timeZone={timeZone} schools={schools} />}
    </>
  );
}

function PlanForm({ code, timeZone, schools }: { code: string; timeZone: string; schools: School[] }) {
  const tt = useT();
  const t = tt.jemputBola;
  const [officers, setOfficers] = useState<{ id: string; name: string }[]>([]);
  const [npsn, setNpsn] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('08:00');
  const [chosen, setChosen] = useState<string[]>([]);
  const [ready, setReady] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('3');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const fail = useFailure(setError);
  const toggle = (list: string[], item: string) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  useEffect(() => {
    const controller = new AbortController();
    jemputBolaApi.officers(code, controller.signal).then(setOfficers, fail);
    return () => controller.abort();
  }, [code, fail]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!npsn || !date || !time || chosen.length === 0) return setProblem(t.missing);
    setProblem(undefined);
    try {
      const session = await jemputBolaApi.plan(code, {
        schoolNpsn: npsn,
        startsAt: officeInstant(date, time, timeZone),
        officerIds: chosen,
        equipment: EQUIPMENT.map((item) => ({ item, ready: ready.includes(item) })),
        // As typed: the server says beside the field when it is not a whole number from 1 to 7.
        deadlineWorkingDays: Number(deadline),
      });
      navigate(`/petugas/jemput-bola/${session.id}`);
    } catch (err) {
      fail(err);
    }
  };

  if (schools.length === 0) return <p>{t.noSchools}</p>;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="sesi-rencana" className="panel">
      <h2 id="sesi-rencana">{t.planHeading}</h2>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {error !== undefined && <ErrorAlert error={error} />}
      <div className="field">
        <label htmlFor="sesi-sekolah">
          {t.school} <span className="need">({tt.fields.required})</span>
        </label>
        <select id="sesi-sekolah" value={npsn} onChange={(e) => setNpsn(e.target.value)} aria-required="true">
          <option value="">{t.chooseSchool}</option>
          {schools.map((s) => (
            <option key={s.npsn} value={s.npsn}>
              {s.name} ({s.npsn})
            </option>
          ))}
        </select>
      </div>
      <Field id="sesi-tanggal" label={t.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-required error={fieldMessage(error, 'body.startsAt')} />
      <Field id="sesi-jam" label={t.time} type="time" value={time} onChange={(e) => setTime(e.target.value)} aria-required />
      <fieldset className="field">
        <legend>{t.officers}</legend>
        {officers.map((o) => (
          <div className="checkbox" key={o.id}>
            <input id={`sesi-petugas-${o.id}`} type="checkbox" checked={chosen.includes(o.id)} onChange={() => setChosen((c) => toggle(c, o.id))} />
            <label htmlFor={`sesi-petugas-${o.id}`}>{o.name}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t.equipment}</legend>
        {EQUIPMENT.map((e) => (
          <div className="checkbox" key={e}>
            <input id={`sesi-alat-${e}`} type="checkbox" checked={ready.includes(e)} onChange={() => setReady((l) => toggle(l, e))} />
            <label htmlFor={`sesi-alat-${e}`}>{t.equipmentNames[e]}</label>
          </div>
        ))}
      </fieldset>
      <Field
        id="sesi-batas-waktu"
        label={t.deadline}
        hint={t.deadlineHint}
        type="number"
        inputMode="numeric"
        min={1}
        max={7}
        step={1}
        value={deadline}
        onChange={(e) => setDeadline(e.target.value)}
        aria-required
        error={fieldMessage(error, 'body.deadlineWorkingDays')}
      />
      <button type="submit" className="button">
        {t.plan}
      </button>
    </form>
  );
}

export function JemputBolaSessionPage({ id }: { id: string }) {
  const tt = useT();
  const t = tt.jemputBola;
  const { lang } = useLanguage();
  const { office, user } = useSession();
  const timeZone = office?.timezone ?? 'Asia/Jakarta';
  const [detail, setDetail] = useState<SessionDetail>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [capturing, setCapturing] = useState<string>();
  const fail = useFailure(setError);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setDetail(await jemputBolaApi.detail(id, signal));
      } catch (err) {
        fail(err);
      }
    },
    [id, fail],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const act = async (action: 'approve' | 'hold' | 'close' | 'cancel', said: string) => {
    setError(undefined);
    setNotice(undefined);
    setBusy(true);
    try {
      await jemputBolaApi.act(id, action);
      // Reload before saying it is done, so the status never sits beside the old page.
      await load();
      setNotice(said);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  if (!detail) {
    return (
      <>
        <PageHeading title={t.title} />
        {error !== undefined ? <ErrorAlert error={error} /> : <Loading />}
      </>
    );
  }
  const { session, roster, batch } = detail;
  const role = user.role;
  const manage = may.manageJemputBola(role);
  return (
    <>
      <PageHeading title={t.sessionTitle(session.schoolName)} />
      <p>
        <NavLink to="/petugas/jemput-bola">{t.back}</NavLink>
      </p>
      <p role="status" aria-live="polite" className={notice ? 'alert alert-success' : 'visually-hidden'}>
        {notice && `✓ ${notice}`}
      </p>
      {error !== undefined && <ErrorAlert error={error} />}
      <dl className="facts">
        <dt>{t.state}</dt>
        <dd data-testid="sesi-status">{t.states[session.state]}</dd>
        <dt>{t.when}</dt>
        <dd>{t.whenLine(calendarDate(session.sessionDate, lang), `${localTime(session.startsAt, timeZone)} ${timezoneLabel(timeZone)}`)}</dd>
        <dt>{t.deadline}</dt>
        <dd>{t.deadlineLine(session.deadlineWorkingDays)}</dd>
        <dt>{t.equipment}</dt>
        <dd>
          <ul>
            {session.equipment.map((e) => (
              <li key={e.item}>
                {e.ready ? '☑' : '☐'} {e.label[lang]} — {e.ready ? t.yes : t.no}
              </li>
            ))}
          </ul>
        </dd>
      </dl>

      <section aria-labelledby="sesi-tindakan">
        <h2 id="sesi-tindakan">{t.actionsHeading}</h2>
        {session.state === 'planned' && !may.approveJemputBola(role) && <p>{t.approveOnlyKasi}</p>}
        <div className="actions">
          {session.state === 'planned' && may.approveJemputBola(role) && (
            <button type="button" className="button" disabled={busy} onClick={() => void act('approve', t.approved)}>
              {t.approve}
            </button>
          )}
          {session.state === 'approved' && manage && (
            <button type="button" className="button" disabled={busy} onClick={() => void act('hold', t.held)}>
              {t.hold}
            </button>
          )}
          {session.state === 'held' && manage && (
            <button type="button" className="button" disabled={busy} onClick={() => void act('close', t.closed)}>
              {t.close}
            </button>
          )}
          {(session.state === 'planned' || session.state === 'approved') && manage && (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act('cancel', t.cancelled)}>
              {t.cancel}
            </button>
          )}
        </div>
      </section>

      <section aria-labelledby="sesi-anak">
        <h2 id="sesi-anak">
          {t.rosterHeading} ({roster.length})
        </h2>
        {roster.length === 0 ? (
          <p>{t.rosterNone}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.schoolClass}</th>
                <th scope="col">{t.birthDate}</th>
                <th scope="col">{t.whatsapp}</th>
                <th scope="col">{t.photo}</th>
                <th scope="col">{t.capture}</th>
              </tr>
            </thead>
            <tbody>
              {roster.map((c) => (
                <tr key={c.childId}>
                  <th scope="row">{c.name ?? '–'}</th>
                  <td>{c.schoolClass ?? '–'}</td>
                  <td>{calendarDate(c.birthDate, lang)}</td>
                  <td>{c.hasWhatsapp ? t.yes : t.no}</td>
                  <td>{c.photoOnSite ? t.yes : t.no}</td>
                  <td>
                    {t.captureStates[!c.capture ? 'none' : c.capture.present ? 'present' : 'absent']}
                    {session.state === 'approved' && manage && (
                      <>
                        {' '}
                        <button type="button" className="button-link" aria-expanded={capturing === c.childId} onClick={() => setCapturing(capturing === c.childId ? undefined : c.childId)}>
                          {t.captureOpen(c.name ?? '')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {capturing && session.state === 'approved' && manage && (
        <CaptureForm
          key={capturing}
          sessionId={session.id}
          child={roster.find((c) => c.childId === capturing)!}
          onSaved={async (name) => {
            setCapturing(undefined);
            await load();
            setNotice(t.captured(name));
          }}
          onCancel={() => setCapturing(undefined)}
        />
      )}

      <section aria-labelledby="sesi-berkas">
        <h2 id="sesi-berkas">{t.batchHeading}</h2>
        {batch.progress.total === 0 || !batch.clock ? (
          <p>{t.batchNone}</p>
        ) : (
          <>
            <p>{t.batchTotal(batch.progress.total)}</p>
            <p data-testid="sesi-jam-berkas">
              {t.dueLine(dateTime(batch.clock.dueAt, timeZone, lang))} · <strong>{t.clockStates[batch.clock.state]}</strong>
              {batch.clock.state !== 'overdue' && ` (${tt.console.sla.remaining(duration(batch.clock.remainingMinutes, tt.console))})`}
            </p>
            <table className="data-table">
              <tbody>
                {MILESTONES.map((m) => (
                  <tr key={m}>
                    <th scope="row">{t.milestones[m]}</th>
                    <td>
                      <progress max={batch.progress.total} value={batch.progress[m]} aria-label={t.milestones[m]} /> {batch.progress[m]} / {batch.progress.total}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {(session.state === 'held' || session.state === 'closed') && (
              <HandOver sessionId={session.id} readyCount={batch.requests.filter((r) => r.state === 'ready').length} manage={manage} onDone={load} />
            )}
            <ul>
              {batch.requests.map((r) => (
                <li key={r.id}>
                  <NavLink to={`/petugas/permohonan/${r.id}`}>{r.ticket}</NavLink> — {roster.find((c) => c.childId === r.childId)?.name ?? ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

/** The batch handed over at the school: the list to print and sign, and one action for every ready card. */
function HandOver({ sessionId, readyCount, manage, onDone }: { sessionId: string; readyCount: number; manage: boolean; onDone: () => Promise<void> }) {
  const t = useT().jemputBola;
  const [receivedBy, setReceivedBy] = useState('');
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fail = useFailure(setError);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setNotice(undefined);
    if (!receivedBy.trim()) return setProblem(t.receivedByMissing);
    setProblem(undefined);
    setBusy(true);
    try {
      const { handedOver } = await jemputBolaApi.handOver(sessionId, receivedBy.trim());
      await onDone();
      setNotice(t.handedOver(handedOver));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="panel" aria-labelledby="sesi-serah-terima" role="group">
      <h3 id="sesi-serah-terima">{t.handOverHeading}</h3>
      <p>
        <a href={jemputBolaApi.handOverListUrl(sessionId)} download>
          {t.handOverList}
        </a>
      </p>
      <p role="status" aria-live="polite" className={notice ? 'alert alert-success' : 'visually-hidden'}>
        {notice && `✓ ${notice}`}
      </p>
      {error !== undefined && <ErrorAlert error={error} />}
      {manage && readyCount > 0 && (
        <form onSubmit={submit} noValidate>
          <Field id="sesi-penerima" label={t.receivedBy} value={receivedBy} maxLength={120} onChange={(e) => setReceivedBy(e.target.value)} aria-required error={problem} />
          <button type="submit" className="button" disabled={busy}>
            {t.handOver(readyCount)}
          </button>
        </form>
      )}
      {manage && readyCount === 0 && <p>{t.noneReady}</p>}
    </div>
  );
}

/**
 * One child's capture on site, online. The idempotency key is made when the form opens and kept
 * through every retry, so a save whose answer was lost never records the child twice.
 */
function CaptureForm({ sessionId, child, onSaved, onCancel }: { sessionId: string; child: RosterChild; onSaved: (name: string) => Promise<void>; onCancel: () => void }) {
  const t = useT().jemputBola;
  const [key] = useState(() => crypto.randomUUID());
  const [present, setPresent] = useState(true);
  const [nik, setNik] = useState(child.nik ?? '');
  const [kkNumber, setKkNumber] = useState('');
  const [birthPlace, setBirthPlace] = useState('');
  const [parentName, setParentName] = useState(child.parentName ?? '');
  const [parentWhatsapp, setParentWhatsapp] = useState('');
  const [aktaSeen, setAktaSeen] = useState(false);
  const [kkSeen, setKkSeen] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fail = useFailure(setError);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      await jemputBolaApi.capture(sessionId, {
        idempotencyKey: key,
        childId: child.childId,
        present,
        ...(present && { nik: optional(nik), kkNumber: optional(kkNumber), birthPlace: optional(birthPlace), parentName: optional(parentName), parentWhatsapp: optional(parentWhatsapp) }),
        aktaSeen: present && aktaSeen,
        kkSeen: present && kkSeen,
      });
      await onSaved(child.name ?? '');
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="panel" aria-labelledby="sesi-pendataan">
      <h2 id="sesi-pendataan" tabIndex={-1} ref={heading}>
        {t.captureHeading(child.name ?? '')}
      </h2>
      {error !== undefined && <ErrorAlert error={error} />}
      <fieldset className="field">
        <legend>{t.presence}</legend>
        {([true, false] as const).map((p) => (
          <div className="radio" key={String(p)}>
            <input id={`pendataan-hadir-${p}`} type="radio" name="pendataan-hadir" checked={present === p} onChange={() => setPresent(p)} />
            <label htmlFor={`pendataan-hadir-${p}`}>{t.captureStates[p ? 'present' : 'absent']}</label>
          </div>
        ))}
      </fieldset>
      {present && (
        <>
          <Field id="pendataan-nik" label={t.nik} inputMode="numeric" autoComplete="off" value={nik} onChange={(e) => setNik(e.target.value)} aria-required error={fieldMessage(error, 'body.nik')} />
          <Field id="pendataan-kk" label={t.kkNumber} hint={t.kkHint} inputMode="numeric" autoComplete="off" value={kkNumber} onChange={(e) => setKkNumber(e.target.value)} error={fieldMessage(error, 'body.kkNumber')} />
          <Field id="pendataan-tempat-lahir" label={t.birthPlace} value={birthPlace} maxLength={80} onChange={(e) => setBirthPlace(e.target.value)} aria-required error={fieldMessage(error, 'body.birthPlace')} />
          <Field id="pendataan-orang-tua" label={t.parentName} value={parentName} maxLength={120} onChange={(e) => setParentName(e.target.value)} />
          <Field id="pendataan-wa" label={t.parentWhatsapp} hint={t.parentWhatsappHint} type="tel" value={parentWhatsapp} onChange={(e) => setParentWhatsapp(e.target.value)} error={fieldMessage(error, 'body.parentWhatsapp')} />
          <fieldset className="field">
            <legend>{t.documentsSeen}</legend>
            <div className="checkbox">
              <input id="pendataan-akta" type="checkbox" checked={aktaSeen} onChange={() => setAktaSeen((v) => !v)} />
              <label htmlFor="pendataan-akta">{t.aktaSeen}</label>
            </div>
            <div className="checkbox">
              <input id="pendataan-kk-dilihat" type="checkbox" checked={kkSeen} onChange={() => setKkSeen((v) => !v)} />
              <label htmlFor="pendataan-kk-dilihat">{t.kkSeen}</label>
            </div>
            {(fieldMessage(error, 'body.aktaSeen') ?? fieldMessage(error, 'body.kkSeen')) && <p className="field-error">{fieldMessage(error, 'body.aktaSeen') ?? fieldMessage(error, 'body.kkSeen')}</p>}
          </fieldset>
          {child.photoOnSite && <p className="hint">{t.photoNote}</p>}
        </>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t.saveCapture}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t.cancelCapture}
        </button>
      </div>
    </form>
  );
}
