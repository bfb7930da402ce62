/** The SQL of the IKM survey: responses, the requests still to be surveyed, and a period's figures. */
import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { requests, surveyResponses } from '../db/schema.js';

export type SurveyResponseRow = typeof surveyResponses.$inferSelect;
export type NewSurveyResponse = typeof surveyResponses.$inferInsert;

/** Inserts the response; null when the request already has one (the unique index decides, so two at once cannot both land). */
export async function insertResponse(db: Db, values: NewSurveyResponse): Promise<SurveyResponseRow | null> {
  const [row] = await db.insert(surveyResponses).values(values).onConflictDoNothing({ target: surveyResponses.requestId }).returning();
  return row ?? null;
}

export async function responseOfRequest(db: Db, requestId: string): Promise<SurveyResponseRow | undefined> {
  const [row] = await db.select().from(surveyResponses).where(eq(surveyResponses.requestId, requestId)).limit(1);
  return row;
}

/** Requests of this number at this office handed over since `since` and not surveyed yet, newest first. */
export async function unsurveyedRequestsOf(db: Db, officeCode: string, phone: string, since: Date, limit = 5) {
  return db
    .select({ id: requests.id, ticket: requests.ticket, serviceCode: requests.serviceCode, handedOverAt: requests.stateEnteredAt })
    .from(requests)
    .leftJoin(surveyResponses, eq(surveyResponses.requestId, requests.id))
    .where(and(eq(requests.officeCode, officeCode), eq(requests.applicantPhone, phone), eq(requests.state, 'handed_over'), gte(requests.stateEnteredAt, since), isNull(surveyResponses.id)))
    .orderBy(desc(requests.stateEnteredAt))
    .limit(limit);
}

/** Local calendar dates (inclusive) in the office's time zone. */
export type DateSpan = { from: string; to: string; timeZone: string };

const localDay = (column: unknown, timeZone: string) => sql`(${column} at time zone ${timeZone})::date`;

/** The answers given in the span, unsur columns only: anonymous by construction. */
export async function answersIn(db: Db, officeCode: string, span: DateSpan) {
  return db
    .select({
      persyaratan: surveyResponses.persyaratan,
      prosedur: surveyResponses.prosedur,
      waktu: surveyResponses.waktu,
      biaya: surveyResponses.biaya,
      produk: surveyResponses.produk,
      kompetensi: surveyResponses.kompetensi,
      perilaku: surveyResponses.perilaku,
      pengaduan: surveyResponses.pengaduan,
      sarpras: surveyResponses.sarpras,
      channel: surveyResponses.channel,
    })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.officeCode, officeCode),
        sql`${localDay(surveyResponses.createdAt, span.timeZone)} between ${span.from}::date and ${span.to}::date`,
      ),
    );
}

/** The period's population: requests handed over in the span (hand-over is final, so its state began then). */
export async function handedOverCount(db: Db, officeCode: string, span: DateSpan): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(requests)
    .where(
      and(
        eq(requests.officeCode, officeCode),
        eq(requests.state, 'handed_over'),
        sql`${localDay(requests.stateEnteredAt, span.timeZone)} between ${span.from}::date and ${span.to}::date`,
      ),
    );
  return Number(row?.n ?? 0);
}
