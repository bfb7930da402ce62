/** Pieces the apply and track pages share: the office, dates in its time zone, a document upload. */
import { useEffect, useState } from 'react';
import { ApiError, getOffice, listOffices } from '../../api.js';
import { errorMessage } from '../../components/Errors.js';
import { timezoneLabel, whatsappLink } from '../../format.js';
import { useLanguage, useT } from '../../i18n/index.js';
import type { Lang, Office } from '../../types.js';
import { Contacts, OpeningHours } from '../PortalHome.js';
import { uploadDocument, type PhotoAdvice, type Text, type UploadedFile } from './api.js';

export type Loaded<T> = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; value: T };

/** The office asked for (`?kantor=`, or a known code), else the first one of the installation. */
export function useOffice(code: string | undefined, attempt = 0): Loaded<Office> {
  const [state, setState] = useState<Loaded<Office>>({ status: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    (async () => {
      const wanted = code ?? (await listOffices(abort.signal))[0]?.code;
      if (!wanted) throw new ApiError(404, 'not_found', undefined);
      setState({ status: 'ready', value: await getOffice(wanted, abort.signal) });
    })().catch((error: unknown) => {
      if (!abort.signal.aborted) setState({ status: 'failed', error });
    });
    return () => abort.abort();
  }, [code, attempt]);
  return state;
}

export const pick = (text: Text, lang: Lang) => text[lang];

/** "Senin, 23 November 2026 pukul 15.30 WIB" in the office's time zone. */
export function formatDateTime(iso: string, lang: Lang, timezone: string): string {
  const date = new Date(iso);
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  const day = date.toLocaleDateString(locale, { timeZone: timezone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = date.toLocaleTimeString(locale, { timeZone: timezone, hour: '2-digit', minute: '2-digit', hour12: false }).replace(':', lang === 'id' ? '.' : ':');
  return lang === 'id' ? `${day} pukul ${time} ${timezoneLabel(timezone)}` : `${day}, ${time} ${timezoneLabel(timezone)}`;
}

/** A calendar date ("2020-05-10") as "10 Mei 2020". */
export function formatDate(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}

export function humanSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The server's limit is checked there too; this only spares a long upload on a slow line. */
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPTED = /^(image\/|application\/pdf$)/;

/** `photoHints`: what is wrong with the photo and how to retake it; the upload is kept all the same. */
export type UploadValue = { fileId: string; name: string; size: number; photoHints?: string[] | undefined };

/**
 * One document: a native file input (keyboard, screen reader and the phone's camera all work),
 * uploaded as soon as it is chosen, with its own status and error. A failure leaves the rest of
 * the form as it was.
 */
export function DocumentUpload(props: {
  id: string;
  label: string;
  details?: string | undefined;
  need: 'required' | 'optional';
  token: string;
  documentType: string;
  value: UploadValue | undefined;
  error?: string | undefined;
  onUploaded: (value: UploadValue) => void;
  onError: (message: string | undefined) => void;
}) {
  const t = useT();
  const id = props.id;
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<string>();
  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;
  const errorId = `${id}-error`;

  async function choose(file: File | undefined) {
    if (!file) return;
    props.onError(undefined);
    if (file.size > MAX_BYTES) return props.onError(t.citizen.upload.tooLarge(humanSize(MAX_BYTES)));
    if (file.type && !ACCEPTED.test(file.type)) return props.onError(t.citizen.upload.wrongType);
    setBusy(true);
    setPending(file.name);
    try {
      const uploaded: UploadedFile & { photo: PhotoAdvice | null } = await uploadDocument(props.token, file, props.documentType);
      props.onUploaded({ fileId: uploaded.id, name: file.name, size: uploaded.size, photoHints: uploaded.photo?.hints ?? [] });
    } catch (error) {
      props.onError(errorMessage(error, t));
    } finally {
      setBusy(false);
      setPending(undefined);
    }
  }

  const describedBy = [props.details ? hintId : '', statusId, props.error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={props.error ? 'field upload field-invalid' : 'field upload'}>
      <label htmlFor={id}>
        {props.label} <span className="need">({props.need === 'optional' ? t.citizen.upload.optional : t.citizen.upload.required})</span>
      </label>
      {props.details && (
        <p id={hintId} className="hint">
          {props.details}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="field-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </p>
      )}
      <input
        id={id}
        type="file"
        className="file-input"
        accept="image/*,application/pdf"
        aria-describedby={describedBy}
        aria-invalid={props.error ? true : undefined}
        disabled={busy}
        data-document={props.documentType}
        onChange={(event) => {
          void choose(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      <p id={statusId} className="upload-status" aria-live="polite">
        {busy && pending ? `${t.citizen.upload.uploading} ${pending}` : props.value ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t.citizen.upload.uploaded(props.value.name, humanSize(props.value.size))}
          </>
        ) : null}
      </p>
      {!busy && props.value?.photoHints && props.value.photoHints.length > 0 && (
        <ul className="photo-advice" data-testid={`${id}-photo-advice`}>
          {props.value.photoHints.map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Address, contacts and opening hours, for "where and when". */
export function OfficeInfo({ office }: { office: Office }) {
  const wa = office.contact.whatsapp ? whatsappLink(office.contact.whatsapp) : undefined;
  return (
    <div className="office-info">
      <Contacts office={office} whatsapp={wa} />
      <OpeningHours office={office} />
    </div>
  );
}

export function useLang(): Lang {
  return useLanguage().lang;
}
