import type { SpecialNeeds } from '../../../../src/requests/special-needs.js';
/** The staff console's endpoints and the shapes it reads (see /api/openapi.json). */
import { api, ApiError } from '../../api.js';
import type { Interval, IsoWeekday } from '../../types.js';

export type Localized = { id: string; en: string };

export type SlaState = 'on_track' | 'amber' | 'red' | 'overdue';
export type SlaStatus = { due: string; state: SlaState; remainingMinutes: number };
/** The two clocks (issue 11): waiting since submission against the working days, and the officer's work on the step since taking the file. */
export type Clocks = {
  overall: SlaStatus & {
    escalatedTo: string | null;
    submittedAt: string;
    elapsedMinutes: number;
    budgetMinutes: number;
    standardWorkingDays: number | null;
    pausedMinutes: number;
  };
  step: {
    step: 'verify' | 'process' | 'hand_over';
    state: SlaState | 'not_taken';
    standardMinutes: number;
    takenAt: string | null;
    workedMinutes: number;
    remainingMinutes: number;
    pausedMinutes: number;
    due: string | null;
  } | null;
};
/** An outage that stopped a request's clocks, with the working minutes it took. */
export type ClockPause = { kind: string; kindLabel: Localized; startsAt: string; endsAt: string | null; minutes: number };

/**
 * A request as the server shows it to the signed-in role (REQUEST_FIELD_ACCESS in
 * src/requests/field-access.ts): what the role may not see is absent, a masked NIK reads 3302xxxxxxxx0001.
 */
export type ConsoleRequest = {
  id: string;
  officeCode: string;
  ticket: string;
  serviceCode: string;
  channel: string;
  state: string;
  flags: string[];
  desaCode: string | null;
  applicant: { name?: string; phone?: string; relation?: string };
  subject: { nik?: string; name?: string; birthDate?: string; sex?: 'L' | 'P' };
  /** The service's other data fields by catalogue field code (only those the role may see). */
  details: Record<string, string>;
  circumstances?: { hasBirthCertificate?: boolean; foreign?: boolean };
  handOverChoice: 'pickup' | 'home_delivery' | 'school';
  disabilityNeeds?: string | null;
  /** Why it stands first in the queues (disabilitas, lansia), for the badge; absent for a role that does not work the queues. */
  priorityReason?: string | null;
  attachments?: { fileId: string; documentType: string }[];
  siakOutcomes?: { document: string; number?: string; printed: boolean }[];
  returnReasons?: { code: string; document?: string; note?: string }[] | null;
  handOverRecord?: { receivedBy?: { name: string; relationship: string }; method?: string; receivedAt?: string } | null;
  submittedAt: string;
  stateEnteredAt: string;
  dueAt: string;
};

/** The field groups of a request a role sees (the server's REQUEST_FIELD_ACCESS). */
export type FieldGroup = 'names' | 'identity' | 'contact' | 'family' | 'documents' | 'delivery' | 'history' | 'disability';

export type QueuedRequest = ConsoleRequest & { clocks: Clocks };
export type QueueName = 'verify' | 'process' | 'hand_over' | 'escalated' | 'deliveries' | 'returned';
export type QueueCount = { queue: QueueName; total: number; overdue: number; escalated: number };

export type Condition = { kind: string; [key: string]: unknown };
export type ChecklistItem = {
  document: string;
  need: 'required' | 'optional' | 'conditional';
  when?: Condition;
  alternatives: string[];
  label: Localized;
  details?: Localized;
  whenLabel?: Localized;
};
export type ChecklistField = {
  field: string;
  need: 'required' | 'optional' | 'conditional';
  label: Localized;
  input: string;
  maxLength: number;
  /** Kept in the request's details (the subject's NIK, name, birth date, sex and the desa have their own inputs). */
  detail: boolean;
  whenLabel?: Localized;
};
export type Checklist = {
  serviceCode: string;
  eligibility: 'eligible' | 'ineligible' | 'unknown';
  eligibilityReason?: Localized;
  items: ChecklistItem[];
  fields: ChecklistField[];
  outputs: { document: string; when?: Condition; whenLabel?: Localized }[];
};

