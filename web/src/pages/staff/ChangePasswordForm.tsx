/** Current password, new password twice. Checked here first; the server has the last word. */
import { useState, type FormEvent } from 'react';
import { ApiError, changePassword } from '../../api.js';
import { errorMessage, ErrorSummary, type FormProblem } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { focusField } from '../../components/Page.js';
import { useT } from '../../i18n/index.js';
import type { StaffUser } from '../../types.js';

const CURRENT = 'sandi-lama';
const NEW = 'sandi-baru';
const CONFIRM = 'sandi-ulang';
const MIN_LENGTH = 10;

export function ChangePasswordForm({
  user,
  onChanged,
  onSessionEnded,
}: {
  user: StaffUser;
  onChanged: () => void;
  onSessionEnded: () => void;
}) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [general, setGeneral] = useState<string>();
  const [submits, setSubmits] = useState(0);

  const labels = { [CURRENT]: t.staff.currentPassword, [NEW]: t.staff.newPassword, [CONFIRM]: t.staff.confirmPassword };
  const problem = (fieldId: keyof typeof labels, message: string): FormProblem => ({ fieldId, label: labels[fieldId], message });

  const show = (found: FormProblem[], message?: string) => {
    setProblems(found);
    setGeneral(message);
    if (found[0]) focusField(found[0].fieldId);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setSubmits((n) => n + 1);
    const found: FormProblem[] = [];
    if (!current) found.push(problem(CURRENT, t.errors.required(t.staff.currentPassword)));
    if (!next) found.push(problem(NEW, t.errors.required(t.staff.newPassword)));
    else if (next.length < MIN_LENGTH) found.push(problem(NEW, t.staff.tooShort));
    else if (next.toLowerCase() === user.username.toLowerCase()) found.push(problem(NEW, t.staff.sameAsUsername));
    if (next && confirm !== next) found.push(problem(CONFIRM, t.staff.mismatch));
    show(found);
    if (found.length > 0) return;

    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      setBusy(false);
      onChanged();
    } catch (error) {
      setBusy(false);
      if (!(error instanceof ApiError)) return show([], errorMessage(error, t));
      if (error.status === 401) return onSessionEnded();
      const detail = errorMessage(error, t);
      if (error.code === 'wrong_current_password') return show([problem(CURRENT, detail)]);
      if (error.code === 'weak_password') return show([problem(NEW, detail)]);
      show([], detail);
    }
  };

  const problemFor = (id: string) => problems.find((p) => p.fieldId === id)?.message;

  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
      <ErrorSummary key={submits} general={general} problems={problems} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
      <Field
        id={CURRENT}
        label={t.staff.currentPassword}
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={problemFor(CURRENT)}
      />
      <Field
        id={NEW}
        label={t.staff.newPassword}
        hint={t.staff.newPasswordHint}
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_LENGTH}
        value={next}
        onChange={(e) => setNext(e.target.value)}
        error={problemFor(NEW)}
      />
      <Field
        id={CONFIRM}
        label={t.staff.confirmPassword}
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={problemFor(CONFIRM)}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {busy ? t.staff.changing : t.staff.change}
      </button>
    </form>
  );
}
