/** The children register, schools and KIA coverage (issue 12): the console's endpoints. */
import { api } from '../../api.js';
import type { Localized } from './consoleApi.js';

const office = (code: string) => `/api/v1/offices/${encodeURIComponent(code)}`;

export type RosterPreview = { header: string[]; suggested: Record<string, string>; rows: { row: number; cells: string[] }[]; dataRows: number; columns: string[] };
export type ImportReport = { imported: number; updated: number; unchanged: number; refused: number; errors: { row: number; column: string; code: string; reason: string }[]; saved: boolean };
export type School = { npsn: string; name: string; level: string; levelLabel: Localized; desaCode: string | null; address: string | null; contactName: string | null; contactPhone: string | null };
export type Figure = { children: number; withKia: number; share: number | null };
export type OfficeCoverage = {
  officeCode: string;
  name: string;
  date: string;
  denominator: string;
  total: Figure;
  desa: Array<{ code: string | null; name: string } & Figure>;
  schools: Array<{ npsn: string | null; name: string } & Figure>;
  ageBands: Array<{ band: string } & Figure>;
};

export const childrenApi = {
  preview: (code: string, body: { fileName: string; contentBase64: string }) => api.post<RosterPreview>(`${office(code)}/children/import-preview`, body),
  importList: (code: string, body: { fileName: string; contentBase64: string; mapping: Record<string, string>; dryRun: boolean; onlyValid: boolean }) =>
    api.post<ImportReport>(`${office(code)}/children/imports`, body),
  schools: (code: string, signal?: AbortSignal) => api.get<{ schools: School[] }>(`${office(code)}/schools`, { signal }).then((r) => r.schools),
  saveSchool: (code: string, body: { npsn: string; name: string; level: string; desaCode?: string | undefined; contactName?: string | undefined; contactPhone?: string | undefined }) =>
    api.post<{ school: School }>(`${office(code)}/schools`, body),
  coverage: (code: string, signal?: AbortSignal) => api.get<{ offices: OfficeCoverage[] }>(`${office(code)}/kia-coverage`, { signal }).then((r) => r.offices[0]),
};

/** A file's bytes as base64, for the JSON body (lists are a few MB at most). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