export type NikCheck =
  | { status: 'absent' }
  | { status: 'invalid'; errors: string[] }
  | {
      status: 'valid';
      nik: string;
      birthDate: string;
      sex: 'L' | 'P';
      districtCode: string;
      place: { provinceName: string; regencyName: string; districtName: string } | null;
      warnings: string[];
    };

/** The photo check's findings beside a document (issue 16), already in words in the caller's language. */
export type PhotoFindings = {
  problems: string[];
  hints: string[];
  numbers: { field: 'nik' | 'kk'; comparison: { match: boolean; read: string | null }; text: string }[];
  ocr: 'read' | 'not_read' | 'skipped';
  checkedAt: string;
};

export type StoredFile = {
  id: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  documentType: string | null;
  createdAt: string;
  /** When the bytes will be deleted; null while an open request holds the file. */
  purgeAfter: string | null;
  /** When the bytes were deleted because the retention period ended. */
  purgedAt: string | null;
};

export type Action =
  | 'verify_accept'
  | 'verify_return'
  | 'reject'
  | 'resubmit'
  | 'record_siak_outcome'
  | 'mark_ready'
  | 'assign_courier'
  | 'hand_over'
  | 'cancel';

export type RequestDetail = {
  request: ConsoleRequest;
  /** Layanan khusus (health data): only for the disability group; each view is audited by the server. */
  specialNeeds?: SpecialNeeds | null;
  /** Which field groups this role sees, and how ('masked': identifiers cut down, the rest left out). */
  visible: Partial<Record<FieldGroup, 'full' | 'masked'>>;
  files?: (StoredFile & { documentType: string; keptDaysAfterClosing: number; photo?: PhotoFindings | null })[];
  serviceName: Localized | null;
  desaName: string | null;
  courier?: { id: string; name: string | null } | null;
  /** Absent without the identity group; under masked identity only the status and the masked NIK. */
  identity?: NikCheck | { status: 'valid' | 'invalid' | 'absent'; nik?: string; errors?: undefined };
  /** The request's details with the service's labels; a required one not filled in has no value. */
  fields: { field: string; label: Localized; need: 'required' | 'optional' | 'conditional'; input: string; value: string | null }[];
  checklist?: Checklist | null;
  documents?: { complete: boolean; missing: ChecklistItem[]; undetermined: ChecklistItem[]; unexpected: string[] } | null;
  clocks: Clocks | null;
  pauses?: ClockPause[];
  availableActions: Action[];
  mayViewDocuments: boolean;
  mayReprintReceipt: boolean;
};

export type HistoryEntry = {
  id: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actorType: string;
  actorRole: string | null;
  actorName: string | null;
  details: Record<string, unknown>;
};

export type Vocabulary = {
  documentTypes: Record<string, Localized>;
  outputDocuments: Record<string, Localized>;
  channels: Record<string, Localized>;
  states: Record<string, Localized>;
  flags: Record<string, Localized>;
  actions: Record<string, Localized>;
  returnReasons: Record<string, Localized>;
  disabilityKinds: Record<string, Localized>;
  accommodations: Record<string, Localized>;
  priorityReasons: Record<string, Localized>;
};

export type Requirement = {
  need: 'required' | 'optional' | 'conditional';
  document: string;
  when?: Condition;
  alternatives?: string[];
  details?: Localized;
  photo?: { widthCm: number; heightCm: number; copies?: number; colour: boolean };
};
export type RequirementView = Requirement & { label: Localized; whenLabel?: Localized };
export type Service = {
  code: string;
  category: string;
  name: Localized;
  description?: Localized;
  requirements: Requirement[];
  slaWorkingDays: number;
  slaWorkingDaysByChannel?: Record<string, number>;
  channels: string[];
};
export type ServiceSetting = {
  code: string;
  category: string;
  name: Localized;
  channels: string[];
  enabled: boolean;
  shipped: { requirements: RequirementView[]; slaWorkingDays: number; slaWorkingDaysByChannel: Record<string, number> };
  own: { requirements: RequirementView[] | null; slaWorkingDays: number | null; updatedAt: string } | null;
  effective: { requirements: RequirementView[]; slaWorkingDays: number };
};
export type ServiceSettingsView = {
  kiaRuleSet: string;
  services: ServiceSetting[];
  documentTypes: { code: string; label: Localized }[];
  conditions: { condition: Condition; label: Localized }[];
};

