/**
 * /petugas/gangguan: "kecuali jika terjadi kendala sistem" (issue 11, item 8). The kasi (sekcam,
 * camat) records when SIAK, the network or the power was down; the clocks of the office's requests
 * stop meanwhile. Everyone who works the queues sees the list and how many requests each paused.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { Loading, PageHeading } from '../../components/Page.js';
import { officeToday } from '../../format.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { consoleApi, type Outage } from './consoleApi.js';
import { dateTime } from './format.js';
import { may, useFailure, useSession } from './session.js';

const KINDS = ['siak', 'jaringan', 'listrik', 'lainnya'] as const;
/** Indonesia has no daylight saving time: each office zone is a fixed offset. */
const OFFSETS: Record<string, string> = { 'Asia/Jakarta': '+07:00', 'Asia/Pontianak': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };

/** An office-local date and time as an instant with the office's offset. */
export function officeInstant(date: string, time: string, timeZone: string): string {
  return `${date}T${time}:00${OFFSETS[timeZone] ?? '+07:00'}`;
}

export function Outages() {
  const tt = useT();
  const t = tt.console.outages;
  const { lang } = useLanguage();
  const { office, user } = useSession();
  const code = office!.code;
  const timeZone = office?.timezone ?? 'Asia/Jakarta';
  const [list, setList] = useState<Outage[]>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<string>('siak');
  const [date, setDate] = useState(() => officeToday(timeZone));
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const fail = useFailure(setError);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setList(await consoleApi.outages(code, signal));
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

  const record = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    setError(undefined);
    if (busy) return;
    if (!date || !start || reason.trim().length < 3) return setProblem(t.missing);
    setProblem(undefined);
    setBusy(true);
    try {
      await consoleApi.recordOutage(code, { kind, startsAt: officeInstant(date, start, timeZone), endsAt: end ? officeInstant(date, end, timeZone) : undefined, reason: reason.trim() });
      setNotice(t.recorded);
      setStart('');
      setEnd('');
      setReason('');
      await load();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const endNow = async (id: string) => {
    setNotice(undefined);
    setError(undefined);
    try {
      await consoleApi.endOutage(code, id);
      setNotice(t.ended);
      await load();
    } catch (err) {
      fail(err);
    }
  };

  const mayRecord = may.recordOutage(user.role);
  return (
    <>
      <PageHeading title={t.title} />
      <p>{t.intro}</p>
      <p role="status" aria-live="polite" className={notice ? 'alert alert-success' : 'visually-hidden'}>
        {notice && `✓ ${notice}`}
      </p>
      {error !== undefined && <ErrorAlert error={error} />}
      {mayRecord && (
        <section aria-labelledby="catat-gangguan" className="panel">
          <h2 id="catat-gangguan">{t.formHeading}</h2>
          <form onSubmit={record} noValidate>
            <div className="field">
              <label htmlFor="gangguan-jenis">{t.kind}</label>
              <select id="gangguan-jenis" className="input" value={kind} onChange={(e) => setKind(e.target.value)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t.kinds[k]}
                  </option>
                ))}
              </select>
            </div>
            <Field id="gangguan-tanggal" label={t.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-required />
            <Field id="gangguan-mulai" label={t.start} type="time" value={start} onChange={(e) => setStart(e.target.value)} aria-required />
            <Field id="gangguan-selesai" label={t.end} hint={t.endHint} type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
            <Field id="gangguan-keterangan" label={t.reason} hint={t.reasonHint} error={problem} value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} aria-required />
            <button type="submit" className="button" aria-disabled={busy}>
              {t.record}
            </button>
          </form>
        </section>
      )}
      <section aria-labelledby="daftar-gangguan">
        <h2 id="daftar-gangguan">{t.listHeading}</h2>
        {!list ? (
          <Loading />
        ) : list.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <ul className="outages">
            {list.map((o) => (
              <li key={o.id}>
                <strong>{t.kinds[o.kind] ?? o.kindLabel[lang]}</strong>: {dateTime(o.startsAt, timeZone, lang)} – {o.endsAt ? dateTime(o.endsAt, timeZone, lang) : t.ongoing} · {o.reason} · {t.requestsPaused(o.requestsPaused)}
                {!o.endsAt && mayRecord && (
                  <>
                    {' '}
                    <button type="button" className="button button-secondary" onClick={() => void endNow(o.id)}>
                      {t.endNow}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
