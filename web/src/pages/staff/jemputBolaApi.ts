/** Jemput Bola KIA sessions (issue 12): the console's endpoints. */
import { api } from '../../api.js';
import type { Localized } from './consoleApi.js';

export type SessionState = 'planned' | 'approved' | 'held' | 'closed' | 'cancelled';
export type JemputBolaSession = {
  id: string;
  schoolNpsn: string;
  schoolName: string;
  startsAt: string;
  sessionDate: string;
  deadlineWorkingDays: number;
  officerIds: string[];
  equipment: { item: string; ready: boolean; label: Localized }[];
  state: SessionState;
  batchDueAt: string | null;
  rosterCount?: number;
};
export type RosterChild = {
  childId: string;
  name: string | null;
  birthDate: string;
  schoolClass: string | null;
  hasWhatsapp: boolean;
  photoOnSite: boolean;
  nik: string | null;
  parentName: string | null;
  capture: { present: boolean; requestId: string | null; refusal: string | null } | null;
};
export type CaptureInput = {
  idempotencyKey: string;
  childId: string;
  present: boolean;
  nik?: string;
  kkNumber?: string;
  birthPlace?: string;
  parentName?: string;
  parentWhatsapp?: string;
  aktaSeen: boolean;
  kkSeen: boolean;
};
export type Batch = {
  progress: { total: number; verified: number; processed: number; printed: number; handed_over: number };
  clock: { dueAt: string; state: 'on_track' | 'amber' | 'red' | 'overdue'; remainingMinutes: number } | null;
  requests: { id: string; ticket: string; state: string; childId: string }[];
};
export type SessionDetail = { session: JemputBolaSession; roster: RosterChild[]; batch: Batch };
export type PlanInput = { schoolNpsn: string; startsAt: string; officerIds: string[]; equipment: { item: string; ready: boolean }[]; deadlineWorkingDays: number };

const office = (code: string) => `/api/v1/offices/${encodeURIComponent(code)}`;
const session = (id: string) => `/api/v1/jemput-bola/sessions/${encodeURIComponent(id)}`;

export const jemputBolaApi = {
  sessions: (code: string, signal?: AbortSignal) => api.get<{ sessions: JemputBolaSession[] }>(`${office(code)}/jemput-bola/sessions`, { signal }).then((r) => r.sessions),
  plan: (code: string, body: PlanInput) => api.post<{ session: JemputBolaSession }>(`${office(code)}/jemput-bola/sessions`, body).then((r) => r.session),
  detail: (id: string, signal?: AbortSignal) => api.get<SessionDetail>(session(id), { signal }),
  act: (id: string, action: 'approve' | 'hold' | 'close' | 'cancel') => api.post<{ session: JemputBolaSession }>(`${session(id)}/${action}`, {}),
  capture: (id: string, body: CaptureInput) => api.post<{ capture: unknown }>(`${session(id)}/captures`, body),
  handOver: (id: string, receivedBy: string) => api.post<{ handedOver: number }>(`${session(id)}/hand-over`, { receivedBy }),
  handOverListUrl: (id: string) => `${session(id)}/hand-over-list`,
  officers: (code: string, signal?: AbortSignal) => api.get<{ officers: { id: string; name: string; role: string }[] }>(`${office(code)}/visit-officers`, { signal }).then((r) => r.officers),
};
