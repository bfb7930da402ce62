/** The frame every page shares (skip link, header, menu, language switch, footer) and the route table. */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { focusHeading, Loading } from './components/Page.js';
import { LanguageSwitch, useT } from './i18n/index.js';
import { NotFound } from './pages/NotFound.js';
import { PortalHome } from './pages/PortalHome.js';
import { Link, matchRoute, NavLink, useLocation, type Route } from './router.js';

// The simulator is for developers and demos: its code loads only when someone opens it.
const Simulator = lazy(() => import('./pages/simulator/Simulator.js').then((m) => ({ default: m.Simulator })));
// The staff console is its own chunk: a citizen's phone never downloads it.
const StaffConsole = lazy(() => import('./pages/staff/StaffConsole.js'));
const staffConsole = () => (
  <Suspense fallback={<Loading />}>
    <StaffConsole />
  </Suspense>
);
// Applying and tracking load on demand too, so the first page stays light on 3G.
const ApplyPage = lazy(() => import('./pages/portal/ApplyPage.js').then((m) => ({ default: m.ApplyPage })));
const TrackPage = lazy(() => import('./pages/portal/TrackPage.js').then((m) => ({ default: m.TrackPage })));
const SurveyQrPage = lazy(() => import('./pages/portal/SurveyQrPage.js').then((m) => ({ default: m.SurveyQrPage })));
const ComplaintPage = lazy(() => import('./pages/portal/ComplaintPage.js').then((m) => ({ default: m.ComplaintPage })));
const ReadingCornerPage = lazy(() => import('./pages/portal/ReadingCornerPage.js').then((m) => ({ default: m.ReadingCornerPage })));

const routes: Route[] = [
  { path: '/', render: () => <PortalHome /> },
  {
    path: '/ajukan',
    render: () => (
      <Suspense fallback={<Loading />}>
        <ApplyPage />
      </Suspense>
    ),
  },
  {
    path: '/lacak',
    render: () => (
      <Suspense fallback={<Loading />}>
        <TrackPage />
      </Suspense>
    ),
  },
  {
    path: '/pojok-baca',
    render: () => (
      <Suspense fallback={<Loading />}>
        <ReadingCornerPage />
      </Suspense>
    ),
  },
  {
    path: '/pengaduan',
    render: () => (
      <Suspense fallback={<Loading />}>
        <ComplaintPage />
      </Suspense>
    ),
  },
  {
    path: '/survei/:officeCode',
    render: (params) => (
      <Suspense fallback={<Loading />}>
        <SurveyQrPage officeCode={params.officeCode ?? ''} />
      </Suspense>
    ),
  },
  {
    path: '/simulator',
    render: () => (
      <Suspense fallback={null}>
        <Simulator />
      </Suspense>
    ),
  },
  { path: '/petugas', render: staffConsole },
  { path: '/petugas/*', render: staffConsole },
];

export function App() {
  const t = useT();
  const { pathname } = useLocation();
  const match = matchRoute(routes, pathname);
  // The staff console uses the width of an office PC's screen; the portal keeps a reading width.
  const staff = pathname.startsWith('/petugas');
  const wrap = staff ? 'wrap wrap-wide' : 'wrap';

  // After an in-app navigation, focus goes to the new page's h1 so screen readers announce it.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    focusHeading();
  }, [pathname]);

  return (
    <>
      <a
        className="skip-link"
        href="#konten"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('konten')?.focus();
        }}
      >
        {t.app.skipLink}
      </a>
      <header className="site-header">
        <div className={`${wrap} header-row`}>
          <Link to="/" className="brand">
            <span className="brand-name">{t.app.name}</span>
            <span className="brand-tagline">{t.app.tagline}</span>
          </Link>
          <LanguageSwitch />
        </div>
        {/* The citizen's links (apply, track) are not an officer's: the console has its own navigation, and
            three tab stops fewer before the work. */}
        {!staff && <nav className={`${wrap} site-nav`} aria-label={t.app.navLabel}>
          <ul>
            <li>
              <NavLink to="/">{t.nav.home}</NavLink>
            </li>
            <li>
              <NavLink to="/ajukan">{t.nav.apply}</NavLink>
            </li>
            <li>
              <NavLink to="/lacak">{t.nav.track}</NavLink>
            </li>
          </ul>
        </nav>}
      </header>
      <main id="konten" tabIndex={-1} className={wrap}>
        {match ? match.route.render(match.params) : <NotFound />}
      </main>
      <footer className="site-footer">
        <div className={wrap}>
          <p>{t.app.footerFree}</p>
          <p>
            <NavLink to="/petugas">{t.app.footerStaff}</NavLink>
          </p>
        </div>
      </footer>
    </>
  );
}
