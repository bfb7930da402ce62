/** SQL of the simulator: whether a phone number already belongs to someone in this installation. */
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/database.js';

/**
 * Does the product already know this number — a request's applicant, a web verification, a chat, a
 * message owed? Then it is a real person's (or another browser's) and the simulator may not speak
 * or read for it. Indexed look-ups, once per number a browser takes.
 */
export async function numberIsKnown(db: Db, waId: string): Promise<boolean> {
  const [row] = await rows<{ known: boolean }>(
    db,
    sql`select exists (select 1 from requests where applicant_phone = ${waId})
            or exists (select 1 from phone_verifications where phone = ${waId})
            or exists (select 1 from whatsapp_conversations where wa_id = ${waId})
            or exists (select 1 from whatsapp_inbound where wa_id = ${waId})
            or exists (select 1 from outbox where recipient = ${waId}) as known`,
  );
  return row?.known === true;
}
