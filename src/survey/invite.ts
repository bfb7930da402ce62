/**
 * The survey invitation after a hand-over: one outbox row in the hand-over's own transaction, sent
 * after the "document received" news (the outbox keeps one person's messages in order), as text
 * inside WhatsApp's 24-hour window and as the status template outside it.
 */
import type { Db } from '../db/database.js';
import { enqueueMessage } from '../requests/storage.js';

export const SURVEY_INVITE_KIND = 'survey.invite';

export async function inviteToSurvey(tx: Db, request: { id: string; officeCode: string; ticket: string; applicantPhone: string; anonymisedAt?: Date | null }, at: Date): Promise<void> {
  // Nobody to ask once the personal fields are gone.
  if (request.anonymisedAt || !request.applicantPhone) return;
  await enqueueMessage(tx, {
    officeCode: request.officeCode,
    requestId: request.id,
    recipient: request.applicantPhone,
    kind: SURVEY_INVITE_KIND,
    payload: { kind: 'survey_invite', ticket: request.ticket },
    createdAt: at,
    nextAttemptAt: at,
  });
}
