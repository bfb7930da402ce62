/** /petugas/akun: who is signed in, for which office, and the password change. */
import { PageHeading } from '../../components/Page.js';
import { useT } from '../../i18n/index.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { roleLabel, useSession } from './session.js';

export function Account() {
  const t = useT();
  const { user, office, expired, notify } = useSession();
  const officeText = office ? `${office.name} (${office.code})` : user.officeCode ?? t.staff.regency(user.regencyCode);
  return (
    <>
      <PageHeading title={t.console.nav.account} />
      <section aria-labelledby="akun">
        <h2 id="akun">{t.staff.accountHeading}</h2>
        <dl className="details">
          <dt>{t.console.account.name}</dt>
          <dd>{user.name}</dd>
          <dt>{t.staff.username}</dt>
          <dd>{user.username}</dd>
          <dt>{t.staff.role}</dt>
          <dd>{roleLabel(user.role, t)}</dd>
          <dt>{t.staff.office}</dt>
          <dd>{officeText}</dd>
        </dl>
      </section>
      <section aria-labelledby="ganti-sandi">
        <h2 id="ganti-sandi">{t.staff.changeHeading}</h2>
        <ChangePasswordForm user={user} onChanged={() => notify(t.staff.changed)} onSessionEnded={expired} />
      </section>
    </>
  );
}
