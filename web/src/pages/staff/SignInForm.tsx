/** Username + password. Server refusals (one 401 for every refused sign-in, 429 for a flood) show its words. */
import { useState, type FormEvent } from 'react';
import { signIn } from '../../api.js';
import { errorMessage, ErrorSummary, type FormProblem } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { focusField } from '../../components/Page.js';
import { useT } from '../../i18n/index.js';
import type { StaffUser } from '../../types.js';

export function SignInForm({ onSignedIn }: { onSignedIn: (user: StaffUser) => void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [general, setGeneral] = useState<string>();
  const [submits, setSubmits] = useState(0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setSubmits((n) => n + 1);
    setGeneral(undefined);
    const found: FormProblem[] = [];
    if (!username.trim()) found.push({ fieldId: 'masuk-username', label: t.staff.username, message: t.errors.required(t.staff.username) });
    if (!password) found.push({ fieldId: 'masuk-password', label: t.staff.password, message: t.errors.required(t.staff.password) });
    setProblems(found);
    if (found[0]) return focusField(found[0].fieldId);

    setBusy(true);
    try {
      const { user, mustChangePassword } = await signIn(username.trim(), password);
      onSignedIn({ ...user, mustChangePassword });
    } catch (error) {
      setGeneral(errorMessage(error, t));
      setBusy(false);
    }
  };

  const problemFor = (id: string) => problems.find((p) => p.fieldId === id)?.message;

  return (
    <>
      <p>{t.staff.signInIntro}</p>
      <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
        <ErrorSummary key={submits} general={general} problems={problems} />
        <Field
          id="masuk-username"
          label={t.staff.username}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={problemFor('masuk-username')}
        />
        <Field
          id="masuk-password"
          label={t.staff.password}
          name="password"
          type={showPassword ? 'text' : 'password'}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={problemFor('masuk-password')}
        />
        <div className="checkbox">
          <input id="masuk-tampilkan" type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
          <label htmlFor="masuk-tampilkan">{t.staff.showPassword}</label>
        </div>
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? t.staff.signingIn : t.staff.signIn}
        </button>
      </form>
    </>
  );
}
