/** Jujuk Dolanan endpoints for the kurir's phone view and the officers' overview (src/delivery/routes.ts). */
import { api } from '../../api.js';

export type CourierTask = {
  id: string;
  ticket: string;
  state: string;
  scheduledFor: string;
  routeOrder: number;
  failedAttempts: number;
  maxFailedAttempts: number;
  desaCode: string | null;
  desaName: string | null;
  subjectName: string;
  applicantName: string;
  applicantRelation: string;
  address: string | null;
  /** wa_id form: 62… */
  phone: string;
  documents: string[];
  disabilityNeeds: string | null;
  priorityReason: string | null;
};

export type CourierDay = { date: string; tasks: CourierTask[] };

export type DeliveredBody = {
  proofFileId: string;
  receiverName: string;
  receiverRelation: string;
  receivedAt: string;
  positionConsent: boolean;
  position?: { lat: number; lng: number; accuracyM?: number };
};

export type DeliveryTrip = {
  id: string;
  startedAt: string | null;
  endedAt: string | null;
  outcome: 'delivered' | 'failed' | null;
  failureReason: string | null;
  failureNote: string | null;
  receiverName: string | null;
  receiverRelation: string | null;
  receivedAt: string | null;
  proofFileId: string | null;
  proofPurgedAt: string | null;
  positionRecorded: boolean;
};

export type DeliveryNotice = { kind: string; status: string; createdAt: string; sentAt: string | null; text: string | null };

export type OfficeDeliveryTask = {
  id: string;
  requestId: string;
  ticket: string;
  requestState: string;
  subjectName: string;
  state: string;
  scheduledFor: string;
  desaCode: string | null;
  desaName: string | null;
  courierName: string | null;
  failedAttempts: number;
  maxFailedAttempts: number;
  createdAt: string;
  updatedAt: string;
  trips: DeliveryTrip[];
  notices: DeliveryNotice[];
};

const office = (code: string) => `/api/v1/offices/${encodeURIComponent(code)}`;
const task = (id: string) => `/api/v1/deliveries/${encodeURIComponent(id)}`;

export const deliveryApi = {
  office: (code: string, signal?: AbortSignal) => api.get<{ maxFailedAttempts: number; tasks: OfficeDeliveryTask[] }>(`${office(code)}/deliveries`, { signal }),
  today: (code: string, signal?: AbortSignal) => api.get<CourierDay>(`${office(code)}/deliveries/today`, { signal }),
  reorder: (code: string, taskIds: string[]) => api.put<CourierDay>(`${office(code)}/deliveries/route`, { taskIds }),
  onTheWay: (id: string) => api.post<{ state: string; notified: boolean }>(`${task(id)}/on-the-way`, {}),
  uploadProof: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<{ file: { id: string } }>(`${task(id)}/proof-photo`, form).then((r) => r.file);
  },
  delivered: (id: string, body: DeliveredBody) => api.post<{ state: string }>(`${task(id)}/delivered`, body),
  failed: (id: string, body: { reason: string; note?: string }) => api.post<{ state: string; nextDate?: string }>(`${task(id)}/failed`, body),
};

/** tel: wants the number as dialled in Indonesia with its country code; wa.me wants the digits only. */
export const telLink = (waId: string) => `tel:+${waId.replace(/\D/g, '')}`;
export const waLink = (waId: string) => `https://wa.me/${waId.replace(/\D/g, '')}`;