export type WeeklyHours = Partial<Record<IsoWeekday, Interval[]>>;
export type Closure = { date: string; kind: string; name: string };
export type SpecialPeriod = { name: string; from: string; to: string; schedule: WeeklyHours };
export type CalendarView = {
  years: {
    year: number;
    confirmed: boolean;
    /** When the office's admin confirmed the year; null for a shipped or unconfirmed year. */
    confirmedAt: string | null;
    /** Which list the calendar uses: shipped with the application, the office's confirmed entries, or the estimate plus entries. */
    inForce: 'shipped' | 'office' | 'estimate';
    /** The office's entered libur nasional and cuti bersama of the year. */
    enteredCount: number;
    closures: Closure[];
  }[];
  officeClosures: Closure[];
  specialPeriods: SpecialPeriod[];
};
export type StaffMember = {
  id: string;
  username: string;
  name: string;
  role: string;
  officeCode: string | null;
  active: boolean;
  mustChangePassword: boolean;
  locked: boolean;
};
export type Conversation = { id: string; waId: string; contactName: string | null; unreadCount: number; waitingForStaff: boolean; mode: string; lastMessageAt: string; requestId: string | null };

const office = (code: string) => `/api/v1/offices/${encodeURIComponent(code)}`;

export type Outage = { id: string; kind: string; kindLabel: Localized; startsAt: string; endsAt: string | null; reason: string; requestsPaused: number };

