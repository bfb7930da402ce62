/** The public home page: who the office is, when it is open, how to reach it, its desa. */
import { useEffect, useState } from 'react';
import { getOffice, listOffices } from '../api.js';
import { ErrorAlert } from '../components/Errors.js';
import { Loading, PageHeading } from '../components/Page.js';
import {
  formatIntervals,
  instagramLink,
  ISO_WEEKDAYS,
  isoWeekdayIn,
  regionName,
  telLink,
  timezoneLabel,
  whatsappLink,
} from '../format.js';
import { useLanguage, useT } from '../i18n/index.js';
import { Link, useLocation } from '../router.js';
import type { Office, OfficeSummary } from '../types.js';

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'none' }
  | { status: 'ready'; office: Office; offices: OfficeSummary[] };

export function PortalHome() {
  const t = useT();
  const requested = useLocation().query.get('kantor') ?? undefined;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    (async () => {
      const offices = await listOffices(abort.signal);
      const code = requested ?? offices[0]?.code;
      if (!code) return setState({ status: 'none' });
      const office = await getOffice(code, abort.signal);
      setState({ status: 'ready', office, offices });
    })().catch((error: unknown) => {
      if (!abort.signal.aborted) setState({ status: 'failed', error });
    });
    return () => abort.abort();
  }, [requested, attempt]);

  // One h1 at a fixed place in the tree, so focus put on it by navigation survives the data arriving.
  const title = state.status === 'ready' ? state.office.name : t.portal.titleFallback;
  return (
    <>
      <PageHeading title={title} />
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && (
        <>
          <ErrorAlert error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
          {requested && (
            <p>
              <Link to="/">{t.app.backHome}</Link>
            </p>
          )}
        </>
      )}
      {state.status === 'none' && <p>{t.portal.noOffice}</p>}
      {state.status === 'ready' && (
        <OfficeProfile office={state.office} others={state.offices.filter((o) => o.code !== state.office.code)} />
      )}
    </>
  );
}

/** Everything under the office's name (the h1, rendered by the page). */
export function OfficeProfile({ office, others }: { office: Office; others: OfficeSummary[] }) {
  const t = useT();
  const wa = office.contact.whatsapp ? whatsappLink(office.contact.whatsapp) : undefined;
  return (
    <>
      <p className="lead">
        {regionName(office.regencyName)}, {regionName(office.provinceName)}
      </p>

      <section className="callout callout-free" aria-labelledby="gratis">
        <h2 id="gratis">{t.portal.freeHeading}</h2>
        <p>{t.portal.freeText}</p>
      </section>

      <section className="card" aria-labelledby="wis-ora-kencot">
        <h2 id="wis-ora-kencot">{t.portal.waHeading}</h2>
        <p className="subtitle">{t.portal.waExpansion}</p>
        <p>{t.portal.waText}</p>
        {wa && office.contact.whatsapp && (
          <p>
            <a className="button" href={wa} rel="noopener">
              {t.portal.waButton(office.contact.whatsapp)}
            </a>
          </p>
        )}
      </section>

      <nav aria-label={t.portal.actionsLabel}>
        <ul className="actions">
          <li>
            <Link className="action" to="/ajukan">
              <span className="action-title">{t.nav.apply}</span>
              <span className="action-hint">{t.portal.applyHint}</span>
            </Link>
          </li>
          <li>
            <Link className="action" to="/lacak">
              <span className="action-title">{t.nav.track}</span>
              <span className="action-hint">{t.portal.trackHint}</span>
            </Link>
          </li>
          <li>
            <Link className="action" to={`/pojok-baca?kantor=${encodeURIComponent(office.code)}`}>
              <span className="action-title">{t.readingCorner.portal.homeLink}</span>
              <span className="action-hint">{t.readingCorner.portal.homeHint}</span>
            </Link>
          </li>
          <li>
            <Link className="action" to={`/pengaduan?kantor=${encodeURIComponent(office.code)}`}>
              <span className="action-title">{t.complaints.portal.homeLink}</span>
              <span className="action-hint">{t.complaints.portal.homeHint}</span>
            </Link>
          </li>
        </ul>
      </nav>

      <Contacts office={office} whatsapp={wa} />
      <OpeningHours office={office} />

      <section aria-labelledby="desa">
        <h2 id="desa">{t.portal.desaHeading(office.desa.length)}</h2>
        <ul className="columns">
          {office.desa.map((d) => (
            <li key={d.code}>{d.name}</li>
          ))}
        </ul>
      </section>

      {others.length > 0 && (
        <nav aria-labelledby="kecamatan-lain">
          <h2 id="kecamatan-lain">{t.portal.otherOffices}</h2>
          <ul className="columns">
            {others.map((o) => (
              <li key={o.code}>
                <Link to={`/?kantor=${encodeURIComponent(o.code)}`}>{o.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}

export function Contacts({ office, whatsapp }: { office: Office; whatsapp: string | undefined }) {
  const t = useT();
  const { phone, email, instagram } = office.contact;
  return (
    <section aria-labelledby="kontak">
      <h2 id="kontak">{t.portal.contactHeading}</h2>
      <address>
        <dl className="details">
          <dt>{t.portal.address}</dt>
          <dd>{office.contact.address}</dd>
          {phone && (
            <>
              <dt>{t.portal.phone}</dt>
              <dd>
                <a href={telLink(phone)}>{phone}</a>
              </dd>
            </>
          )}
          {office.contact.whatsapp && (
            <>
              <dt>{t.portal.whatsapp}</dt>
              <dd>{whatsapp ? <a href={whatsapp}>{office.contact.whatsapp}</a> : office.contact.whatsapp}</dd>
            </>
          )}
          {email && (
            <>
              <dt>{t.portal.email}</dt>
              <dd>
                <a href={`mailto:${email}`}>{email}</a>
              </dd>
            </>
          )}
          {instagram && (
            <>
              <dt>{t.portal.instagram}</dt>
              <dd>
                <a href={instagramLink(instagram)}>{instagram}</a>
              </dd>
            </>
          )}
        </dl>
      </address>
    </section>
  );
}

export function OpeningHours({ office }: { office: Office }) {
  const t = useT();
  const { lang } = useLanguage();
  const zone = timezoneLabel(office.timezone);
  const today = isoWeekdayIn(office.timezone);
  return (
    <section aria-labelledby="jam">
      <h2 id="jam">{t.portal.hoursHeading}</h2>
      <table className="hours">
        <thead>
          <tr>
            <th scope="col">{t.portal.day}</th>
            <th scope="col">{t.portal.hours}</th>
          </tr>
        </thead>
        <tbody>
          {ISO_WEEKDAYS.map((day) => {
            const hours = formatIntervals(office.workingHours[day], lang, zone);
            return (
              <tr key={day} className={day === today ? 'today' : undefined}>
                <th scope="row">
                  {t.weekdays[day]}
                  {day === today && <span className="today-tag"> ({t.portal.today})</span>}
                </th>
                <td>{hours ?? <span className="closed">{t.portal.closed}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">{t.portal.holidayNote}</p>
    </section>
  );
}
