/** Pojok baca (issue 13): the officers' catalogue, loans, returns and visitor tally; the figures; the portal's list. */
import { z } from 'zod';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import { safeText } from '../platform/safe-text.js';
import {
  addBook,
  BookInput,
  lendBook,
  listBooks,
  listOpenLoans,
  LoanInput,
  monthFigures,
  PeriodQuery,
  popularBooks,
  publicBooks,
  recordVisitors,
  returnBook,
  updateBook,
  VisitorsInput,
  visitorDays,
} from './service.js';

export function registerReadingCornerRoutes(app: App, deps: AppDeps) {
  const rdeps = { db: deps.database.db, clock: deps.clock };
  const office = z.object({ officeCode: z.string().max(20) });
  const withId = z.object({ officeCode: z.string().max(20), id: z.uuid() });
  const base = '/api/v1/offices/:officeCode/reading-corner';
  const tags = ['reading-corner'];

  app.get(
    '/api/v1/public/offices/:officeCode/books',
    { config: { access: 'public' }, schema: { tags, summary: "The reading corner's books for the portal: title, author, category and copies on the shelf now", params: office } },
    async (req) => publicBooks(rdeps, req.params.officeCode),
  );

  app.get(
    `${base}/books`,
    { config: { access: 'reading_corner.manage' }, schema: { tags, summary: 'The catalogue with copies lent and available; q matches title or author', params: office, querystring: z.object({ q: safeText().trim().max(100).optional() }) } },
    async (req) => listBooks(rdeps, requireStaff(req), req.params.officeCode, req.query.q),
  );

  app.post(
    `${base}/books`,
    { config: { access: 'reading_corner.manage' }, schema: { tags, summary: 'Add a book (ISBN-10/13 check digit verified, refused beside the field); audited', params: office, body: BookInput } },
    async (req, reply) => reply.status(201).send({ book: await addBook(rdeps, requireStaff(req), req.params.officeCode, req.body, originOf(req)) }),
  );

  app.put(
    `${base}/books/:id`,
    { config: { access: 'reading_corner.manage' }, schema: { tags, summary: "Correct a book's entry or copies (never below the copies lent out); audited", params: withId, body: BookInput } },
    async (req) => ({ book: await updateBook(rdeps, requireStaff(req), req.params.officeCode, req.params.id, req.body, originOf(req)) }),
  );

  app.get(
    `${base}/loans`,
    { config: { access: 'reading_corner.manage' }, schema: { tags, summary: 'Loans not yet returned, the longest due first, overdue marked', params: office } },
    async (req) => listOpenLoans(rdeps, requireStaff(req), req.params.officeCode),
  );

  app.post(
    `${base}/loans`,
    { config: { access: 'reading_corner.manage' }, schema: { tags, summary: "Lend a copy to a borrower (name, WhatsApp number); due in 7 days by default; audited", params: office, body: LoanInput } },
    async (req, reply) => reply.status(201).send(await lendBook(rdeps, requireStaff(req), req.params.officeCode, req.body, originOf(req))),
  );

  app.post(
    `${base}/loans/:id/return`,
    { config: { access: 'reading_corner.manage' }, schema: { tags, summary: 'Take a lent book back; audited', params: withId } },
    async (req) => returnBook(rdeps, requireStaff(req), req.params.officeCode, req.params.id, originOf(req)),
  );

  app.post(
    `${base}/visitors`,
    { config: { access: 'reading_corner.manage' }, schema: { tags, summary: "Add to a day's visitor count ({ add }) or set it ({ set }); today unless a day is given", params: office, body: VisitorsInput } },
    async (req) => recordVisitors(rdeps, requireStaff(req), req.params.officeCode, req.body, originOf(req)),
  );

  app.get(
    `${base}/visitors`,
    { config: { access: 'reading_corner.figures' }, schema: { tags, summary: 'Visitors per day in a period (default the last 30 days)', params: office, querystring: PeriodQuery } },
    async (req) => visitorDays(rdeps, requireStaff(req), req.params.officeCode, req.query),
  );

  app.get(
    `${base}/popular`,
    { config: { access: 'reading_corner.figures' }, schema: { tags, summary: 'The books lent most often in a period (default the last 30 days)', params: office, querystring: PeriodQuery } },
    async (req) => popularBooks(rdeps, requireStaff(req), req.params.officeCode, req.query),
  );

  app.get(
    `${base}/months/:month`,
    {
      config: { access: 'reading_corner.figures' },
      schema: { tags, summary: "A month's figures for the report: loans, borrowers, returns, visitors, the catalogue, loans out and overdue", params: z.object({ officeCode: z.string().max(20), month: z.string().regex(/^\d{4}-\d{2}$/) }) },
    },
    async (req) => monthFigures(rdeps, requireStaff(req), req.params.officeCode, req.params.month),
  );
}
