/** Who is signed in, their office, and the words for codes, shared by every console page. */
import { createContext, useCallback, useContext } from 'react';
import { ApiError } from '../../api.js';
import type { Messages } from '../../i18n/index.js';
import type { Office, StaffUser } from '../../types.js';
import type { Vocabulary } from './consoleApi.js';

export type Session = {
  user: StaffUser;
  /** The member's office; undefined for the regency role. */
  office: Office | undefined;
  vocabulary: Vocabulary;
  /** The server said the session is gone (401): back to sign-in. */
  expired: () => void;
  /** A message for the whole console (kept across page changes), e.g. after a password change. */
  notify: (message: string | undefined) => void;
};

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the staff console');
  return session;
}

/** Returns a handler that sends an expired session back to sign-in and passes other errors on. */
export function useFailure(set: (error: unknown) => void) {
  const { expired } = useSession();
  return useCallback(
    (error: unknown) => {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      if (error instanceof ApiError && error.status === 401) return expired();
      set(error);
    },
    [expired, set],
  );
}

/** What a role may open in the console (the server checks again; this only hides what would be refused). */
export const may = {
  today: (role: string) => ['camat', 'sekcam', 'kasi', 'operator', 'kurir'].includes(role),
  counter: (role: string) => ['camat', 'sekcam', 'kasi', 'operator'].includes(role),
  search: (role: string) => role !== 'admin',
  settings: (role: string) => role === 'admin',
  inbox: (role: string) => ['camat', 'sekcam', 'kasi', 'operator'].includes(role),
  personalData: (role: string) => ['camat', 'sekcam', 'kasi'].includes(role),
  outages: (role: string) => ['camat', 'sekcam', 'kasi', 'operator'].includes(role),
  recordOutage: (role: string) => ['camat', 'sekcam', 'kasi'].includes(role),
  readingCorner: (role: string) => ['camat', 'sekcam', 'kasi', 'operator'].includes(role),
  children: (role: string) => ['camat', 'sekcam', 'kasi', 'operator'].includes(role),
  ikm: (role: string) => ['camat', 'sekcam', 'kasi', 'kabupaten'].includes(role),
  deliveries: (role: string) => role === 'kurir',
  deliveryOverview: (role: string) => ['kasi', 'operator'].includes(role),
  visits: (role: string) => ['kasi', 'operator'].includes(role),
  jemputBola: (role: string) => ['camat', 'sekcam', 'kasi', 'operator'].includes(role),
  manageJemputBola: (role: string) => ['kasi', 'operator'].includes(role),
  approveJemputBola: (role: string) => role === 'kasi',
  complaints: (role: string) => ['camat', 'sekcam', 'kasi', 'operator'].includes(role),
};

/** The page each role lands on. */
export function homeOf(role: string): string {
  if (may.today(role)) return '/petugas';
  if (may.settings(role)) return '/petugas/pengaturan';
  return '/petugas/cari';
}

export function roleLabel(role: string, t: Messages): string {
  return (t.roles as Record<string, string | undefined>)[role] ?? role;
}
