/**
 * /petugas: the role's work today. Its queues by SOP step, each request with its SLA clocks (in
 * colour and in words), escalated and late ones first, the size of each queue, and — when the
 * installation has the WhatsApp inbox — the conversations waiting for a person.
 */
import { useCallback, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/Errors.js';
import { Loading, PageHeading } from '../../components/Page.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { consoleApi, type Conversation, type Localized, type QueueCount, type QueuedRequest, type QueueName } from './consoleApi.js';
import { shortDateTime } from './format.js';
import { RequestCards } from './RequestList.js';
import { byUrgency } from './urgency.js';
import { may, useFailure, useSession } from './session.js';

/** Escalations first (they are already late), then the SOP's own order. */
const ORDER: QueueName[] = ['escalated', 'verify', 'process', 'hand_over', 'deliveries', 'returned'];
const REFRESH_MS = 60_000;

type Loaded = {
  counts: QueueCount[];
  queues: Partial<Record<QueueName, QueuedRequest[]>>;
  conversations: Conversation[] | undefined;
  serviceNames: Map<string, Localized>;
  at: Date;
};

export function Today() {
  const tt = useT();
  const t = tt.console;
  const { lang } = useLanguage();
  const { user, office } = useSession();
  const [data, setData] = useState<Loaded>();
  const [error, setError] = useState<unknown>();
  const fail = useFailure(setError);
  const [attempt, setAttempt] = useState(0);

  const load = useCallback(
    async (signal: AbortSignal) => {
      if (!office) return;
      const [counts, conversations, services] = await Promise.all([
        consoleApi.queueCounts(office.code, signal),
        // The inbox is another part of Kencot; where it is not installed the block stays hidden.
        consoleApi.conversations(office.code, signal).catch(() => undefined),
        consoleApi.services(office.code, signal),
      ]);
      const queues: Loaded['queues'] = {};
      await Promise.all(
        counts.map(async (c) => {
          queues[c.queue] = c.total > 0 ? (await consoleApi.queue(office.code, c.queue, signal)).sort(byUrgency) : [];
        }),
      );
      setData({ counts, queues, conversations, serviceNames: new Map(services.map((s) => [s.code, s.name])), at: new Date() });
      setError(undefined);
    },
    [office],
  );

  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal).catch(fail);
    // The clocks move: read the queues again every minute.
    const timer = setInterval(() => load(abort.signal).catch(fail), REFRESH_MS);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [load, fail, attempt]);

  const timeZone = office?.timezone ?? 'Asia/Jakarta';
  const counts = data ? ORDER.flatMap((q) => data.counts.filter((c) => c.queue === q)) : [];
  return (
    <>
      <PageHeading title={t.today.title} />
      {!office && <p>{t.today.noOffice}</p>}
      {error !== undefined && <ErrorAlert error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {office && !data && error === undefined && <Loading />}
      {data && (
        <>
          <div className="today-top">
            <section aria-labelledby="ringkasan" className="queue-summary">
              <h2 id="ringkasan" className="visually-hidden">
                {t.today.summaryHeading}
              </h2>
              <ul>
                {counts.map((c) => (
                  <li key={c.queue}>
                    <a href={`#antrean-${c.queue}`}>
                      <span className="queue-summary-count">{c.total}</span> {t.today.queues[c.queue]}
                    </a>
                    {c.overdue > 0 && <span className="queue-summary-late"> {t.today.overdue(c.overdue)}</span>}
                  </li>
                ))}
              </ul>
            </section>
            <div className="today-side">
              {may.counter(user.role) && (
                <p>
                  <Link to="/petugas/loket" className="button">
                    {t.today.newWalkIn}
                  </Link>
                </p>
              )}
              {/*
               * SLOT — WhatsApp conversations waiting. The inbox (GET …/whatsapp/conversations and the
               * page /petugas/whatsapp) is built in the chatbot branch; until it is installed the
               * endpoint answers 404 and this block is not shown.
               */}
              {data.conversations && <WhatsAppWaiting conversations={data.conversations} />}
              <p className="hint">
                {t.today.updated(shortDateTime(data.at.toISOString(), timeZone, lang))}{' '}
                <button type="button" className="button-link" onClick={() => setAttempt((n) => n + 1)}>
                  {t.today.refresh}
                </button>
              </p>
            </div>
          </div>
          {counts.map((c) => {
            const list = data.queues[c.queue] ?? [];
            return (
              <section key={c.queue} aria-labelledby={`antrean-${c.queue}`} className="queue">
                <h2 id={`antrean-${c.queue}`} tabIndex={-1}>
                  {t.today.queues[c.queue]} <span className="queue-count">({t.today.count(c.total)})</span>
                </h2>
                <p className="hint">{t.today.queueHints[c.queue]}</p>
                {list.length === 0 ? <p>{t.today.empty}</p> : <RequestCards requests={list} serviceNames={data.serviceNames} />}
                {c.total > list.length && <p className="hint">{t.today.more(c.total - list.length)}</p>}
              </section>
            );
          })}
        </>
      )}
    </>
  );
}

function WhatsAppWaiting({ conversations }: { conversations: Conversation[] }) {
  const t = useT().console;
  const waiting = conversations.filter((c) => c.waitingForStaff).length;
  const unread = conversations.reduce((n, c) => n + c.unreadCount, 0);
  return (
    <section aria-labelledby="whatsapp-menunggu" className="callout whatsapp-waiting">
      <h2 id="whatsapp-menunggu">{t.today.whatsappHeading}</h2>
      <p>
        <span className="queue-summary-count">{waiting}</span> {t.today.whatsappWaiting(waiting)}
        {unread > 0 && <> · {t.today.whatsappUnread(unread)}</>}
      </p>
      <p>
        <Link to="/petugas/whatsapp">{t.today.whatsappOpen}</Link>
      </p>
    </section>
  );
}
