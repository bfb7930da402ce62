/** Staff accounts of the office: who they are, held back or not, a new account, a password reset, deactivation. */
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { Loading } from '../../components/Page.js';
import { useT } from '../../i18n/index.js';
import { consoleApi, type StaffMember } from './consoleApi.js';
import { SettingsSection, useSaving } from './Settings.js';
import { roleLabel, useFailure, useSession } from './session.js';

/** The regency role is made by the installation's CLI, not by one office's admin. */
const ROLES = ['operator', 'kasi', 'kurir', 'sekcam', 'camat', 'admin'] as const;

export function SettingsStaff() {
  const tt = useT();
  const t = tt.console.settings.staff;
  const { office, user: me } = useSession();
  const code = office!.code;
  const [staff, setStaff] = useState<StaffMember[]>();
  const [loadError, setLoadError] = useState<unknown>();
  const fail = useFailure(setLoadError);
  const saving = useSaving();
  const [secret, setSecret] = useState<{ username: string; password: string }>();
  const [form, setForm] = useState({ name: '', username: '', role: 'operator' });

  useEffect(() => {
    const abort = new AbortController();
    consoleApi.staff(code, abort.signal).then(setStaff, fail);
    return () => abort.abort();
  }, [code, fail]);

  const add = (event: FormEvent) => {
    event.preventDefault();
    void saving.run(async () => {
      const { user, initialPassword } = await consoleApi.addStaff(code, { ...form, name: form.name.trim(), username: form.username.trim() });
      setSecret({ username: user.username, password: initialPassword });
      setStaff(await consoleApi.staff(code));
      setForm({ name: '', username: '', role: 'operator' });
      return t.added(user.name);
    });
  };
  const reset = (member: StaffMember) =>
    void saving.run(async () => {
      const { initialPassword } = await consoleApi.resetPassword(member.username);
      setSecret({ username: member.username, password: initialPassword });
      setStaff(await consoleApi.staff(code));
      return t.resetDone(member.name);
    });

  const setActive = (member: StaffMember, active: boolean) => {
    // Deactivating signs the member out at once: worth a second look; reactivating is harmless.
    if (!active && !window.confirm(t.deactivateConfirm(member.name))) return;
    void saving.run(async () => {
      await consoleApi.setStaffActive(member.username, active);
      setStaff(await consoleApi.staff(code));
      return active ? t.reactivated(member.name) : t.deactivated(member.name);
    });
  };

  const status = (m: StaffMember) => [!m.active && t.inactive, m.locked && t.locked, m.mustChangePassword && t.mustChange].filter(Boolean).join(', ') || t.active;
  return (
    <SettingsSection id="petugas" title={t.heading}>
      {loadError !== undefined && <ErrorAlert error={loadError} />}
      {!staff && loadError === undefined && <Loading />}
      {saving.error}
      {saving.outcome}
      {secret && (
        <div className="callout" role="alert">
          <p>{t.secret(secret.username)}</p>
          <p className="pin">{secret.password}</p>
          <p className="hint">{t.secretNote}</p>
        </div>
      )}
      {staff && (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t.heading}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{tt.staff.username}</th>
                <th scope="col">{tt.staff.role}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td>{m.username}</td>
                  <td>{roleLabel(m.role, tt)}</td>
                  <td>{status(m)}</td>
                  <td>
                    <div className="cell-actions">
                      <button type="button" className="button-link" onClick={() => reset(m)}>
                        {t.reset(m.name)}
                      </button>
                      {m.id !== me.id && (
                        <button type="button" className="button-link" onClick={() => setActive(m, !m.active)}>
                          {m.active ? t.deactivate(m.name) : t.reactivate(m.name)}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="form" onSubmit={add} noValidate aria-labelledby="petugas-baru">
        <h3 id="petugas-baru">{t.add}</h3>
        <Field id="petugas-nama" label={t.name} value={form.name} maxLength={120} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <Field
          id="petugas-username"
          label={tt.staff.username}
          hint={t.usernameHint}
          autoCapitalize="none"
          spellCheck={false}
          value={form.username}
          maxLength={40}
          onChange={(e) => setForm({ ...form, username: e.target.value })}
        />
        <div className="field">
          <label htmlFor="petugas-peran">{tt.staff.role}</label>
          <select id="petugas-peran" className="input" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r, tt)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" aria-disabled={saving.busy}>
          {t.addButton}
        </button>
      </form>
    </SettingsSection>
  );
}
