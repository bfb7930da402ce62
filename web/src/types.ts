/** Shapes of the server's JSON, as the web client reads them (see /api/openapi.json). */

export type Lang = 'id' | 'en';

export type Role = 'camat' | 'sekcam' | 'kasi' | 'operator' | 'kurir' | 'admin' | 'kabupaten';

export type IsoWeekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';

export type OfficeSummary = { code: string; name: string; regencyName: string };

export type Interval = { open: string; close: string };

export type Office = {
  code: string;
  name: string;
  regencyName: string;
  provinceName: string;
  timezone: string;
  /** Working days to answer a complaint. */
  complaintAnswerDays?: number;
  contact: { address: string; phone?: string; whatsapp?: string; email?: string; instagram?: string };
  /** ISO weekday ("1" = Monday) → opening intervals; a missing day is closed. */
  workingHours: Partial<Record<IsoWeekday, Interval[]>>;
  desa: { code: string; name: string }[];
  /** The regency's emblem is on the kop of printed receipts. */
  hasEmblem?: boolean;
};

export type StaffUser = {
  id: string;
  username: string;
  name: string;
  /** A string, not `Role`: a newer server may know roles this client does not. */
  role: string;
  officeCode: string | null;
  regencyCode: string;
  mustChangePassword: boolean;
};
