/**
 * /petugas/whatsapp: the office's WhatsApp conversations — people waiting for an officer first —
 * and one thread with the request it concerns: reply, take over from the bot, hand back.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/Errors.js';
import { Loading, PageHeading } from '../../components/Page.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { Link, useLocation } from '../../router.js';
import { dateTime } from './format.js';
import { useFailure, useSession } from './session.js';

type Conversation = {
  id: string;
  waId: string;
  contactName: string | null;
  unreadCount: number;
  waitingForStaff: boolean;
  mode: 'bot' | 'staff';
  lastMessageAt: string;
  requestId: string | null;
  windowOpen: boolean;
};
type ThreadEntry = { direction: 'in' | 'out'; at: string; kind: string; text: string | null; from: string; status: string | null; fileId: string | null };
type Thread = { conversation: Conversation; thread: ThreadEntry[]; request: { id: string; ticket: string; serviceCode: string; state: string } | null };

const LIST_POLL_MS = 10_000;
const THREAD_POLL_MS = 5_000;

export function Inbox() {
  const t = useT();
  const { office } = useSession();
  const selected = useLocation().query.get('c') ?? undefined;
  const [conversations, setConversations] = useState<Conversation[]>();
  const [error, setError] = useState<unknown>();
  const fail = useFailure(setError);

  const loadList = useCallback(
    (signal?: AbortSignal) =>
      api
        .get<{ conversations: Conversation[] }>(`/api/v1/offices/${encodeURIComponent(office!.code)}/whatsapp/conversations`, { signal })
        .then((r) => setConversations(r.conversations), fail),
    [office, fail],
  );
  useEffect(() => {
    const abort = new AbortController();
    void loadList(abort.signal);
    const timer = setInterval(() => void loadList(abort.signal), LIST_POLL_MS);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [loadList]);

  return (
    <>
      <PageHeading title={t.inbox.title} />
      <p className="lead">{t.inbox.intro}</p>
      {error ? <ErrorAlert error={error} onRetry={() => (setError(undefined), void loadList())} /> : null}
      {!conversations && !error && <Loading />}
      {conversations && (
        <div className="inbox">
          <nav aria-label={t.inbox.listLabel} className="inbox-list">
            {conversations.length === 0 ? (
              <p>{t.inbox.empty}</p>
            ) : (
              <ul>
                {conversations.map((c) => (
                  <li key={c.id}>
                    <Link to={`/petugas/whatsapp?c=${c.id}`} aria-current={c.id === selected ? 'page' : undefined} className="inbox-item">
                      <strong>{c.contactName ?? c.waId}</strong>
                      <span className="hint">+{c.waId}</span>
                      <span className="inbox-badges">
                        {c.waitingForStaff && <span className="badge badge-alert">{t.inbox.waiting}</span>}
                        {c.unreadCount > 0 && <span className="badge">{t.inbox.unread(c.unreadCount)}</span>}
                        <span className="badge badge-quiet">{c.mode === 'staff' ? t.inbox.modeStaff : t.inbox.modeBot}</span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </nav>
          <div className="inbox-thread">{selected ? <ThreadView key={selected} id={selected} onChanged={() => void loadList()} /> : <p>{t.inbox.choose}</p>}</div>
        </div>
      )}
    </>
  );
}

function ThreadView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const { office } = useSession();
  const [data, setData] = useState<Thread>();
  const [error, setError] = useState<unknown>();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>();
  const fail = useFailure(setError);
  const zone = office?.timezone ?? 'Asia/Jakarta';

  const load = useCallback(
    (signal?: AbortSignal) => api.get<Thread>(`/api/v1/whatsapp/conversations/${encodeURIComponent(id)}`, { signal }).then(setData, fail),
    [id, fail],
  );
  useEffect(() => {
    const abort = new AbortController();
    void load(abort.signal).then(onChanged);
    const timer = setInterval(() => void load(abort.signal), THREAD_POLL_MS);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
    // onChanged only refreshes the list's unread counts once the thread has been read; not a dependency.
  }, [load]);

  async function act(path: 'take-over' | 'hand-back') {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/v1/whatsapp/conversations/${encodeURIComponent(id)}/${path}`);
      await load();
      onChanged();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function reply(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/v1/whatsapp/conversations/${encodeURIComponent(id)}/messages`, { text });
      setText('');
      setStatus(t.inbox.sent);
      await load();
      onChanged();
    } catch (e) {
      // A failed send keeps what the officer typed.
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  if (error && !data) return <ErrorAlert error={error} onRetry={() => (setError(undefined), void load())} />;
  if (!data) return <Loading />;
  const c = data.conversation;
  const name = c.contactName ?? `+${c.waId}`;
  return (
    <section aria-labelledby="thread-heading">
      <h2 id="thread-heading">{t.inbox.threadLabel(name)}</h2>
      <p className="hint">
        +{c.waId} · {c.mode === 'staff' ? t.inbox.modeStaff : t.inbox.modeBot}
      </p>
      {data.request && (
        <p>
          <Link to={`/petugas/permohonan/${data.request.id}`}>{t.inbox.request(data.request.ticket)}</Link>
        </p>
      )}
      <div className="actions-row">
        {c.mode === 'bot' ? (
          <button type="button" className="button" disabled={busy} onClick={() => void act('take-over')}>
            {t.inbox.takeOver}
          </button>
        ) : (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act('hand-back')}>
            {t.inbox.handBack}
          </button>
        )}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <ol className="thread">
        {data.thread.map((m, i) => (
          <li key={i} className={m.direction === 'in' ? 'thread-in' : 'thread-out'}>
            <p className="thread-meta">
              <strong>{t.inbox.from[m.from] ?? m.from}</strong> · <time dateTime={m.at}>{dateTime(m.at, zone, lang)}</time>
              {m.direction === 'out' && m.status ? ` · ${t.inbox.status[m.status] ?? m.status}` : ''}
            </p>
            {m.direction === 'in' && m.kind !== 'text' && m.kind !== 'interactive' && m.kind !== 'button' && <p>{t.inbox.kinds[m.kind] ?? m.kind}</p>}
            {m.text && <p className="thread-text">{m.text}</p>}
            {m.fileId && (
              <p>
                <a href={`/api/v1/files/${m.fileId}/content`} target="_blank" rel="noreferrer">
                  {t.inbox.document}
                </a>
              </p>
            )}
            {m.direction === 'in' && m.status && <p className="hint">{t.inbox.refused[m.status] ?? m.status}</p>}
          </li>
        ))}
      </ol>
      {c.windowOpen ? (
        <form onSubmit={reply} className="form">
          <div className="field">
            <label htmlFor="inbox-reply">{t.inbox.reply}</label>
            <textarea id="inbox-reply" rows={3} value={text} maxLength={4096} onChange={(e) => setText(e.target.value)} aria-describedby="inbox-reply-hint" />
            <p id="inbox-reply-hint" className="hint">
              {t.inbox.replyHint}
            </p>
          </div>
          <button type="submit" className="button" disabled={busy || !text.trim()}>
            {busy ? t.inbox.sending : t.inbox.send}
          </button>
          <p role="status">{status}</p>
        </form>
      ) : (
        <p className="callout">{t.inbox.windowClosed}</p>
      )}
    </section>
  );
}
