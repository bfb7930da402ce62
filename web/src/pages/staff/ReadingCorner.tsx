/**
 * /petugas/pojok-baca (issue 13): the reading corner in the outdoor waiting room. The officer taps
 * a visitor in, adds donated books (a wrong ISBN is shown beside its field), lends a copy against a
 * name and a WhatsApp number, and takes it back; the page shows what is out, what is overdue, the
 * popular books and this month's figures.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api.js';
import { ErrorAlert, ErrorSummary, errorMessage, type FormProblem } from '../../components/Errors.js';
import { Field } from '../../components/Field.js';
import { focusField, Loading, PageHeading } from '../../components/Page.js';
import { officeToday } from '../../format.js';
import { useLanguage, useT } from '../../i18n/index.js';
import { calendarDate } from './format.js';
import { readingCornerApi as rc, type Book, type Loan, type MonthFigures } from './readingCornerApi.js';
import { useFailure, useSession } from './session.js';

const CATEGORIES = ['anak', 'cerita', 'agama', 'pengetahuan', 'keterampilan', 'kesehatan', 'sejarah_budaya', 'majalah', 'lainnya'] as const;

const BOOK_FIELDS: Record<string, string> = {
  'body.title': 'buku-judul',
  'body.author': 'buku-penulis',
  'body.isbn': 'buku-isbn',
  'body.category': 'buku-kategori',
  'body.copies': 'buku-eksemplar',
  'body.donor': 'buku-penyumbang',
};
const LOAN_FIELDS: Record<string, string> = {
  'body.bookId': 'pinjam-buku',
  'body.borrowerName': 'pinjam-nama',
  'body.borrowerPhone': 'pinjam-wa',
  'body.days': 'pinjam-hari',
};

/** The server's refusals of single inputs, each tied to its field; the rest is a general message. */
function problemsOf(error: unknown, fields: Record<string, string>): FormProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.fieldErrors.flatMap((e) => (fields[e.field] ? [{ fieldId: fields[e.field]!, label: e.field, message: e.message }] : []));
}

