/**
 * The request page's home-visit panel (issue 13): the visits planned for a request whose applicant
 * asked for one, planning a visit (date and time within office hours, officers, equipment; the
 * server checks the hours and sends the WhatsApp confirmation) and recording its outcome.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { officeToday } from '../../format.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { calendarDate } from './format.js';
import { officeInstant } from './Outages.js';
import { useFailure, useSession } from './session.js';

type Visit = { id: string; startsAt: string; durationMinutes: number; officerIds: string[]; equipment: string[]; outcome: string | null; outcomeReason: string | null };
type Officer = { id: string; name: string; role: string };

const EQUIPMENT = ['perekam_ktp_el', 'kamera', 'laptop', 'pemindai_sidik_jari', 'pemindai_iris', 'printer', 'latar_foto'] as const;
const OUTCOMES = ['done', 'not_home', 'rescheduled'] as const;

function localParts(iso: string, timeZone: string) {
  const at = new Date(iso);
  const date = officeToday(timeZone, at);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return { date, time };
}

export function HomeVisits({ requestId }: { requestId: string }) {
  const t = useT().visits;
  const { lang } = useLanguage();
  const { office } = useSession();
  const timeZone = office?.timezone ?? 'Asia/Jakarta';
  const [visits, setVisits] = useState<Visit[]>();
  const [officers, setOfficers] = useState<Officer[]>([]);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const fail = useFailure(setError);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const [v, o] = await Promise.all([
          api.get<{ visits: Visit[] }>(`/api/v1/requests/${requestId}/visits`, { signal }),
          api.get<{ officers: Officer[] }>(`/api/v1/offices/${encodeURIComponent(office!.code)}/visit-officers`, { signal }),
        ]);
        setVisits(v.visits);
        setOfficers(o.officers);
      } catch (err) {
        fail(err);
      }
    },
    [requestId, office, fail],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const run = async (work: () => Promise<unknown>, said: string) => {
    setError(undefined);
    setNotice(undefined);
    try {
      await work();
      // Reload before saying it is done, so the status never sits beside the old list.
      await load();
      setNotice(said);
      return true;
    } catch (err) {
      fail(err);
      return false;
    }
  };

  const name = (id: string) => officers.find((o) => o.id === id)?.name ?? id;
  const open = visits?.find((v) => v.outcome === null);
  return (
    <section aria-labelledby="kunjungan" className="panel home-visits">
      <h2 id="kunjungan">{t.heading}</h2>
      <p>{t.intro}</p>
      <p role="status" aria-live="polite" className={notice ? 'alert alert-success' : 'visually-hidden'}>
        {notice && `✓ ${notice}`}
      </p>
      {error !== undefined && <ErrorAlert error={error} />}
      {visits && visits.length === 0 && <p>{t.none}</p>}
      {visits && visits.length > 0 && (
        <ul>
          {visits.map((v) => {
            const { date, time } = localParts(v.startsAt, timeZone);
            return (
              <li key={v.id}>
                <strong>{t.when(calendarDate(date, lang), time)}</strong> ({t.duration(v.durationMinutes)}) · {v.outcome ? t.outcomes[v.outcome] : t.planned}
                {v.outcomeReason && ` — ${v.outcomeReason}`}
                <br />
                {t.officers}: {v.officerIds.map(name).join(', ')}
                {v.equipment.length > 0 && `; ${t.equipment}: ${v.equipment.map((e) => t.equipmentNames[e] ?? e).join(', ')}`}
              </li>
            );
          })}
        </ul>
      )}
      {open ? (
        <OutcomeForm visit={open} timeZone={timeZone} run={run} />
      ) : (
        visits && <PlanForm requestId={requestId} officers={officers} timeZone={timeZone} run={run} />
      )}
    </section>
  );
}

function PlanForm({ requestId, officers, timeZone, run }: { requestId: string; officers: Officer[]; timeZone: string; run: (work: () => Promise<unknown>, said: string) => Promise<boolean> }) {
  const t = useT().visits;
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [minutes, setMinutes] = useState('60');
  const [chosen, setChosen] = useState<string[]>([]);
  const [equipment, setEquipment] = useState<string[]>(['perekam_ktp_el']);
  const [problem, setProblem] = useState<string>();
  const toggle = (list: string[], item: string) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!date || !time || chosen.length === 0) return setProblem(t.missing);
    setProblem(undefined);
    await run(
      () => api.post(`/api/v1/requests/${requestId}/visits`, { startsAt: officeInstant(date, time, timeZone), durationMinutes: Number(minutes) || 60, officerIds: chosen, equipment }),
      t.scheduled,
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="kunjungan-rencana">
      <h3 id="kunjungan-rencana">{t.formHeading}</h3>
      {problem && <p className="field-error">{problem}</p>}
      <Field id="kunjungan-tanggal" label={t.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-required />
      <Field id="kunjungan-jam" label={t.time} type="time" value={time} onChange={(e) => setTime(e.target.value)} aria-required />
      <Field id="kunjungan-lama" label={t.minutes} type="number" min={15} max={240} step={15} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      <fieldset className="field">
        <legend>{t.officers}</legend>
        {officers.map((o) => (
          <div className="checkbox" key={o.id}>
            <input id={`kunjungan-petugas-${o.id}`} type="checkbox" checked={chosen.includes(o.id)} onChange={() => setChosen((c) => toggle(c, o.id))} />
            <label htmlFor={`kunjungan-petugas-${o.id}`}>{o.name}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t.equipment}</legend>
        {EQUIPMENT.map((e) => (
          <div className="checkbox" key={e}>
            <input id={`kunjungan-alat-${e}`} type="checkbox" checked={equipment.includes(e)} onChange={() => setEquipment((l) => toggle(l, e))} />
            <label htmlFor={`kunjungan-alat-${e}`}>{t.equipmentNames[e]}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button">
        {t.schedule}
      </button>
    </form>
  );
}

function OutcomeForm({ visit, timeZone, run }: { visit: Visit; timeZone: string; run: (work: () => Promise<unknown>, said: string) => Promise<boolean> }) {
  const t = useT().visits;
  const [outcome, setOutcome] = useState<string>('done');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const rescheduling = outcome === 'rescheduled';
    await run(
      () =>
        api.post(`/api/v1/visits/${visit.id}/outcome`, {
          outcome,
          ...(rescheduling && reason.trim() && { reason: reason.trim() }),
          ...(rescheduling && date && { newStartsAt: officeInstant(date, time, timeZone) }),
        }),
      t.outcomeSaved,
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="kunjungan-hasil">
      <h3 id="kunjungan-hasil">{t.outcomeHeading}</h3>
      <fieldset className="field">
        <legend>{t.outcome}</legend>
        {OUTCOMES.map((o) => (
          <div className="radio" key={o}>
            <input id={`kunjungan-hasil-${o}`} type="radio" name="kunjungan-hasil" checked={outcome === o} onChange={() => setOutcome(o)} />
            <label htmlFor={`kunjungan-hasil-${o}`}>{t.outcomes[o]}</label>
          </div>
        ))}
      </fieldset>
      {outcome === 'rescheduled' && (
        <>
          <Field id="kunjungan-alasan" label={t.reason} value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} aria-required />
          <Field id="kunjungan-tanggal-baru" label={t.newDate} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-required />
          <Field id="kunjungan-jam-baru" label={t.newTime} type="time" value={time} onChange={(e) => setTime(e.target.value)} aria-required />
        </>
      )}
      <button type="submit" className="button">
        {t.saveOutcome}
      </button>
    </form>
  );
}
