/**
 * /petugas/*: the staff console, loaded only when someone opens it (the public portal stays light).
 * Sign-in and the forced password change first; then the console frame (menu, account, sign-out)
 * around the page the path names. Each role lands on its own work.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, currentUser, getOffice, signOut } from '../../api.js';
import { ErrorAlert } from '../../components/Errors.js';
import { focusHeading, Loading, PageHeading } from '../../components/Page.js';
import { useT } from '../../i18n/index.js';
import { matchPath, navigate, NavLink, useLocation } from '../../router.js';
import type { Office, StaffUser } from '../../types.js';
import { NotFound } from '../NotFound.js';
import { Account } from './Account.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { Children } from './Children.js';
import { consoleApi, type Vocabulary } from './consoleApi.js';
import { Counter } from './Counter.js';
import { DataSubjects } from './DataSubjects.js';
import { Deliveries } from './Deliveries.js';
import { DeliveryOverview } from './DeliveryOverview.js';
import { Outages } from './Outages.js';
import { Complaints } from './Complaints.js';
import { ReadingCorner } from './ReadingCorner.js';
import { IkmPage } from './IkmPage.js';
import { Inbox } from './Inbox.js';
import { JemputBolaSessionPage, JemputBolaSessions } from './JemputBola.js';
import { RequestPage } from './RequestPage.js';
import { Search } from './Search.js';
import { homeOf, may, roleLabel, SessionContext, useSession, type Session } from './session.js';
import { Settings } from './Settings.js';
import { SignInForm } from './SignInForm.js';
import { Today } from './Today.js';
import './console.css';

type State =
  | { status: 'checking' }
  | { status: 'failed'; error: unknown }
  | { status: 'signedOut' }
  | { status: 'signedIn'; user: StaffUser }
  | { status: 'ready'; user: StaffUser; office: Office | undefined; vocabulary: Vocabulary };

/** Where a member lands: the page they asked for, or their role's own work for the console's root. */
const landing = (role: string, pathname: string) => (pathname === '/petugas' ? homeOf(role) : pathname);

