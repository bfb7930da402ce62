/** Takes a KIA request in at the counter and moves it through the SOP to `handed_over`, for tests of what follows a hand-over. */
import { expect } from 'vitest';
import { DEMO_OFFICE_CODE } from '../offices/setup.js';
import type { TestApp } from './app.js';
import { anotherGirlNik, KIA_DETAILS } from './requests.js';

type Client = Awaited<ReturnType<TestApp['signedIn']>>;

export async function takeIn(operator: Client, phone: string, officeCode = DEMO_OFFICE_CODE): Promise<{ id: string; ticket: string }> {
  const res = await operator.post(`/api/v1/offices/${officeCode}/requests`, {
    serviceCode: 'kia_baru',
    channel: 'walk_in',
    desaCode: '33.02.20.2009',
    applicant: { name: 'Sri Wahyuni', phone, relation: 'ibu' },
    subject: { nik: anotherGirlNik(), name: 'Ayu Lestari', birthDate: '2020-05-10', sex: 'P' },
    details: KIA_DETAILS,
  });
  expect(res.statusCode, res.body).toBe(201);
  const request = res.json().request as { id: string; ticket: string };
  return { id: request.id, ticket: request.ticket };
}

export async function handOver(t: TestApp, operator: Client, id: string): Promise<void> {
  const act = async (action: string, payload: Record<string, unknown> = {}) => {
    const res = await operator.post(`/api/v1/requests/${id}/actions`, { action, payload });
    expect(res.statusCode, res.body).toBe(200);
  };
  await act('verify_accept', { overrideReason: 'Dokumen asli diperiksa di loket' });
  await act('record_siak_outcome', { outcomes: [{ document: 'kia', printed: true }] });
  await act('mark_ready');
  await act('hand_over', { receivedBy: { name: 'Sri Wahyuni', relationship: 'parent' }, method: 'counter', receivedAt: t.clock.now().toISOString() });
}
