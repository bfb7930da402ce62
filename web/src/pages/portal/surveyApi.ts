/** The satisfaction survey's public endpoints (tracking page and the counter's QR code). */
import { api } from '../../api.js';

export const UNSUR = ['PERSYARATAN', 'PROSEDUR', 'WAKTU', 'BIAYA', 'PRODUK', 'KOMPETENSI', 'PERILAKU', 'PENGADUAN', 'SARPRAS'] as const;
export type UnsurCode = (typeof UNSUR)[number];
/** Mirrors `PROFILE_OPTIONS` in src/survey/survey.ts (the server refuses any other code). */
export const PROFILE_OPTIONS = {
  ageBand: ['u20', '20_29', '30_39', '40_49', '50_59', '60_plus'],
  sex: ['L', 'P'],
  education: ['sd', 'smp', 'sma', 'diploma', 's1', 's2_plus'],
  occupation: ['pns', 'tni_polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya'],
} as const;
export type ProfileField = keyof typeof PROFILE_OPTIONS;

export type SurveyAnswer = { answers: Record<UnsurCode, number>; profile: Partial<Record<ProfileField, string>>; suggestion?: string };

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export const trackedSurvey = (token: string, signal?: AbortSignal) => api.get<{ open: boolean; answered: boolean; ticket: string }>('/api/v1/public/track/survey', { headers: auth(token), signal });
export const answerTrackedSurvey = (token: string, body: SurveyAnswer) => api.post<{ recorded: true }>('/api/v1/public/track/survey', body, { headers: auth(token) });
export const answerWalkInSurvey = (officeCode: string, body: SurveyAnswer) => api.post<{ recorded: true }>(`/api/v1/public/offices/${encodeURIComponent(officeCode)}/survey`, body);
