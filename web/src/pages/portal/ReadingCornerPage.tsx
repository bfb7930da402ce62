/**
 * /pojok-baca: the books of the office's reading corner (issue 13) for anyone — title, author,
 * category and whether a copy is on the shelf now. Loaded on demand, a list rather than a table so
 * it reads on a 360 px phone; the search filters what is already loaded.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, listOffices } from '../../api.js';
import { ErrorAlert } from '../../components/Errors.js';
import { Loading, PageHeading } from '../../components/Page.js';
import { useT } from '../../i18n/index.js';
import { useLocation } from '../../router.js';
import './reading-corner.css';

type PublicBook = { id: string; title: string; author: string; category: string; available: number };

type State = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; books: PublicBook[] };

export function ReadingCornerPage() {
  const t = useT();
  const p = t.readingCorner.portal;
  const requested = useLocation().query.get('kantor') ?? undefined;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [query, setQuery] = useState('');

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    (async () => {
      const code = requested ?? (await listOffices(abort.signal))[0]?.code;
      if (!code) return setState({ status: 'ready', books: [] });
      const { books } = await api.get<{ books: PublicBook[] }>(`/api/v1/public/offices/${encodeURIComponent(code)}/books`, { signal: abort.signal });
      setState({ status: 'ready', books });
    })().catch((error: unknown) => {
      if (!abort.signal.aborted) setState({ status: 'failed', error });
    });
    return () => abort.abort();
  }, [requested, attempt]);

  const books = state.status === 'ready' ? state.books : [];
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? books.filter((b) => b.title.toLowerCase().includes(q) || b.author.toLowerCase().includes(q)) : books;
  }, [books, query]);

  return (
    <>
      <PageHeading title={p.title} />
      <p className="lead">{p.intro}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <ErrorAlert error={state.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {state.status === 'ready' && books.length === 0 && <p>{p.empty}</p>}
      {state.status === 'ready' && books.length > 0 && (
        <section aria-labelledby="daftar-buku">
          <h2 id="daftar-buku">{p.listLabel}</h2>
          <div className="field">
            <label htmlFor="cari-buku">{p.search}</label>
            <input id="cari-buku" className="input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
          <p role="status" aria-live="polite">
            {shown.length === 0 ? p.none : p.count(shown.length, books.length)}
          </p>
          <ul className="book-list">
            {shown.map((b) => (
              <li key={b.id} className="card">
                <h3>{b.title}</h3>
                <dl>
                  <dt>{p.author}</dt>
                  <dd>{b.author}</dd>
                  <dt>{p.category}</dt>
                  <dd>{t.readingCorner.categories[b.category] ?? b.category}</dd>
                  <dt>{p.available}</dt>
                  <dd>{p.availableN(b.available)}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
