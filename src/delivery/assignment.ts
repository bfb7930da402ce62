/** The SOP's `assign_courier` makes the kurir's delivery task, in the same transaction. */
import { officeDate } from '../calendar/calendar.js';
import type { Db } from '../db/database.js';
import { findOffice } from '../offices/storage.js';
import * as store from './storage.js';

/**
 * Called in the transaction of the SOP's `assign_courier`: the kurir given a home delivery gets
 * its task for today (the office's date), last in its route.
 */
export async function taskOnAssignment(tx: Db, request: { id: string; officeCode: string }, courierStaffId: string, now: Date): Promise<void> {
  const office = await findOffice(tx, request.officeCode);
  const scheduledFor = officeDate(office?.timezone ?? 'Asia/Jakarta', now);
  await store.upsertTaskOnAssignment(tx, { officeCode: request.officeCode, requestId: request.id, courierStaffId, scheduledFor, at: now });
}

