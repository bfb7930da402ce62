/**
 * The SOP actions this member may take on the request now — exactly those the server lists in
 * `availableActions` — each with the little form its payload needs.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/Errors.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { consoleApi, type Action, type RequestDetail } from './consoleApi.js';
import { localized } from './format.js';
import { useFailure, useSession } from './session.js';

export const RETURN_REASONS = ['missing_document', 'unreadable_document', 'data_mismatch', 'wrong_service', 'other'] as const;
const REJECT_REASONS = ['not_eligible', 'duplicate', 'invalid_document', 'siak_refused', 'other'] as const;
const RELATIONSHIPS = ['applicant', 'subject', 'parent', 'guardian', 'family_member', 'other'] as const;
const METHODS = ['counter', 'home_delivery', 'school_session', 'electronic'] as const;
/** Actions that need more than a click open a small form; the rest act at once. */
const WITH_FORM: Action[] = ['verify_return', 'reject', 'record_siak_outcome', 'assign_courier', 'hand_over', 'cancel'];

/** YA with a required document missing asks for the officer's reason first (the server refuses it without one). */
export const needsOverride = (detail: RequestDetail): boolean => (detail.documents?.missing.length ?? 0) > 0;

export const SHORTCUT_OF: Partial<Record<Action, string>> = { verify_accept: 'Y', verify_return: 'T' };

export function RequestActions({
  detail,
  open,
  onOpen,
  onAct,
  busy,
  error,
}: {
  detail: RequestDetail;
  open: Action | undefined;
  onOpen: (action: Action | undefined) => void;
  onAct: (action: Action, payload?: Record<string, unknown>) => void;
  busy: boolean;
  error: unknown;
}) {
  const t = useT().console.actions;
  const actions = detail.availableActions;
  if (actions.length === 0) return <p>{t.none}</p>;
  return (
    <>
      {error !== undefined && <ErrorAlert error={error} />}
      <div className="action-buttons">
        {actions.map((action) => {
          const form = WITH_FORM.includes(action) || (action === 'verify_accept' && needsOverride(detail));
          const key = SHORTCUT_OF[action];
          return (
            <button
              key={action}
              type="button"
              className={`button ${action === 'verify_accept' || action === 'mark_ready' ? '' : 'button-secondary'} ${action === 'reject' || action === 'cancel' ? 'button-danger' : ''}`}
              aria-expanded={form ? open === action : undefined}
              aria-controls={form && open === action ? `form-${action}` : undefined}
              aria-keyshortcuts={key}
              aria-disabled={busy}
              onClick={() => (busy ? undefined : form ? onOpen(open === action ? undefined : action) : onAct(action))}
            >
              {t.labels[action]}
              {key && <kbd className="kbd">{key}</kbd>}
            </button>
          );
        })}
      </div>
      {open && actions.includes(open) && (
        <div id={`form-${open}`} className="action-form">
          {open === 'verify_accept' && <OverrideForm detail={detail} onAct={onAct} busy={busy} onCancel={() => onOpen(undefined)} />}
          {open === 'verify_return' && <ReturnForm detail={detail} onAct={onAct} busy={busy} onCancel={() => onOpen(undefined)} />}
          {open === 'reject' && <RejectForm onAct={onAct} busy={busy} onCancel={() => onOpen(undefined)} />}
          {open === 'record_siak_outcome' && <SiakForm detail={detail} onAct={onAct} busy={busy} onCancel={() => onOpen(undefined)} />}
          {open === 'assign_courier' && <CourierForm detail={detail} onAct={onAct} busy={busy} onCancel={() => onOpen(undefined)} />}
          {open === 'hand_over' && <HandOverForm detail={detail} onAct={onAct} busy={busy} onCancel={() => onOpen(undefined)} />}
          {open === 'cancel' && <CancelForm onAct={onAct} busy={busy} onCancel={() => onOpen(undefined)} />}
        </div>
      )}
    </>
  );
}