export default function StaffConsole() {
  const t = useT();
  const { pathname } = useLocation();
  const [state, setState] = useState<State>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);
  // A message shown on one page (the one the member lands on), e.g. "password changed".
  const [notice, setNotice] = useState<{ text: string; path: string }>();
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

  // Signed in with a password of their own: load the office and the words for codes once.
  const user = state.status === 'signedIn' && !state.user.mustChangePassword ? state.user : undefined;
  useEffect(() => {
    if (!user) return;
    const abort = new AbortController();
    Promise.all([user.officeCode ? getOffice(user.officeCode, abort.signal) : Promise.resolve(undefined), consoleApi.vocabulary(abort.signal)]).then(
      ([office, vocabulary]) => setState({ status: 'ready', user, office, vocabulary }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return setState({ status: 'signedOut' });
        setState({ status: 'failed', error });
      },
    );
    return () => abort.abort();
  }, [user]);

  // The console's root is the role's own work: an admin's is the settings, the regency's the search.
  const ready = state.status === 'ready' ? state : undefined;
  useEffect(() => {
    if (ready && pathname === '/petugas' && homeOf(ready.user.role) !== '/petugas') navigate(homeOf(ready.user.role), { replace: true });
  }, [ready, pathname]);

  useEffect(() => {
    if (!moveFocus.current || state.status === 'signedIn') return;
    moveFocus.current = false;
    focusHeading();
  }, [state]);

  const go = useCallback((next: State, message?: string, path?: string) => {
    moveFocus.current = true;
    setNotice(message ? { text: message, path: path ?? window.location.pathname } : undefined);
    setState(next);
  }, []);
  const expired = useCallback(() => go({ status: 'signedOut' }, t.staff.sessionExpired), [go, t]);

  const session = useMemo<Session | undefined>(
    () =>
      ready && {
        user: ready.user,
        office: ready.office,
        vocabulary: ready.vocabulary,
        expired,
        notify: (text) => setNotice(text ? { text, path: window.location.pathname } : undefined),
      },
    [ready, expired],
  );

  const noticeBox = (
    <div role="status" aria-live="polite">
      {notice && notice.path === pathname && <p className="alert alert-success">✓ {notice.text}</p>}
    </div>
  );

  switch (state.status) {
    case 'checking':
      return (
        <>
          <PageHeading title={t.staff.title} />
          <Loading />
        </>
      );
    case 'failed':
      return (
        <>
          <PageHeading title={t.staff.title} />
          <ErrorAlert error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
        </>
      );
    case 'signedOut':
      return (
        <>
          <PageHeading title={t.staff.signInTitle} />
          {noticeBox}
          <SignInForm onSignedIn={(signedIn) => go({ status: 'signedIn', user: signedIn })} />
        </>
      );
    case 'signedIn': {
      const current = state.user;
      if (!current.mustChangePassword)
        return (
          <>
            <PageHeading title={t.staff.title} />
            <Loading />
          </>
        );
      return (
        <>
          <PageHeading title={t.staff.mustChangeTitle} />
          {noticeBox}
          <p>{t.staff.mustChangeText}</p>
          <ChangePasswordForm
            user={current}
            onChanged={() => go({ status: 'signedIn', user: { ...current, mustChangePassword: false } }, t.staff.changed, landing(current.role, pathname))}
            onSessionEnded={expired}
          />
          <SignOutButton onSignedOut={() => go({ status: 'signedOut' }, t.staff.signedOut)} onSessionEnded={expired} />
        </>
      );
    }
    case 'ready':
      return (
        <SessionContext.Provider value={session!}>
          <ConsoleMenu onSignedOut={() => go({ status: 'signedOut' }, t.staff.signedOut)} />
          {noticeBox}
          <ConsolePage pathname={pathname} />
        </SessionContext.Provider>
      );
  }
}

function ConsolePage({ pathname }: { pathname: string }) {
  const { user } = useSession();
  const role = user.role;
  const forRole = (allowed: boolean, page: ReactNode) => (allowed ? page : <NotForRole role={role} />);
  if (pathname === '/petugas') return may.today(role) ? <Today /> : <Loading />;
  const request = matchPath('/petugas/permohonan/:id', pathname);
  if (request) return forRole(may.search(role), <RequestPage key={request.id} id={request.id!} />);
  const session = matchPath('/petugas/jemput-bola/:id', pathname);
  if (session) return forRole(may.jemputBola(role) && !!user.officeCode, <JemputBolaSessionPage key={session.id} id={session.id!} />);
  switch (pathname) {
    case '/petugas/loket':
      return forRole(may.counter(role) && !!user.officeCode, <Counter />);
    case '/petugas/cari':
      return forRole(may.search(role), <Search />);
    case '/petugas/whatsapp':
      return forRole(may.inbox(role) && !!user.officeCode, <Inbox />);
    case '/petugas/pengaturan':
      return forRole(may.settings(role), <Settings />);
    case '/petugas/data-pribadi':
      return forRole(may.personalData(role) && !!user.officeCode, <DataSubjects />);
    case '/petugas/pengaduan':
      return forRole(may.complaints(role) && !!user.officeCode, <Complaints />);
    case '/petugas/gangguan':
      return forRole(may.outages(role) && !!user.officeCode, <Outages />);
    case '/petugas/pojok-baca':
      return forRole(may.readingCorner(role) && !!user.officeCode, <ReadingCorner />);
    case '/petugas/anak':
      return forRole(may.children(role) && !!user.officeCode, <Children />);
    case '/petugas/jemput-bola':
      return forRole(may.jemputBola(role) && !!user.officeCode, <JemputBolaSessions />);
    case '/petugas/ikm':
      return forRole(may.ikm(role), <IkmPage />);
    case '/petugas/antar':
      return forRole(may.deliveries(role) && !!user.officeCode, <Deliveries />);
    case '/petugas/pengantaran':
      return forRole(may.deliveryOverview(role) && !!user.officeCode, <DeliveryOverview />);
    case '/petugas/akun':
      return <Account />;
    default:
      return <NotFound />;
  }
}

