/**
 * A phone-like chat that talks to the product exactly as WhatsApp does: what the user types is
 * posted as a signed webhook, and the bot's replies are what the product sent to the local Graph
 * API stand-in (text, reply buttons, lists, templates).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.js';
import { ErrorAlert } from '../../components/Errors.js';
import { PageHeading } from '../../components/Page.js';
import { useT } from '../../i18n/index.js';

type SimOffice = { code: string; name: string; phoneNumberId: string };
// Cloud API message JSON, read loosely: the stand-in records whatever the product sent.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Entry = { direction: 'in' | 'out'; id: string; at: string; message: Json };

const POLL_MS = 1200;

export function Simulator() {
  const t = useT();
  const [offices, setOffices] = useState<SimOffice[]>([]);
  const [office, setOffice] = useState('');
  // This browser's own number (the server hands out one nobody uses); typing another takes it on the first message.
  const [waId, setWaId] = useState('');
  const [name, setName] = useState('Ibu Sri');
  const [text, setText] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const logRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    api
      .get<{ offices: SimOffice[] }>('/api/v1/simulator/offices')
      .then((r) => {
        setOffices(r.offices);
        setOffice((current) => current || r.offices[0]?.phoneNumberId || '');
      })
      .catch(setError);
    api
      .get<{ numbers: string[]; current: string }>('/api/v1/simulator/session')
      .then((r) => setWaId((current) => current || r.current))
      .catch(setError);
  }, []);

  useEffect(() => {
    // Another number's conversation must not stay on screen while this one loads.
    setEntries([]);
    if (!/^62\d{8,13}$/.test(waId)) return;
    let stop = false;
    const load = () =>
      api
        .get<{ messages: Entry[] }>(`/api/v1/simulator/messages?waId=${waId}`)
        .then((r) => !stop && setEntries(r.messages))
        // Not this browser's number (yet): nothing to show until it sends from it.
        .catch(() => !stop && setEntries([]));
    void load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [waId]);

  useEffect(() => {
    logRef.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [entries.length]);

  async function send(message: Json) {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/v1/simulator/messages', { phoneNumberId: office, waId, name, ...message });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function sendFile(file: File) {
    setBusy(true);
    setError(null);
    try {
      const { csrfToken } = await api.get<{ csrfToken: string }>('/api/v1/auth/csrf');
      const form = new FormData();
      for (const [k, v] of Object.entries({ phoneNumberId: office, waId, name, mime: file.type || 'application/octet-stream', filename: file.name })) form.append(k, v);
      form.append('file', file);
      const res = await fetch('/api/v1/simulator/media', { method: 'POST', body: form, headers: { 'X-CSRF-Token': csrfToken }, credentials: 'same-origin' });
      if (!res.ok) throw new ApiError(res.status, 'unexpected', undefined);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    void send({ type: 'text', text }).then(() => setText(''));
  }

  return (
    <>
      <PageHeading title={t.simulator.title} />
      <p className="lead">{t.simulator.intro}</p>
      <div className="form sim-settings">
        <div className="field">
          <label htmlFor="sim-office">{t.simulator.office}</label>
          <select id="sim-office" value={office} onChange={(e) => setOffice(e.target.value)}>
            {offices.map((o) => (
              <option key={o.phoneNumberId} value={o.phoneNumberId}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sim-phone">{t.simulator.phone}</label>
          <input id="sim-phone" inputMode="numeric" aria-describedby="sim-phone-hint" value={waId} onChange={(e) => setWaId(e.target.value.replace(/\D/g, ''))} />
          <p id="sim-phone-hint" className="hint">
            {t.simulator.phoneHint}
          </p>
        </div>
        <div className="field">
          <label htmlFor="sim-name">{t.simulator.name}</label>
          <input id="sim-name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <section className="sim-phone" aria-label={t.simulator.chatLabel}>
        <ol className="sim-log" ref={logRef} aria-live="polite">
          {entries.length === 0 && <li className="hint">{t.simulator.empty}</li>}
          {entries.map((entry) => (
            <li key={entry.id} className={entry.direction === 'in' ? 'sim-bubble sim-mine' : 'sim-bubble sim-theirs'}>
              <span className="visually-hidden">{entry.direction === 'in' ? t.simulator.you : t.simulator.bot}: </span>
              {entry.direction === 'in' ? <UserMessage message={entry.message} /> : <BotMessage message={entry.message} disabled={busy} onChoose={(type, id, title) => send({ type, id, title })} />}
            </li>
          ))}
        </ol>
        <form className="sim-composer" onSubmit={submit}>
          <label htmlFor="sim-text" className="visually-hidden">
            {t.simulator.message}
          </label>
          <input id="sim-text" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" placeholder={t.simulator.message} />
          <button type="submit" className="button" disabled={busy || !office}>
            {busy ? t.simulator.sending : t.simulator.send}
          </button>
        </form>
        <div className="sim-extras">
          <label className="button button-secondary">
            {t.simulator.attach}
            <input
              type="file"
              accept="image/*,application/pdf"
              className="visually-hidden"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void sendFile(file);
              }}
            />
          </label>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void send({ type: 'voice' })}>
            {t.simulator.voice}
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void send({ type: 'location', latitude: -7.4245, longitude: 109.2734, name: 'Rumah' })}>
            {t.simulator.location}
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void send({ type: 'sticker' })}>
            {t.simulator.sticker}
          </button>
        </div>
      </section>
    </>
  );
}

function UserMessage({ message }: { message: Json }) {
  const t = useT();
  switch (message.type) {
    case 'text':
      return <p>{message.text?.body}</p>;
    case 'interactive':
      return <p>{message.interactive?.button_reply?.title ?? message.interactive?.list_reply?.title}</p>;
    case 'audio':
      return <p>{t.simulator.voiceNote}</p>;
    case 'location':
      return <p>{t.simulator.locationNote}</p>;
    case 'image':
    case 'document':
      return <p>{t.simulator.fileNote(message.document?.filename ?? message.image?.mime_type ?? '')}</p>;
    default:
      return <p>{t.simulator.stickerNote}</p>;
  }
}

/** Renders what the product sent: WhatsApp's *bold* stays as typed; buttons and list rows answer. */
function BotMessage({ message, disabled, onChoose }: { message: Json; disabled: boolean; onChoose: (type: 'button_reply' | 'list_reply', id: string, title: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (message.type === 'text') return <p className="sim-text">{message.text?.body}</p>;
  if (message.type === 'template') {
    const params = (message.template?.components?.[0]?.parameters ?? []) as { text: string }[];
    return (
      <p className="sim-text">
        <em>{t.simulator.template(message.template?.name ?? '')}</em>: {params.map((p) => p.text).join(' · ')}
      </p>
    );
  }
  const interactive = message.interactive ?? {};
  return (
    <div>
      {interactive.header?.text && <p className="sim-header">{interactive.header.text}</p>}
      <p className="sim-text">{interactive.body?.text}</p>
      {interactive.footer?.text && <p className="hint">{interactive.footer.text}</p>}
      {interactive.type === 'button' && (
        <div className="sim-buttons">
          {(interactive.action?.buttons ?? []).map((b: Json) => (
            <button key={b.reply.id} type="button" className="button button-secondary" disabled={disabled} onClick={() => onChoose('button_reply', b.reply.id, b.reply.title)}>
              {b.reply.title}
            </button>
          ))}
        </div>
      )}
      {interactive.type === 'list' && (
        <div className="sim-list">
          <button type="button" className="button button-secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
            {interactive.action?.button ?? t.simulator.openList}
          </button>
          {open &&
            (interactive.action?.sections ?? []).map((section: Json, i: number) => (
              <div key={i} role="group" aria-label={section.title ?? undefined}>
                {section.title && <p className="sim-section">{section.title}</p>}
                {(section.rows ?? []).map((row: Json) => (
                  <button
                    key={row.id}
                    type="button"
                    className="sim-row"
                    disabled={disabled}
                    onClick={() => {
                      setOpen(false);
                      onChoose('list_reply', row.id, row.title);
                    }}
                  >
                    <strong>{row.title}</strong>
                    {row.description && <span>{row.description}</span>}
                  </button>
                ))}
              </div>
            ))}
        </div>
      )}
    </div>
  );
}
