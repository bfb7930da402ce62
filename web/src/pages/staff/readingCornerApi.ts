/** Pojok baca (issue 13): the console's endpoints for the reading corner. */
import { api } from '../../api.js';

export type Book = { id: string; title: string; author: string; isbn: string | null; category: string; copies: number; donor: string | null; lent: number; available: number };
export type Loan = { id: string; bookId: string; title: string; borrowerName: string; borrowerPhone: string; loanedOn: string; dueOn: string; overdue: boolean; remindedAt: string | null; returnedAt: string | null };
export type BookInput = { title: string; author: string; isbn?: string | undefined; category: string; copies: number; donor?: string | undefined };
export type MonthFigures = { loans: number; returns: number; visitors: number; titles: number; copies: number };

const base = (code: string) => `/api/v1/offices/${encodeURIComponent(code)}/reading-corner`;

export const readingCornerApi = {
  books: (code: string, signal?: AbortSignal) => api.get<{ books: Book[] }>(`${base(code)}/books`, { signal }).then((r) => r.books),
  addBook: (code: string, body: BookInput) => api.post<{ book: Book }>(`${base(code)}/books`, body).then((r) => r.book),
  loans: (code: string, signal?: AbortSignal) => api.get<{ today: string; loans: Loan[] }>(`${base(code)}/loans`, { signal }),
  lend: (code: string, body: { bookId: string; borrowerName: string; borrowerPhone: string; days?: number }) => api.post<{ loan: Loan }>(`${base(code)}/loans`, body).then((r) => r.loan),
  giveBack: (code: string, loanId: string) => api.post<{ loan: Loan }>(`${base(code)}/loans/${encodeURIComponent(loanId)}/return`, {}).then((r) => r.loan),
  visitors: (code: string, day: string, signal?: AbortSignal) =>
    api.get<{ days: { day: string; count: number }[] }>(`${base(code)}/visitors?from=${day}&to=${day}`, { signal }).then((r) => r.days[0]?.count ?? 0),
  countVisitor: (code: string, add: number) => api.post<{ day: string; count: number }>(`${base(code)}/visitors`, { add }).then((r) => r.count),
  popular: (code: string, signal?: AbortSignal) => api.get<{ books: { id: string; title: string; author: string; loans: number }[] }>(`${base(code)}/popular`, { signal }).then((r) => r.books),
  month: (code: string, month: string, signal?: AbortSignal) => api.get<MonthFigures>(`${base(code)}/months/${month}`, { signal }),
};