export function ReadingCorner() {
  const tt = useT();
  const t = tt.readingCorner.console;
  const { lang } = useLanguage();
  const { office } = useSession();
  const code = office!.code;
  const timeZone = office?.timezone ?? 'Asia/Jakarta';
  const [books, setBooks] = useState<Book[]>();
  const [loans, setLoans] = useState<Loan[]>();
  const [visitors, setVisitors] = useState<number>();
  const [popular, setPopular] = useState<{ id: string; title: string; loans: number }[]>();
  const [month, setMonth] = useState<MonthFigures>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const fail = useFailure(setError);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const today = officeToday(timeZone);
        const [b, l, v, p, m] = await Promise.all([
          rc.books(code, signal),
          rc.loans(code, signal),
          rc.visitors(code, today, signal),
          rc.popular(code, signal),
          rc.month(code, today.slice(0, 7), signal),
        ]);
        setBooks(b);
        setLoans(l.loans);
        setVisitors(v);
        setPopular(p);
        setMonth(m);
      } catch (err) {
        fail(err);
      }
    },
    [code, timeZone, fail],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const done = async (message: string) => {
    setError(undefined);
    setNotice(message);
    await load();
  };

  const count = async (add: number) => {
    setNotice(undefined);
    try {
      setVisitors(await rc.countVisitor(code, add));
      await load();
    } catch (err) {
      fail(err);
    }
  };

  const giveBack = async (loan: Loan) => {
    setNotice(undefined);
    try {
      await rc.giveBack(code, loan.id);
      await done(t.returned(loan.title));
    } catch (err) {
      fail(err);
    }
  };

  return (
    <>
      <PageHeading title={t.title} />
      <p>{t.intro}</p>
      <p role="status" aria-live="polite" className={notice ? 'alert alert-success' : 'visually-hidden'}>
        {notice && `✓ ${notice}`}
      </p>
      {error !== undefined && <ErrorAlert error={error} />}

      <section aria-labelledby="pengunjung" className="panel">
        <h2 id="pengunjung">{t.visitorsHeading}</h2>
        <p>{visitors === undefined ? tt.app.loading : t.visitorsToday(visitors)}</p>
        <p>
          <button type="button" className="button" onClick={() => void count(1)}>
            {t.addVisitor}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => void count(-1)} disabled={!visitors}>
            {t.removeVisitor}
          </button>
        </p>
      </section>

      <LendForm books={books ?? []} onLent={(loan) => void done(t.lent(loan.title, calendarDate(loan.dueOn, lang)))} onExpired={fail} />

      <section aria-labelledby="dipinjam">
        <h2 id="dipinjam">{t.loansHeading}</h2>
        {!loans ? (
          <Loading />
        ) : loans.length === 0 ? (
          <p>{t.noLoans}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.book}</th>
                  <th scope="col">{t.borrower}</th>
                  <th scope="col">{t.due}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t.giveBack}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {loans.map((l) => (
                  <tr key={l.id}>
                    <td>{l.title}</td>
                    <td>
                      {l.borrowerName}
                      <br />
                      {l.borrowerPhone}
                    </td>
                    <td>
                      {calendarDate(l.dueOn, lang)}
                      <br />
                      {l.overdue ? (
                        <strong className="badge badge-escalated">
                          {t.overdue}
                          {l.remindedAt ? ` · ${t.reminded}` : ''}
                        </strong>
                      ) : (
                        t.onTime
                      )}
                    </td>
                    <td>
                      <button type="button" className="button button-secondary" onClick={() => void giveBack(l)} aria-label={`${t.giveBack}: ${l.title}, ${l.borrowerName}`}>
                        {t.giveBack}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <AddBookForm onAdded={(book) => void done(t.added(book.title))} onExpired={fail} />

      <section aria-labelledby="katalog">
        <h2 id="katalog">{t.booksHeading}</h2>
        {!books ? (
          <Loading />
        ) : books.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.bookTitle}</th>
                  <th scope="col">{t.author}</th>
                  <th scope="col">{t.category}</th>
                  <th scope="col">{t.isbn}</th>
                  <th scope="col">{t.copies}</th>
                </tr>
              </thead>
              <tbody>
                {books.map((b) => (
                  <tr key={b.id}>
                    <td>{b.title}</td>
                    <td>{b.author}</td>
                    <td>{tt.readingCorner.categories[b.category] ?? b.category}</td>
                    <td>{b.isbn ?? '–'}</td>
                    <td>{t.available(b.available, b.copies)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="populer">
        <h2 id="populer">{t.popularHeading}</h2>
        {!popular ? (
          <Loading />
        ) : popular.length === 0 ? (
          <p>{t.noPopular}</p>
        ) : (
          <ol>
            {popular.map((p) => (
              <li key={p.id}>
                {p.title} — {t.loansCount(p.loans)}
              </li>
            ))}
          </ol>
        )}
        <h2>{t.monthHeading}</h2>
        <p>{month ? t.month(month) : tt.app.loading}</p>
      </section>
    </>
  );
}

function AddBookForm({ onAdded, onExpired }: { onAdded: (book: Book) => void; onExpired: (error: unknown) => void }) {
  const tt = useT();
  const t = tt.readingCorner.console;
  const { office } = useSession();
  const [title, setTitle] = useState('');
  const [author, setAuthor] = useState('');
  const [isbn, setIsbn] = useState('');
  const [category, setCategory] = useState<string>('anak');
  const [copies, setCopies] = useState('1');
  const [donor, setDonor] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [general, setGeneral] = useState<string>();
  const [busy, setBusy] = useState(false);
  const errorOf = (id: string) => problems.find((p) => p.fieldId === id)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setGeneral(undefined);
    if (!title.trim() || !author.trim()) {
      const missing = [!title.trim() && { fieldId: 'buku-judul', label: t.bookTitle, message: t.missing }, !author.trim() && { fieldId: 'buku-penulis', label: t.author, message: t.missing }].filter(Boolean) as FormProblem[];
      setProblems(missing);
      return focusField(missing[0]!.fieldId);
    }
    setBusy(true);
    try {
      const book = await rc.addBook(office!.code, { title: title.trim(), author: author.trim(), isbn: isbn.trim() || undefined, category, copies: Number(copies) || 1, donor: donor.trim() || undefined });
      setProblems([]);
      setTitle('');
      setAuthor('');
      setIsbn('');
      setCopies('1');
      setDonor('');
      onAdded(book);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return onExpired(error);
      const found = problemsOf(error, BOOK_FIELDS);
      setProblems(found);
      if (found.length === 0) setGeneral(errorMessage(error, tt));
      if (found[0]) focusField(found[0].fieldId);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="tambah-buku" className="panel">
      <h2 id="tambah-buku">{t.addHeading}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary general={general} problems={[]} />
        <Field id="buku-judul" label={t.bookTitle} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} error={errorOf('buku-judul')} aria-required />
        <Field id="buku-penulis" label={t.author} value={author} maxLength={160} onChange={(e) => setAuthor(e.target.value)} error={errorOf('buku-penulis')} aria-required />
        <Field id="buku-isbn" label={t.isbn} hint={t.isbnHint} value={isbn} maxLength={40} inputMode="text" autoComplete="off" onChange={(e) => setIsbn(e.target.value)} error={errorOf('buku-isbn')} />
        <div className="field">
          <label htmlFor="buku-kategori">{t.category}</label>
          <select id="buku-kategori" className="input" value={category} onChange={(e) => setCategory(e.target.value)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tt.readingCorner.categories[c]}
              </option>
            ))}
          </select>
        </div>
        <Field id="buku-eksemplar" label={t.copies} type="number" min={1} max={1000} value={copies} onChange={(e) => setCopies(e.target.value)} error={errorOf('buku-eksemplar')} aria-required />
        <Field id="buku-penyumbang" label={t.donor} hint={t.donorHint} value={donor} maxLength={160} onChange={(e) => setDonor(e.target.value)} error={errorOf('buku-penyumbang')} />
        <button type="submit" className="button" aria-disabled={busy}>
          {t.add}
        </button>
      </form>
    </section>
  );
}

function LendForm({ books, onLent, onExpired }: { books: Book[]; onLent: (loan: Loan) => void; onExpired: (error: unknown) => void }) {
  const tt = useT();
  const t = tt.readingCorner.console;
  const { office } = useSession();
  const [bookId, setBookId] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [days, setDays] = useState('7');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [general, setGeneral] = useState<string>();
  const [busy, setBusy] = useState(false);
  const errorOf = (id: string) => problems.find((p) => p.fieldId === id)?.message;
  const onShelf = books.filter((b) => b.available > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setGeneral(undefined);
    if (!bookId || name.trim().length < 2 || !phone.trim()) {
      const missing = [
        !bookId && { fieldId: 'pinjam-buku', label: t.book, message: t.lendMissing },
        name.trim().length < 2 && { fieldId: 'pinjam-nama', label: t.borrowerName, message: t.lendMissing },
        !phone.trim() && { fieldId: 'pinjam-wa', label: t.borrowerPhone, message: t.lendMissing },
      ].filter(Boolean) as FormProblem[];
      setProblems(missing);
      return focusField(missing[0]!.fieldId);
    }
    setBusy(true);
    try {
      const loan = await rc.lend(office!.code, { bookId, borrowerName: name.trim(), borrowerPhone: phone.trim(), days: Number(days) || 7 });
      setProblems([]);
      setBookId('');
      setName('');
      setPhone('');
      setDays('7');
      onLent(loan);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return onExpired(error);
      const found = problemsOf(error, LOAN_FIELDS);
      setProblems(found);
      if (found.length === 0) setGeneral(errorMessage(error, tt));
      if (found[0]) focusField(found[0].fieldId);
    } finally {
      setBusy(false);
    }
  };

  const bookError = errorOf('pinjam-buku');
  return (
    <section aria-labelledby="pinjamkan" className="panel">
      <h2 id="pinjamkan">{t.lendHeading}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary general={general} problems={[]} />
        <div className={bookError ? 'field field-invalid' : 'field'}>
          <label htmlFor="pinjam-buku">{t.book}</label>
          {bookError && (
            <p id="pinjam-buku-error" className="field-error">
              <span aria-hidden="true">⚠ </span>
              {bookError}
            </p>
          )}
          <select id="pinjam-buku" className="input" value={bookId} onChange={(e) => setBookId(e.target.value)} aria-invalid={bookError ? true : undefined} aria-describedby={bookError ? 'pinjam-buku-error' : undefined}>
            <option value="">{t.chooseBook}</option>
            {onShelf.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title} — {b.author} ({t.available(b.available, b.copies)})
              </option>
            ))}
          </select>
        </div>
        <Field id="pinjam-nama" label={t.borrowerName} value={name} maxLength={120} autoComplete="off" onChange={(e) => setName(e.target.value)} error={errorOf('pinjam-nama')} aria-required />
        <Field id="pinjam-wa" label={t.borrowerPhone} hint={t.borrowerPhoneHint} type="tel" value={phone} maxLength={30} autoComplete="off" onChange={(e) => setPhone(e.target.value)} error={errorOf('pinjam-wa')} aria-required />
        <Field id="pinjam-hari" label={t.days} hint={t.daysHint} type="number" min={1} max={30} value={days} onChange={(e) => setDays(e.target.value)} error={errorOf('pinjam-hari')} />
        <button type="submit" className="button" aria-disabled={busy}>
          {t.lend}
        </button>
      </form>
    </section>
  );
}