function NotForRole({ role }: { role: string }) {
  const t = useT();
  return (
    <>
      <PageHeading title={t.console.nav.notForRoleTitle} />
      <p>{t.console.nav.notForRole}</p>
      <p>
        <NavLink to={homeOf(role)}>{t.console.nav.backHome}</NavLink>
      </p>
    </>
  );
}

function ConsoleMenu({ onSignedOut }: { onSignedOut: () => void }) {
  const t = useT();
  const { user, office, expired } = useSession();
  const items: { to: string; label: string; show: boolean }[] = [
    { to: '/petugas', label: t.console.nav.today, show: may.today(user.role) },
    { to: '/petugas/loket', label: t.console.nav.counter, show: may.counter(user.role) && !!user.officeCode },
    { to: '/petugas/cari', label: t.console.nav.search, show: may.search(user.role) },
    { to: '/petugas/whatsapp', label: t.inbox.nav, show: may.inbox(user.role) && !!user.officeCode },
    { to: '/petugas/pengaturan', label: t.console.nav.settings, show: may.settings(user.role) },
    { to: '/petugas/data-pribadi', label: t.console.dataSubjects.nav, show: may.personalData(user.role) && !!user.officeCode },
    { to: '/petugas/pengaduan', label: t.complaints.nav, show: may.complaints(user.role) && !!user.officeCode },
    { to: '/petugas/gangguan', label: t.console.outages.nav, show: may.outages(user.role) && !!user.officeCode },
    { to: '/petugas/pojok-baca', label: t.readingCorner.nav, show: may.readingCorner(user.role) && !!user.officeCode },
    { to: '/petugas/anak', label: t.children.nav, show: may.children(user.role) && !!user.officeCode },
    { to: '/petugas/jemput-bola', label: t.jemputBola.nav, show: may.jemputBola(user.role) && !!user.officeCode },
    { to: '/petugas/ikm', label: t.survey.results.nav, show: may.ikm(user.role) },
    { to: '/petugas/antar', label: t.delivery.nav, show: may.deliveries(user.role) && !!user.officeCode },
    { to: '/petugas/pengantaran', label: t.delivery.officer.nav, show: may.deliveryOverview(user.role) && !!user.officeCode },
    { to: '/petugas/akun', label: t.console.nav.account, show: true },
  ];
  return (
    <div className="console-bar">
      <nav aria-label={t.console.nav.label}>
        <ul>
          {items
            .filter((i) => i.show)
            .map((i) => (
              <li key={i.to}>
                <NavLink to={i.to}>{i.label}</NavLink>
              </li>
            ))}
        </ul>
      </nav>
      <p className="console-user">
        {t.console.nav.signedInAs(user.name, roleLabel(user.role, t))}
        {office ? ` · ${office.name}` : ''}
      </p>
      <SignOutButton onSignedOut={onSignedOut} onSessionEnded={expired} compact />
    </div>
  );
}

export function SignOutButton({ onSignedOut, onSessionEnded, compact = false }: { onSignedOut: () => void; onSessionEnded: () => void; compact?: boolean }) {
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
      if (err instanceof ApiError && err.status === 401) return onSessionEnded();
      setError(err);
      setTries((n) => n + 1);
      setBusy(false);
    }
  };

  return (
    <div className={compact ? 'sign-out-compact' : 'sign-out'}>
      {error !== undefined && <ErrorAlert key={tries} error={error} />}
      <button type="button" className="button button-secondary" onClick={click} aria-disabled={busy}>
        {busy ? t.staff.signingOut : t.staff.signOut}
      </button>
    </div>
  );
}
