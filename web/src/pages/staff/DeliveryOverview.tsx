/**
 * /petugas/pengantaran: the officers' overview of Jujuk Dolanan (issue 13). Tasks back at the
 * office come first and stand out (the counter hands them over), then those on their way, then the
 * delivered ones. Each shows its kurir, desa, date and failed trips with their reasons; a delivered
 * trip its receiver, relation, time and the proof photo, which is only fetched when the officer
 * asks for it: every opening goes through the files route and is logged as a personal-data view.
 */
import { useCallback, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/Errors.js';
import { Loading, PageHeading } from '../../components/Page.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { deliveryApi, type DeliveryTrip, type OfficeDeliveryTask } from './deliveryApi.js';
import { calendarDate, dateTime, longDate } from './format.js';
import { useFailure, useSession } from './session.js';

type Section = { key: string; title: string; intro?: string; tasks: OfficeDeliveryTask[]; alert?: boolean };

export function DeliveryOverview() {
  const t = useT().delivery.officer;
  const { office } = useSession();
  const code = office!.code;
  const [tasks, setTasks] = useState<OfficeDeliveryTask[]>();
  const [error, setError] = useState<unknown>();
  const fail = useFailure(setError);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setTasks((await deliveryApi.office(code, signal)).tasks);
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

  if (!tasks && error === undefined) return <><PageHeading title={t.title} /><Loading /></>;
  const all = tasks ?? [];
  const sections: Section[] = [
    { key: 'kembali', title: t.returnedHeading, intro: t.returnedIntro, tasks: all.filter((x) => x.state === 'returned_to_office'), alert: true },
    { key: 'diantar', title: t.openHeading, tasks: all.filter((x) => x.state === 'scheduled' || x.state === 'on_the_way') },
    { key: 'selesai', title: t.deliveredHeading, tasks: all.filter((x) => x.state === 'delivered') },
  ];
  return (
    <div className="delivery-overview">
      <PageHeading title={t.title} />
      <p>{t.intro}</p>
      <p role="status" aria-live="polite">
        {tasks && t.count(all.length)}
      </p>
      {error !== undefined && <ErrorAlert error={error} />}
      {sections.map((section) =>
        // The returned section shows only when there is something to hand over; the others always.
        section.alert && section.tasks.length === 0 ? null : (
          <section key={section.key} className={section.alert ? 'delivery-section delivery-returned alert alert-error' : 'delivery-section'} aria-labelledby={`bagian-${section.key}`}>
            <h2 id={`bagian-${section.key}`}>
              {section.title} <span className="badge">{section.tasks.length}</span>
            </h2>
            {section.intro && <p>{section.intro}</p>}
            {section.tasks.length === 0 && <p>{t.none}</p>}
            {section.tasks.map((task) => (
              <TaskSummary key={task.id} task={task} />
            ))}
          </section>
        ),
      )}
    </div>
  );
}

function TaskSummary({ task }: { task: OfficeDeliveryTask }) {
  const t = useT().delivery.officer;
  const reasons = useT().delivery.reasons;
  const { lang } = useLanguage();
  const { office } = useSession();
  const timeZone = office?.timezone ?? 'Asia/Jakarta';
  const headingId = `antar-${task.id}`;
  const returned = task.state === 'returned_to_office';
  return (
    <article className="delivery-summary panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {task.ticket} · {task.subjectName || '—'}
      </h3>
      <dl className="delivery-facts">
        <div>
          <dt>{t.status}</dt>
          <dd>
            <span className={returned ? 'badge badge-escalated' : 'badge'}>{t.states[task.state] ?? task.state}</span>
          </dd>
        </div>
        <div>
          <dt>{t.desa}</dt>
          <dd>{task.desaName ?? '—'}</dd>
        </div>
        <div>
          <dt>{t.courier}</dt>
          <dd>{task.courierName ?? t.courierUnknown}</dd>
        </div>
        <div>
          <dt>{t.scheduledFor}</dt>
          <dd>{calendarDate(task.scheduledFor, lang)}</dd>
        </div>
        <div>
          <dt>{t.attemptsLabel}</dt>
          <dd>{t.attempts(task.failedAttempts, task.maxFailedAttempts)}</dd>
        </div>
      </dl>
      {returned && (
        <p className="delivery-limit">
          <strong>{t.limitReached(task.failedAttempts)}</strong>
        </p>
      )}
      <h4>{t.trips}</h4>
      {task.trips.length === 0 ? (
        <p>{t.noTrips}</p>
      ) : (
        <ol className="delivery-trips">
          {task.trips.map((trip) => (
            <li key={trip.id}>
              <TripLine trip={trip} ticket={task.ticket} reasons={reasons} />
            </li>
          ))}
        </ol>
      )}
      <h4>{t.told}</h4>
      {task.notices.length === 0 ? (
        <p>{t.toldNothing}</p>
      ) : (
        <ul className="delivery-notices">
          {task.notices.map((n, i) => (
            <li key={i}>
              <span className="hint">{t.noticeAt(t.noticeKinds[n.kind] ?? n.kind, dateTime(n.sentAt ?? n.createdAt, timeZone, lang), t.noticeStatus[n.status] ?? n.status)}</span>
              <blockquote className="delivery-notice-text">{n.text ?? t.toldRedacted}</blockquote>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/petugas/permohonan/${task.requestId}`}>{t.openRequest(task.ticket)}</Link>
      </p>
    </article>
  );
}

function TripLine({ trip, ticket, reasons }: { trip: DeliveryTrip; ticket: string; reasons: Record<string, string> }) {
  const t = useT().delivery.officer;
  const relations = useT().delivery.relations;
  const { lang } = useLanguage();
  const { office } = useSession();
  const timeZone = office?.timezone ?? 'Asia/Jakarta';
  const [showPhoto, setShowPhoto] = useState(false);
  const when = (iso: string | null) => (iso ? dateTime(iso, timeZone, lang) : '—');

  if (trip.outcome === 'failed') {
    return (
      <>
        <strong>{t.tripFailed(when(trip.endedAt))}</strong>
        <br />
        {t.reason}: {reasons[trip.failureReason ?? ''] ?? trip.failureReason}
        {trip.failureNote && (
          <>
            <br />
            {t.note}: {trip.failureNote}
          </>
        )}
      </>
    );
  }
  if (trip.outcome !== 'delivered') return <strong>{t.tripUnderway(when(trip.startedAt))}</strong>;
  const photoId = `foto-${trip.id}`;
  return (
    <>
      <strong>{t.tripDelivered(when(trip.receivedAt ?? trip.endedAt))}</strong>
      <br />
      {t.receiver}: {trip.receiverName ?? t.receiverUnknown}
      {trip.receiverRelation && ` (${relations[trip.receiverRelation] ?? trip.receiverRelation})`}
      {trip.positionRecorded && (
        <>
          <br />
          {t.position}
        </>
      )}
      {trip.proofFileId && trip.proofPurgedAt && <p>{t.photoPurged(longDate(trip.proofPurgedAt, timeZone, lang))}</p>}
      {trip.proofFileId && !trip.proofPurgedAt && (
        <div className="delivery-proof">
          <p className="hint">{t.photoLogged}</p>
          <button type="button" className="button button-secondary" aria-expanded={showPhoto} aria-controls={photoId} onClick={() => setShowPhoto((s) => !s)}>
            {showPhoto ? t.hidePhoto(ticket) : t.showPhoto(ticket)}
          </button>
          <div id={photoId}>{showPhoto && <img className="delivery-proof-photo" src={`/api/v1/files/${trip.proofFileId}/content`} alt={t.photoAlt(ticket)} />}</div>
        </div>
      )}
    </>
  );
}
