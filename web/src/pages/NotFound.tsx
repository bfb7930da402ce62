import { PageHeading } from '../components/Page.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';

export function NotFound() {
  const t = useT();
  return (
    <>
      <PageHeading title={t.notFound.title} />
      <p>{t.notFound.text}</p>
      <p>
        <Link to="/">{t.app.backHome}</Link>
      </p>
    </>
  );
}
