/** Placeholder for the citizen features that come next (online application, tracking). */
import { PageHeading } from '../components/Page.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';

export function ComingSoon({ feature }: { feature: 'apply' | 'track' }) {
  const t = useT();
  return (
    <>
      <PageHeading title={feature === 'apply' ? t.nav.apply : t.nav.track} />
      <div className="callout">
        <p>{t.comingSoon.text}</p>
        <p>{feature === 'apply' ? t.comingSoon.applyMeanwhile : t.comingSoon.trackMeanwhile}</p>
      </div>
      <p>
        <Link to="/">{t.comingSoon.contacts}</Link>
      </p>
    </>
  );
}