export const consoleApi = {
  outages: (code: string, signal?: AbortSignal) => api.get<{ outages: Outage[] }>(`${office(code)}/outages`, { signal }).then((r) => r.outages),
  recordOutage: (code: string, body: { kind: string; startsAt: string; endsAt?: string | undefined; reason: string }) => api.post<unknown>(`${office(code)}/outages`, body),
  endOutage: (code: string, id: string) => api.post<unknown>(`${office(code)}/outages/${encodeURIComponent(id)}/end`, {}),
  vocabulary: (signal?: AbortSignal) => api.get<Vocabulary>('/api/v1/vocabulary', { signal }),
  services: (code: string, signal?: AbortSignal) => api.get<{ services: Service[] }>(`${office(code)}/services`, { signal }).then((r) => r.services),
  queueCounts: (code: string, signal?: AbortSignal) => api.get<{ queues: QueueCount[] }>(`${office(code)}/queues`, { signal }).then((r) => r.queues),
  queue: (code: string, queue: QueueName, signal?: AbortSignal) =>
    api.get<{ requests: QueuedRequest[] }>(`${office(code)}/queues/${queue}?limit=50`, { signal }).then((r) => r.requests),
  /** The WhatsApp inbox, when this installation has it; undefined when it does not (404) or is not for this role. */
  conversations: async (code: string, signal?: AbortSignal) => {
    try {
      return (await api.get<{ conversations: Conversation[] }>(`${office(code)}/whatsapp/conversations`, { signal })).conversations;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return undefined;
      throw error;
    }
  },
  detail: (id: string, signal?: AbortSignal) => api.get<RequestDetail>(`/api/v1/requests/${encodeURIComponent(id)}`, { signal }),
  history: (id: string, signal?: AbortSignal) =>
    api.get<{ entries: HistoryEntry[] }>(`/api/v1/requests/${encodeURIComponent(id)}/history`, { signal }).then((r) => r.entries),
  act: (id: string, action: Action, payload: Record<string, unknown> = {}) =>
    api.post<{ request: ConsoleRequest }>(`/api/v1/requests/${encodeURIComponent(id)}/actions`, { action, payload }),
  couriers: (code: string, signal?: AbortSignal) => api.get<{ couriers: { id: string; name: string }[] }>(`${office(code)}/couriers`, { signal }).then((r) => r.couriers),
  search: (code: string | 'regency', q: string, signal?: AbortSignal) =>
    api.get<{ requests: ConsoleRequest[] }>(`${office(code)}/requests?q=${encodeURIComponent(q)}`, { signal }).then((r) => r.requests),
  checkNik: (code: string, body: { nik: string; birthDate?: string | undefined; sex?: 'L' | 'P' | undefined }, signal?: AbortSignal) =>
    api.post<{ check: NikCheck }>(`${office(code)}/nik-checks`, body, { signal }).then((r) => r.check),
  checklist: (code: string, serviceCode: string, context: { ageYears?: number | undefined; hasBirthCertificate?: boolean | undefined; foreign?: boolean | undefined }, signal?: AbortSignal) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(context)) if (value !== undefined) query.set(key, String(value));
    const suffix = query.size ? `?${query.toString()}` : '';
    return api.get<{ checklist: Checklist }>(`${office(code)}/services/${encodeURIComponent(serviceCode)}/checklist${suffix}`, { signal }).then((r) => r.checklist);
  },
  upload: (code: string, file: File, documentType: string) => {
    const form = new FormData();
    // The document type first: the server reads fields before the file.
    form.append('documentType', documentType);
    form.append('file', file);
    return api.upload<{ file: StoredFile; photo?: { problems: string[]; hints: string[] } | null }>(`${office(code)}/files`, form).then((r) => ({ ...r.file, photoHints: r.photo?.hints ?? [] }));
  },
  submit: (code: string, body: unknown) =>
    api.post<{ request: ConsoleRequest; trackingPin: string; warnings: string[] }>(`${office(code)}/requests`, body),
  reissuePin: (id: string) => api.post<{ ticket: string; pin: string }>(`/api/v1/requests/${encodeURIComponent(id)}/pin`, {}),
  receipt: (id: string, pin: string, locale: 'id' | 'en') => api.postForBlob(`/api/v1/requests/${encodeURIComponent(id)}/receipt`, { pin, locale }),
  // Settings (admin)
  updateOffice: (code: string, body: { workingHours?: WeeklyHours }) => api.patch<unknown>(office(code), body),
  setEmblem: (code: string, imageBase64: string) => api.put<{ hasEmblem: boolean }>(`${office(code)}/emblem`, { imageBase64 }),
  removeEmblem: (code: string) => api.delete<{ hasEmblem: boolean }>(`${office(code)}/emblem`),
  calendar: (code: string, signal?: AbortSignal) => api.get<CalendarView>(`${office(code)}/calendar`, { signal }),
  addClosure: (code: string, body: Closure) => api.post<CalendarView>(`${office(code)}/closures`, body),
  removeClosure: (code: string, c: Closure) => api.delete<CalendarView>(`${office(code)}/closures/${c.date}/${encodeURIComponent(c.kind)}`),
  confirmHolidayYear: (code: string, year: number) => api.post<CalendarView>(`${office(code)}/holiday-years/${year}/confirmation`),
  unconfirmHolidayYear: (code: string, year: number) => api.delete<CalendarView>(`${office(code)}/holiday-years/${year}/confirmation`),
  addSpecialPeriod: (code: string, body: SpecialPeriod) => api.post<CalendarView>(`${office(code)}/special-periods`, body),
  removeSpecialPeriod: (code: string, from: string) => api.delete<CalendarView>(`${office(code)}/special-periods/${from}`),
  staff: (code: string, signal?: AbortSignal) => api.get<{ staff: StaffMember[] }>(`${office(code)}/staff`, { signal }).then((r) => r.staff),
  addStaff: (code: string, body: { role: string; name: string; username: string }) =>
    api.post<{ user: StaffMember; initialPassword: string }>(`${office(code)}/staff`, body),
  resetPassword: (username: string) => api.post<{ user: StaffMember; initialPassword: string }>(`/api/v1/staff/${encodeURIComponent(username)}/reset-password`),
  setStaffActive: (username: string, active: boolean) =>
    api.post<{ user: StaffMember }>(`/api/v1/staff/${encodeURIComponent(username)}/${active ? 'reactivate' : 'deactivate'}`),
  serviceSettings: (code: string, signal?: AbortSignal) => api.get<ServiceSettingsView>(`${office(code)}/service-settings`, { signal }),
  saveServiceSetting: (code: string, serviceCode: string, body: { enabled: boolean; requirements: Requirement[] | null; slaWorkingDays: number | null }) =>
    api.put<ServiceSettingsView>(`${office(code)}/service-settings/${encodeURIComponent(serviceCode)}`, body),
  resetServiceSetting: (code: string, serviceCode: string) => api.delete<ServiceSettingsView>(`${office(code)}/service-settings/${encodeURIComponent(serviceCode)}`),
};
