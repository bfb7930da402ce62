/**
 * /petugas/cari: find a request by ticket, NIK, name or phone number across the office (the regency
 * role: across every office of the regency). The search text stays out of the address bar, so a
 * shared office PC's history holds no NIK.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { focusField, PageHeading } from '../../components/Page.js';
import { useT } from '../../i18n/index.js';
import { consoleApi, type ConsoleRequest, type Localized } from './consoleApi.js';
import { RequestCards } from './RequestList.js';
import { useFailure, useSession } from './session.js';

const FIELD = 'cari-kata';

export function Search() {
  const tt = useT();
  const t = tt.console.search;
  const { user, office } = useSession();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [results, setResults] = useState<{ q: string; requests: ConsoleRequest[] }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const fail = useFailure(setError);
  const [serviceNames, setServiceNames] = useState(new Map<string, Localized>());
  const scope = user.officeCode ?? 'regency';

  useEffect(() => {
    if (!office) return;
    const abort = new AbortController();
    consoleApi.services(office.code, abort.signal).then((list) => setServiceNames(new Map(list.map((s) => [s.code, s.name]))), () => undefined);
    return () => abort.abort();
  }, [office]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    if (q.length < 3) {
      setProblem(t.tooShort);
      return focusField(FIELD);
    }
    setProblem(undefined);
    setError(undefined);
    setBusy(true);
    try {
      setResults({ q, requests: await consoleApi.search(scope, q) });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={t.title} />
      <form className="form search-form" onSubmit={submit} noValidate role="search" aria-busy={busy}>
        <Field id={FIELD} label={t.label} hint={t.hintFor[user.role] ?? t.hint} autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} error={problem} />
        <button type="submit" className="button" aria-disabled={busy}>
          {t.submit}
        </button>
      </form>
      {error !== undefined && <ErrorAlert error={error} />}
      <div role="status" aria-live="polite">
        {busy && <p className="loading">{tt.app.loading}</p>}
        {results && !busy && <p>{results.requests.length === 0 ? t.none(results.q) : t.found(results.requests.length, results.q)}</p>}
      </div>
      {results && results.requests.length > 0 && <RequestCards requests={results.requests} serviceNames={serviceNames} headingLevel={2} />}
    </>
  );
}
