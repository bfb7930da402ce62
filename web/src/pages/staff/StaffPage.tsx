/**
 * /petugas: sign-in, the forced password change after a temporary password, and the signed-in
 * page (account, password change, sign-out). The staff console will grow from here.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, currentUser, listOffices, signOut } from '../../api.js';
import { ErrorAlert } from '../../components/Errors.js';
import { focusHeading, Loading, PageHeading } from '../../components/Page.js';
import { useT, type Messages } from '../../i18n/index.js';
import type { StaffUser } from '../../types.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { SignInForm } from './SignInForm.js';

type State =
  | { status: 'checking' }
  | { status: 'failed'; error: unknown }
  | { status: 'signedOut' }
  | { status: 'signedIn'; user: StaffUser };

export function roleLabel(role: string, t: Messages): string {
  return (t.roles as Record<string, string | undefined>)[role] ?? role;
}

export function StaffPage() {
  const t = useT();
  const [state, setState] = useState<State>({ status: 'checking' });
  const [notice, setNotice] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  // Focus follows the step the user caused (signed in, changed password, signed out), not page loads.
  const moveFocus = useRef(false);

  useEffect(() => {
    const abort = new AbortController();
    currentUser(abort.signal).then(
      (user) => setState(user ? { status: 'signedIn', user } : { status: 'signedOut' }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => abort.abort();
  }, [attempt]);

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    focusHeading();
  }, [state]);

  const go = (next: State, message?: string) => {
    moveFocus.current = true;
    setNotice(message);
    setState(next);
  };
  const sessionEnded = () => go({ status: 'signedOut' }, t.staff.sessionExpired);

  let title: string;
  let body: ReactNode;
  switch (state.status) {
    case 'checking':
      title = t.staff.title;
      body = <Loading />;
      break;
    case 'failed':
      title = t.staff.title;
      body = <ErrorAlert error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
      break;
    case 'signedOut':
      title = t.staff.signInTitle;
      body = <SignInForm onSignedIn={(user) => go({ status: 'signedIn', user })} />;
      break;
    case 'signedIn': {
      const { user } = state;
      const signedOut = () => go({ status: 'signedOut' }, t.staff.signedOut);
      if (user.mustChangePassword) {
        title = t.staff.mustChangeTitle;
        body = (
          <>
            <p>{t.staff.mustChangeText}</p>
            <ChangePasswordForm
              user={user}
              onChanged={() => go({ status: 'signedIn', user: { ...user, mustChangePassword: false } }, t.staff.changed)}
              onSessionEnded={sessionEnded}
            />
            <SignOutButton onSignedOut={signedOut} />
          </>
        );
      } else {
        title = t.staff.welcome(user.name);
        body = (
          <SignedIn
            user={user}
            onPasswordChanged={() => setNotice(t.staff.changed)}
            onSessionEnded={sessionEnded}
            onSignedOut={signedOut}
          />
        );
      }
      break;
    }
  }

  return (
    <>
      <PageHeading title={title} />
      <div role="status" aria-live="polite">
        {notice && <p className="alert alert-success">✓ {notice}</p>}
      </div>
      {body}
    </>
  );
}

function SignedIn({
  user,
  onPasswordChanged,
  onSessionEnded,
  onSignedOut,
}: {
  user: StaffUser;
  onPasswordChanged: () => void;
  onSessionEnded: () => void;
  onSignedOut: () => void;
}) {
  const t = useT();
  const [officeName, setOfficeName] = useState<string>();

  useEffect(() => {
    if (!user.officeCode) return;
    const abort = new AbortController();
    listOffices(abort.signal).then(
      (offices) => setOfficeName(offices.find((o) => o.code === user.officeCode)?.name),
      () => undefined, // the code alone is still shown
    );
    return () => abort.abort();
  }, [user.officeCode]);

  const office = user.officeCode
    ? officeName
      ? `${officeName} (${user.officeCode})`
      : user.officeCode
    : t.staff.regency(user.regencyCode);

  return (
    <>
      <section aria-labelledby="akun">
        <h2 id="akun">{t.staff.accountHeading}</h2>
        <dl className="details">
          <dt>{t.staff.username}</dt>
          <dd>{user.username}</dd>
          <dt>{t.staff.role}</dt>
          <dd>{roleLabel(user.role, t)}</dd>
          <dt>{t.staff.office}</dt>
          <dd>{office}</dd>
        </dl>
        <p className="callout">{t.staff.consoleSoon}</p>
      </section>
      <section aria-labelledby="ganti-sandi">
        <h2 id="ganti-sandi">{t.staff.changeHeading}</h2>
        <ChangePasswordForm user={user} onChanged={onPasswordChanged} onSessionEnded={onSessionEnded} />
      </section>
      <SignOutButton onSignedOut={onSignedOut} />
    </>
  );
}

function SignOutButton({ onSignedOut }: { onSignedOut: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [tries, setTries] = useState(0);

  const click = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await signOut();
      onSignedOut();
    } catch (err) {
      // Already signed out elsewhere (expired session): that is what the user wanted.
      if (err instanceof ApiError && err.status === 401) return onSignedOut();
      setError(err);
      setTries((n) => n + 1);
      setBusy(false);
    }
  };

  return (
    <div className="sign-out">
      {error !== undefined && <ErrorAlert key={tries} error={error} />}
      <button type="button" className="button button-secondary" onClick={click} aria-disabled={busy}>
        {busy ? t.staff.signingOut : t.staff.signOut}
      </button>
    </div>
  );
}
