/**
 * Who may do what, as data, and the one function that checks it. Every API route declares the
 * operation it needs (`config.access`, checked before the handler runs, see platform/http.ts);
 * the domain operation calls `authorize` again on the record it loaded, so a route declared too
 * loosely still cannot leak another office's data.
 *
 * This is the coarse gate (may this role touch requests at all?). Which SOP action a role may take
 * in which state — e.g. a kurir hands over only a home delivery assigned to them, only a kasi
 * rejects — is decided after it by the workflow guard, `authorizeTransition` in requests/workflow.ts.
 */
import { AppError } from '../platform/errors.js';
import type { Role } from './roles.js';

export const OPERATIONS = {
  'office.read': ['camat', 'sekcam', 'kasi', 'operator', 'kurir', 'admin', 'kabupaten'],
  'office.settings.update': ['admin'],
  'staff.read': ['camat', 'sekcam', 'kasi', 'admin'],
  'staff.manage': ['admin'],
  'audit.read': ['camat', 'sekcam', 'kasi', 'admin', 'kabupaten'],
  'file.upload': ['camat', 'sekcam', 'kasi', 'operator'],
  // Scans of children's documents are specific personal data (UU PDP): only the people who
  // check and process them. The courier needs an address, not an akta; the regency, figures.
  'file.read': ['camat', 'sekcam', 'kasi', 'operator'],
  'request.read': ['camat', 'sekcam', 'kasi', 'operator', 'kurir', 'kabupaten'],
  'request.create': ['camat', 'sekcam', 'kasi', 'operator'],
  'request.verify': ['camat', 'sekcam', 'kasi', 'operator'],
  'request.process': ['kasi', 'operator'],
  'request.hand_over': ['kasi', 'operator', 'kurir'],
  'catalogue.update': ['admin'],
  'calendar.update': ['admin'],
  'whatsapp.inbox': ['camat', 'sekcam', 'kasi', 'operator'],
  // A person's rights over their data (UU PDP): seeing all of it at once, exporting, correcting,
  // erasing. The section head and the office's heads answer for it; not the operators, and not the
  // admin, who configures the office but has no business with citizens' records.
  'personal_data.manage': ['camat', 'sekcam', 'kasi'],
  // "kecuali jika terjadi kendala sistem": the section head (and the office's heads) record a SIAK,
  // network or power outage, which stops the clocks; anyone who reads the clocks may see why.
  'outage.record': ['camat', 'sekcam', 'kasi'],
  'outage.read': ['camat', 'sekcam', 'kasi', 'operator', 'kabupaten'],
  // Pojok baca: the office's staff keep the books, lend them, count visitors (borrowers' names and
  // numbers are theirs only); the regency reads the figures, which hold no one's name.
  'reading_corner.manage': ['camat', 'sekcam', 'kasi', 'operator'],
  'reading_corner.figures': ['camat', 'sekcam', 'kasi', 'operator', 'kabupaten'],
  // The children register (issue 12): the office's people who plan Jemput Bola KIA read and fill it;
  // the regency supervises the coverage figures, never the children's names.
  'children.read': ['camat', 'sekcam', 'kasi', 'operator'],
  'children.import': ['camat', 'sekcam', 'kasi', 'operator'],
  'coverage.read': ['camat', 'sekcam', 'kasi', 'operator', 'kabupaten'],
  // The satisfaction survey's results (anonymous figures): the office's heads and the regency.
  'survey.read': ['camat', 'sekcam', 'kasi', 'kabupaten'],
  // Pengaduan (UU 25/2009): the officers who serve citizens take and answer complaints; the figures
  // (counts and answer times, nothing anyone wrote) go to the regency too.
  'complaint.handle': ['camat', 'sekcam', 'kasi', 'operator'],
  'complaint.figures': ['camat', 'sekcam', 'kasi', 'operator', 'kabupaten'],
  // Jujuk Dolanan (issue 13): the kurir works its own delivery tasks (src/delivery/); the office's
  // heads set after how many failed trips a document goes back to the office.
  'delivery.run': ['kurir'],
  'delivery.settings': ['camat', 'sekcam', 'kasi', 'admin'],
  // The officers who hand documents over follow the deliveries: trips, failures, the proof of hand-over.
  'delivery.oversee': ['kasi', 'operator'],
  // Home visits for what needs the person present: those who record in SIAK plan and report them.
  'visit.manage': ['kasi', 'operator'],
  // Jemput Bola KIA sessions at schools (issue 12): the office's people who plan them read them;
  // the team that goes (kasi, operators) plans, captures and holds them; only the kasi approves,
  // since approving sends the parents the notice and commits the office's people and equipment.
  'jemput_bola.read': ['camat', 'sekcam', 'kasi', 'operator'],
  'jemput_bola.manage': ['kasi', 'operator'],
  'jemput_bola.approve': ['kasi'],
} as const satisfies Record<string, readonly Role[]>;

export type Operation = keyof typeof OPERATIONS;

/** What the check needs to know about who is asking. */
export type StaffActor = {
  kind: 'staff';
  userId: string;
  role: Role;
  /** The office the member works in; null for the regency role. */
  officeCode: string | null;
  regencyCode: string;
};

export function roleMay(role: Role, operation: Operation): boolean {
  return (OPERATIONS[operation] as readonly Role[]).includes(role);
}

/** In a path where an office code goes: every office of the caller's regency (the regency role's search). */
export const WHOLE_REGENCY = 'regency';

/** Whether the actor's reach covers a record of this office (or, for WHOLE_REGENCY, the whole regency). */
export function coversOffice(actor: StaffActor, officeCode: string): boolean {
  if (officeCode === WHOLE_REGENCY) return actor.role === 'kabupaten';
  if (actor.role === 'kabupaten') return officeCode.startsWith(`${actor.regencyCode}.`);
  return actor.officeCode === officeCode;
}

export function may(actor: StaffActor, operation: Operation, target?: { officeCode: string }): boolean {
  return roleMay(actor.role, operation) && (!target || coversOffice(actor, target.officeCode));
}

/** Throws 403 unless the actor may perform the operation on a record of the target office. */
export function authorize(actor: StaffActor, operation: Operation, target?: { officeCode: string }): void {
  if (!may(actor, operation, target)) throw new AppError('forbidden', 403);
}
