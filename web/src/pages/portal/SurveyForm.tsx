/**
 * The IKM questionnaire (PermenPANRB 14/2017) as one accessible form: the nine unsur as radio
 * groups with the regulation's answer words, the optional respondent profile and a suggestion.
 * Used by the tracking page and the counter's QR page.
 */
import { useState, type FormEvent } from 'react';
import { ErrorAlert, ErrorSummary, type FormProblem } from '../../components/Errors.js';
import { useT } from '../../i18n/index.js';
import { PROFILE_OPTIONS, UNSUR, type ProfileField, type SurveyAnswer, type UnsurCode } from './surveyApi.js';

export function SurveyForm({ idPrefix, onSubmit }: { idPrefix: string; onSubmit: (answer: SurveyAnswer) => Promise<unknown> }) {
  const t = useT().survey;
  const [answers, setAnswers] = useState<Partial<Record<UnsurCode, number>>>({});
  const [profile, setProfile] = useState<Partial<Record<ProfileField, string>>>({});
  const [suggestion, setSuggestion] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const fieldId = (code: UnsurCode, n = 1) => `${idPrefix}-${code}-${n}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing = UNSUR.filter((u) => answers[u] === undefined).map((u) => ({ fieldId: fieldId(u), label: t.unsur[u].name, message: t.form.missing(t.unsur[u].name) }));
    setProblems(missing);
    if (missing.length > 0) {
      setTimeout(() => document.getElementById(`${idPrefix}-problems`)?.focus(), 0);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const trimmed = suggestion.trim();
      await onSubmit({ answers: answers as Record<UnsurCode, number>, profile, ...(trimmed ? { suggestion: trimmed } : {}) });
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <p className="alert alert-success" role="status">
        <span aria-hidden="true">✓ </span>
        {t.form.thanks}
      </p>
    );

  return (
    <form onSubmit={submit} noValidate>
      <p>{t.form.intro}</p>
      <div id={`${idPrefix}-problems`} tabIndex={-1}>
        <ErrorSummary problems={problems} />
      </div>
      {error !== undefined && <ErrorAlert error={error} />}
      {UNSUR.map((code, index) => {
        const unsur = t.unsur[code];
        const invalid = problems.some((p) => p.fieldId === fieldId(code));
        return (
          <fieldset key={code} className={invalid ? 'choices field-invalid' : 'choices'}>
            <legend>
              <span className="hint">{t.form.question(index + 1)} · {unsur.name}</span>
              <br />
              {unsur.question}
            </legend>
            {invalid && (
              <p className="field-error">
                <span aria-hidden="true">⚠ </span>
                {t.form.missing(unsur.name)}
              </p>
            )}
            {unsur.answers.map((words, i) => (
              <div className="choice" key={i}>
                <input type="radio" id={fieldId(code, i + 1)} name={`${idPrefix}-${code}`} checked={answers[code] === i + 1} onChange={() => setAnswers((a) => ({ ...a, [code]: i + 1 }))} />
                <label htmlFor={fieldId(code, i + 1)}>
                  {i + 1}. {words}
                </label>
              </div>
            ))}
          </fieldset>
        );
      })}
      <fieldset>
        <legend>{t.form.profileHeading}</legend>
        {(Object.keys(PROFILE_OPTIONS) as ProfileField[]).map((field) => {
          const words = t.profile[field] as { label: string; options: Record<string, string> };
          return (
            <div className="field" key={field}>
              <label htmlFor={`${idPrefix}-${field}`}>{words.label}</label>
              <select id={`${idPrefix}-${field}`} value={profile[field] ?? ''} onChange={(e) => setProfile((p) => ({ ...p, [field]: e.target.value || undefined }))}>
                <option value="">{t.form.notSaying}</option>
                {PROFILE_OPTIONS[field].map((code) => (
                  <option key={code} value={code}>
                    {words.options[code]}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </fieldset>
      <div className="field">
        <label htmlFor={`${idPrefix}-suggestion`}>{t.form.suggestion}</label>
        <textarea id={`${idPrefix}-suggestion`} rows={4} maxLength={1000} value={suggestion} onChange={(e) => setSuggestion(e.target.value)} />
      </div>
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? t.form.sending : t.form.submit}
      </button>
    </form>
  );
}
