/** Errors as people read them: announced, worded in their language, never shown by colour alone. */
import { ApiError } from '../api.js';
import { useT, type Messages } from '../i18n/index.js';

/** The server's own words when it gave some, otherwise the client's. */
export function errorMessage(error: unknown, t: Messages): string {
  if (error instanceof ApiError) {
    if (error.detail) return error.detail;
    if (error.code === 'network') return t.errors.network;
    return t.errors.unexpected(error.status);
  }
  return t.errors.network;
}

/** An error about the whole page or request, read out as soon as it appears. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">
        <span aria-hidden="true">⚠ </span>
        {t.errors.heading}
      </p>
      <p>{errorMessage(error, t)}</p>
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((e) => (
            <li key={e.field}>
              {e.field}: {e.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t.app.retry}
        </button>
      )}
    </div>
  );
}

export type FormProblem = { fieldId: string; label: string; message: string };

/**
 * The list at the top of a form after a failed submit: announced, each entry a link that moves
 * focus to its field (the field shows the same message beside it).
 */
export function ErrorSummary({ general, problems }: { general?: string | undefined; problems: FormProblem[] }) {
  const t = useT();
  if (!general && problems.length === 0) return null;
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">
        <span aria-hidden="true">⚠ </span>
        {problems.length > 0 ? t.errors.formHeading : t.errors.heading}
      </p>
      {general && <p>{general}</p>}
      {problems.length > 0 && (
        <ul>
          {problems.map((p) => (
            <li key={p.fieldId}>
              <a
                href={`#${p.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(p.fieldId)?.focus();
                }}
              >
                {p.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