type FormProps = { onAct: (action: Action, payload?: Record<string, unknown>) => void; busy: boolean; onCancel: () => void };

function FormButtons({ label, busy, onCancel }: { label: string; busy: boolean; onCancel: () => void }) {
  const t = useT().console.actions;
  return (
    <div className="form-buttons">
      <button type="submit" className="button" aria-disabled={busy}>
        {busy ? t.busy : label}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t.close}
      </button>
    </div>
  );
}

function Problem({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={id} className="field-error" role="alert">
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}

/** TIDAK: which documents are missing or unreadable, what else, and a note in the applicant's words. */
function ReturnForm({ detail, onAct, busy, onCancel }: FormProps & { detail: RequestDetail }) {
  const t = useT().console.actions;
  const { lang } = useLanguage();
  const { vocabulary } = useSession();
  const id = useId();
  const missingDefault = detail.documents ? detail.documents.missing.map((i) => i.document) : [];
  const [codes, setCodes] = useState<Set<string>>(new Set(missingDefault.length ? ['missing_document'] : []));
  const [missing, setMissing] = useState<Set<string>>(new Set(missingDefault));
  const [unreadable, setUnreadable] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();

  // The documents a reason can name: the checklist's, and anything attached beyond it.
  const candidates = [...new Set([...(detail.checklist?.items.map((i) => i.document) ?? []), ...(detail.request.attachments ?? []).map((a) => a.documentType)])];
  const toggle = (set: Set<string>, value: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reasons: Record<string, unknown>[] = [];
    const text = note.trim();
    if (codes.has('missing_document')) for (const d of missing) reasons.push({ code: 'missing_document', document: d });
    if (codes.has('unreadable_document')) for (const d of unreadable) reasons.push({ code: 'unreadable_document', document: d });
    for (const code of ['data_mismatch', 'wrong_service'] as const) if (codes.has(code)) reasons.push({ code });
    if (codes.has('other')) reasons.push({ code: 'other', ...(text && { note: text }) });
    if (codes.size === 0) return setProblem(t.chooseReason);
    if ((codes.has('missing_document') && missing.size === 0) || (codes.has('unreadable_document') && unreadable.size === 0)) return setProblem(t.chooseDocument);
    if (codes.has('other') && !text) return setProblem(t.otherNeedsNote);
    setProblem(undefined);
    onAct('verify_return', { reasons, ...(text && !codes.has('other') && { note: text }) });
  };

  const docChoices = (name: string, chosen: Set<string>, set: (s: Set<string>) => void, from: string[]) => (
    <fieldset className="nested">
      <legend>{t.returnDocs}</legend>
      {from.map((d) => (
        <div className="checkbox" key={d}>
          <input id={`${id}-${name}-${d}`} type="checkbox" checked={chosen.has(d)} onChange={(e) => set(toggle(chosen, d, e.target.checked))} />
          <label htmlFor={`${id}-${name}-${d}`}>{localized(vocabulary.documentTypes[d], lang, d)}</label>
        </div>
      ))}
    </fieldset>
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.labels.verify_return}</h3>
      <Problem id={`${id}-problem`} text={problem} />
      <fieldset>
        <legend>{t.returnLegend}</legend>
        {RETURN_REASONS.map((code, i) => (
          <div key={code}>
            <div className="checkbox">
              <input
                id={`${id}-${code}`}
                type="checkbox"
                // The first box takes focus when the form opens by keyboard shortcut.
                data-autofocus={i === 0 ? true : undefined}
                checked={codes.has(code)}
                onChange={(e) => setCodes(toggle(codes, code, e.target.checked))}
              />
              <label htmlFor={`${id}-${code}`}>{localized(vocabulary.returnReasons[code], lang, code)}</label>
            </div>
            {code === 'missing_document' && codes.has(code) && docChoices('hilang', missing, setMissing, candidates)}
            {code === 'unreadable_document' && codes.has(code) && docChoices('buram', unreadable, setUnreadable, (detail.request.attachments ?? []).map((a) => a.documentType))}
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t.note}</label>
        <p id={`${id}-note-hint`} className="hint">
          {t.noteHint}
        </p>
        <textarea id={`${id}-note`} className="input" rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={`${id}-note-hint`} />
      </div>
      <FormButtons label={t.submitReturn} busy={busy} onCancel={onCancel} />
    </form>
  );
}

function RejectForm({ onAct, busy, onCancel }: FormProps) {
  const t = useT().console.actions;
  const id = useId();
  const [code, setCode] = useState<string>('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!code) return setProblem(t.chooseReason);
    if (code === 'other' && !note.trim()) return setProblem(t.otherNeedsNote);
    onAct('reject', { reason: { code, ...(note.trim() && { note: note.trim() }) } });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.labels.reject}</h3>
      <Problem id={`${id}-problem`} text={problem} />
      <fieldset>
        <legend>{t.rejectReason}</legend>
        {REJECT_REASONS.map((c, i) => (
          <div className="radio" key={c}>
            <input id={`${id}-${c}`} type="radio" name={`${id}-reason`} value={c} checked={code === c} onChange={() => setCode(c)} data-autofocus={i === 0 ? true : undefined} />
            <label htmlFor={`${id}-${c}`}>{t.rejectReasons[c]}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t.note}</label>
        <textarea id={`${id}-note`} className="input" rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <FormButtons label={t.submitReject} busy={busy} onCancel={onCancel} />
    </form>
  );
}

function SiakForm({ detail, onAct, busy, onCancel }: FormProps & { detail: RequestDetail }) {
  const t = useT().console.actions;
  const { lang } = useLanguage();
  const { vocabulary } = useSession();
  const id = useId();
  const outputs = detail.checklist?.outputs.map((o) => o.document) ?? Object.keys(vocabulary.outputDocuments);
  const [document, setDocument] = useState(outputs[0] ?? '');
  const [number, setNumber] = useState(detail.visible.identity === 'full' && detail.identity?.status === 'valid' && detail.identity.nik && ['kia', 'ktp_el'].includes(outputs[0] ?? '') ? detail.identity.nik : '');
  const [printed, setPrinted] = useState(true);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAct('record_siak_outcome', { outcomes: [{ document, printed, ...(number.trim() && { number: number.trim() }) }] });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.labels.record_siak_outcome}</h3>
      <div className="field">
        <label htmlFor={`${id}-doc`}>{t.siakDocument}</label>
        <select id={`${id}-doc`} className="input" value={document} onChange={(e) => setDocument(e.target.value)} data-autofocus>
          {outputs.map((o) => (
            <option key={o} value={o}>
              {localized(vocabulary.outputDocuments[o], lang, o)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-number`}>{t.siakNumber}</label>
        <p id={`${id}-number-hint`} className="hint">
          {t.siakNumberHint}
        </p>
        <input id={`${id}-number`} className="input" value={number} maxLength={64} onChange={(e) => setNumber(e.target.value)} aria-describedby={`${id}-number-hint`} />
      </div>
      <div className="checkbox">
        <input id={`${id}-printed`} type="checkbox" checked={printed} onChange={(e) => setPrinted(e.target.checked)} />
        <label htmlFor={`${id}-printed`}>{t.siakPrinted}</label>
      </div>
      <FormButtons label={t.submitSiak} busy={busy} onCancel={onCancel} />
    </form>
  );
}

function CourierForm({ detail, onAct, busy, onCancel }: FormProps & { detail: RequestDetail }) {
  const t = useT().console.actions;
  const id = useId();
  const [couriers, setCouriers] = useState<{ id: string; name: string }[]>();
  const [error, setError] = useState<unknown>();
  const fail = useFailure(setError);
  const [courier, setCourier] = useState(detail.courier?.id ?? '');
  useEffect(() => {
    const abort = new AbortController();
    consoleApi.couriers(detail.request.officeCode, abort.signal).then((list) => {
      setCouriers(list);
      setCourier((c) => c || list[0]?.id || '');
    }, fail);
    return () => abort.abort();
  }, [detail.request.officeCode, fail]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (courier) onAct('assign_courier', { courierStaffId: courier });
  };
  let body: ReactNode;
  if (error !== undefined) body = <ErrorAlert error={error} />;
  else if (!couriers) body = null;
  else if (couriers.length === 0) body = <p>{t.noCouriers}</p>;
  else
    body = (
      <>
        <div className="field">
          <label htmlFor={`${id}-courier`}>{t.courier}</label>
          <select id={`${id}-courier`} className="input" value={courier} onChange={(e) => setCourier(e.target.value)} data-autofocus>
            {couriers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <FormButtons label={t.submitAssign} busy={busy} onCancel={onCancel} />
      </>
    );
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.labels.assign_courier}</h3>
      {body}
    </form>
  );
}

function HandOverForm({ detail, onAct, busy, onCancel }: FormProps & { detail: RequestDetail }) {
  const t = useT().console.actions;
  const id = useId();
  const { request } = detail;
  const [name, setName] = useState(request.applicant.name ?? '');
  const [relationship, setRelationship] = useState<string>('applicant');
  const [method, setMethod] = useState<string>(request.handOverChoice === 'home_delivery' ? 'home_delivery' : request.handOverChoice === 'school' ? 'school_session' : 'counter');
  const [problem, setProblem] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setProblem(t.receivedByRequired);
    // Received now: the form is filled in as the document changes hands.
    onAct('hand_over', { receivedBy: { name: name.trim(), relationship }, method, receivedAt: new Date().toISOString() });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.labels.hand_over}</h3>
      <Problem id={`${id}-problem`} text={problem} />
      <div className="field">
        <label htmlFor={`${id}-name`}>{t.receivedBy}</label>
        <input id={`${id}-name`} className="input" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-autofocus />
      </div>
      <div className="field">
        <label htmlFor={`${id}-rel`}>{t.relationship}</label>
        <select id={`${id}-rel`} className="input" value={relationship} onChange={(e) => setRelationship(e.target.value)}>
          {RELATIONSHIPS.map((r) => (
            <option key={r} value={r}>
              {t.relationships[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-method`}>{t.method}</label>
        <select id={`${id}-method`} className="input" value={method} onChange={(e) => setMethod(e.target.value)}>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {t.methods[m]}
            </option>
          ))}
        </select>
      </div>
      <FormButtons label={t.submitHandOver} busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** YA although the checklist shows a required document missing: named, with the reason the audit keeps. */
function OverrideForm({ detail, onAct, busy, onCancel }: FormProps & { detail: RequestDetail }) {
  const t = useT().console.actions;
  const { lang } = useLanguage();
  const id = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const missing = (detail.documents?.missing ?? []).map((i) => localized(i.label, lang, i.document)).join(', ');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setProblem(t.overrideReasonMissing);
    onAct('verify_accept', { overrideReason: reason.trim() });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.overrideTitle}</h3>
      <p>
        <strong>{t.overrideMissing(missing)}</strong>
      </p>
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          {t.overrideReason} <span aria-hidden="true">*</span>
        </label>
        <textarea
          id={`${id}-reason`}
          className="input"
          rows={2}
          maxLength={500}
          value={reason}
          aria-required="true"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setProblem(undefined);
          }}
          data-autofocus
        />
        <Problem id={`${id}-problem`} text={problem} />
      </div>
      <FormButtons label={t.submitOverride} busy={busy} onCancel={onCancel} />
    </form>
  );
}

function CancelForm({ onAct, busy, onCancel }: FormProps) {
  const t = useT().console.actions;
  const id = useId();
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAct('cancel', note.trim() ? { note: note.trim() } : {});
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.labels.cancel}</h3>
      <p>{t.cancelConfirm}</p>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t.note}</label>
        <textarea id={`${id}-note`} className="input" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-autofocus />
      </div>
      <FormButtons label={t.submitCancel} busy={busy} onCancel={onCancel} />
    </form>
  );
}
