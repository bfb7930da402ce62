/** English — the second locale. Keys mirror id.ts. */
import bot from './bot.en.js';
import children from './children.en.js';
import complaints from './complaints.en.js';
import citizen from './citizen.en.js';
import delivery from './delivery.en.js';
import visits from './visits.en.js';
import ikm from './ikm.en.js';
import jemputBola from './jemput-bola.en.js';
import photo from './photo.en.js';
import privacy from './privacy.en.js';
import readingCorner from './reading-corner.en.js';
import survey from './survey.en.js';
import whatsapp from './whatsapp.en.js';

const en = {
  bot,
  children,
  complaints,
  delivery,
  visits,
  ikm,
  jemputBola,
  photo,
  survey,
  errors: {
    validation: 'Some of the data sent is not valid. Please check what you entered.',
    bad_json: 'The request could not be read (invalid JSON).',
    not_found: 'What you are looking for was not found.',
    delivery_proof_required: 'A delivered document is handed over on the Deliveries page, with a photo proving the hand-over.',
    route_not_found: 'The requested address does not exist.',
    unauthenticated: 'Please sign in first.',
    forbidden: 'Sorry, your account is not allowed to do this.',
    csrf: 'The form session is invalid or has expired. Please reload the page and try again.',
    rate_limited: 'Too many attempts. Please wait a moment and try again.',
    internal: 'Sorry, something went wrong on our side. Please try again shortly.',
    unavailable: 'The service is unavailable right now. Please try again shortly.',
    payload_too_large: 'The data sent is too large.',
    unsupported_media_type: 'This content type is not supported.',
    login_failed: 'Wrong username or password, or sign-in is limited for now. Please try again in a few minutes.',
    cannot_deactivate_self: 'You cannot deactivate your own account.',
    last_active_admin: 'This is the last active admin of this kecamatan. Activate or create another admin first.',
    // WhatsApp simulator (demo): numbers are per browser.
    simulator_number_taken: 'This number is used on another device or belongs to a registered citizen, so the simulator cannot use it. Please use another number.',
    simulator_numbers_limit: 'The simulator in this browser has used too many numbers. Please close the browser and open the simulator again.',
    wrong_current_password: 'The current password is not correct.',
    weak_password: 'The new password needs at least 10 characters and must differ from the username.',
    username_taken: 'The username "{{username}}" is already taken.',
    office_unknown: 'No kecamatan with code {{code}} is known.',
    audit_immutable: 'Audit records cannot be changed or deleted.',
    file_link_invalid: 'This document link is invalid or has expired.',
    file_purged:
      'This document was deleted on {{date, datetime}} because its retention period ended, as the personal data protection rules require. The official population record stays in SIAK at the population and civil registration office (Dindukcapil).',
    nik_invalid: 'The NIK is not valid. Please check the 16 digits against the family card (KK).',
    fields_invalid: 'Please complete or correct: {{fields}}.',
    special_needs: {
      consent_required: 'Please tick the consent: the disability details are used only to arrange the special service and seen only by the officers who serve you.',
      kind_required: 'Please choose the kind of disability (more than one is possible).',
      kinds_without_disability: 'The kind of disability is only given when the person is disabled.',
      accommodations_without_need: 'The special service, home delivery (Jujuk Dolanan) included, is for citizens with a disability and elderly citizens (60 and over).',
    },
    field: {
      markup: '{{label}} contains a < or > sign, which cannot be saved. Please write only the name or the text itself.',
      not_eligible: 'Going by the birth date in the {{label}}, this application does not meet the service\'s condition: {{condition}}.',
      required: '{{label}} is required.',
      unknown_field: 'The field "{{field}}" is not known.',
      not_for_service: '{{label}} is not asked for this service.',
      too_long: '{{label}} is too long (at most {{max}} characters).',
      nik_invalid: '{{label}} is not valid. Please check the 16 digits against the family card (KK).',
      kk_invalid: '{{label}} is not valid. Please check the 16 digits of the number printed on the family card.',
      date_invalid: '{{label}} is not a real date.',
      date_future: '{{label}} cannot be later than today.',
      email_invalid: '{{label}} is not valid. For example: name@example.com.',
      phone_invalid: '{{label}} is not valid. For example: 0812 2700 1234.',
      sex_invalid: '{{label}} must be male (L) or female (P).',
      desa_invalid: '{{label}} is not known.',
      // Control characters (issue 9): a NUL or similar, usually pasted from another application.
      control_characters: '{{label}} contains hidden characters that cannot be saved (usually copied along from another app). Please type it again.',
      control_characters_here: 'This field contains hidden characters that cannot be saved (usually copied along from another app). Please type it again.',
    },
    transition_refused: 'This action cannot be taken on this request.',
    emblem_invalid: 'The emblem file cannot be read as a picture. Please upload a PNG, JPEG, WebP or SVG image.',
    emblem_too_large: 'The emblem file is too large (at most {{max}}). Please upload a smaller image.',
    closure_too_old: 'The date {{date}} is more than a year ago. Please check the year; closures are recorded for today, the future, or at most a year back.',
    outage_in_future: 'An outage is recorded once it happened: its start and end cannot be in the future.',
    outage_too_old: 'Outages can be recorded up to {{days}} days back.',
    outage_ends_before_start: 'The end must be after the start.',
    outage_already_ended: 'This outage has already been recorded as ended.',
    closure_exists: 'This closure date is already recorded.',
    not_cuti_bersama: '{{date}} is not a cuti bersama day in the office calendar, so there is nothing to open.',
    holiday_year_empty: 'No national holidays or cuti bersama are entered for {{year}} yet. Enter every date of the SKB 3 Menteri first, then confirm.',
    holiday_year_shipped: 'The {{year}} holiday list ships with the application from the SKB 3 Menteri; it needs no confirmation.',
    holiday_year_already_confirmed: 'The {{year}} holiday list is already confirmed.',
    holiday_year_would_be_empty:
      'This is the last date of the confirmed {{year}} holiday list. Undo the confirmation of {{year}} first if the list is really to be emptied.',
    request_changed: 'Another officer has just changed this request. Please reload and check it again.',
    duplicate_request: 'The same application already exists: {{ticket}} (status: {{state}}). A person can have only one open application for the same service.',
    duplicate_request_other:
      'An application for this service for the same person is already open (made from another WhatsApp number). If you still need to apply, please contact the kecamatan office.',
    // Least privilege per role (issue 9): a search key the role may not see.
    search_key_not_allowed: 'Sorry, your role cannot search requests by this kind of key. Please search by ticket number.',
    transition: {
      state_is_final: 'This request is finished and can no longer be changed.',
      action_not_allowed_in_state: 'This action does not fit the stage the request is at.',
      role_not_allowed: 'Your role may not take this action at this stage.',
      flag_required: 'This action is only for requests with a special mark (such as escalated or home delivery).',
      invalid_payload: 'The details for this action are incomplete or invalid.',
      courier_not_assigned: 'This request has not been assigned to that courier.',
      documents_missing:
        'The file is incomplete: a required document is not attached. Return the file to the applicant (NO), or write a reason if you still find it complete (for example, the original was checked at the counter).',
    },
    upload: {
      missing: 'Please attach one file (a photo or a PDF).',
      too_large: 'The file is too large. The limit is {{limit}}. Please send a smaller photo.',
      unsupported_type: 'This kind of file cannot be accepted. Please send a photo (JPG, PNG, WebP, HEIC, AVIF) or a PDF.',
      unreadable: 'The file could not be read (it may be damaged or cut off). Please take the photo again or resend it.',
      pdf_active_content:
        'This PDF contains scripts or hidden attachments, so it cannot be accepted for safety reasons. Please send a plain scan or a photo of the document.',
      empty: 'The file sent is empty.',
      // Say what was wrong (issue 9): the picture's pixels or the PDF's inflated content, not the file size.
      too_many_pixels:
        'The picture is too large: {{width}} × {{height}} pixels (about {{megapixels}} megapixels); at most {{maxMegapixels}} megapixels are accepted. Please send an ordinary phone photo or make the picture smaller.',
      pdf_too_large:
        'The content of this PDF becomes too large when opened (more than {{pdfLimit}}), so it cannot be accepted. Please send a plain scan or a photo of the document.',
    },
    backup: {
      damaged: 'The backup file is damaged or not a Kencot backup ({{detail}}). Restore cancelled; the database was not changed.',
      part_damaged: 'Part "{{part}}" of the backup file is damaged (its SHA-256 does not match). Restore cancelled; the database was not changed.',
      part_missing: 'Part "{{part}}" is missing from the backup file. Restore cancelled; the database was not changed.',
      manifest_invalid: 'The backup file\'s manifest cannot be read. Restore cancelled; the database was not changed.',
      format_unsupported: 'The backup file uses format version {{version}}, which this version of Kencot does not know. Please upgrade Kencot first.',
      newer_migration: 'This backup was made by a newer Kencot (migration {{backup}}; this version goes up to {{known}}). Please upgrade Kencot first, then restore again.',
      unknown_migration: 'This backup contains migration {{backup}}, which this version of Kencot does not know. Restore it with the Kencot version that made it.',
      not_empty: 'The target database is not empty (tables with data: {{tables}}). A restore only goes into an empty database. If that data really is to be replaced entirely (audit trail included), stop every Kencot server and run again with --force.',
      schema_mismatch: 'Table {{table}} in the target database does not match the backup. Restore cancelled; the database was not changed.',
      load_failed: 'The rows of table {{table}} could not be loaded (PostgreSQL code {{code}}). Restore cancelled; the database was not changed.',
      output_exists: '{{path}} already exists. A backup never overwrites another file; please choose a new file name.',
    },
  },
  console: {
    errors: {
      courier_unknown: 'The courier chosen is not an active courier of this kecamatan office.',
      receipt_pin_mismatch:
        'The PIN does not match this application. The receipt is printed with the PIN given when the application was taken in.',
    },
    receipt: {
      title: 'APPLICATION RECEIPT',
      ticket: 'Ticket number',
      pin: 'Tracking PIN',
      pinNote: 'Keep this PIN. The ticket number and the PIN let you track the application. Do not give the PIN to anyone.',
      service: 'Service',
      subject: 'For',
      applicant: 'Applicant',
      desa: 'Village',
      channel: 'Received through',
      received: 'Received',
      due: 'Expected ready',
      handOver: 'Document hand-over',
      documents: 'Documents received:',
      noDocuments: 'No documents attached yet.',
      track: 'Track the application',
      trackNote: 'Scan the QR code or open the address above, then enter the PIN.',
      free: 'This service is FREE. Do not give money to anyone.',
      officer: 'Officer',
      handOverChoices: {
        pickup: 'Collected at the kecamatan office',
        home_delivery: 'Delivered home (Jujuk Dolanan)',
        school: 'Handed over at school',
      },
    },
  },
  fields: {
    required: 'required',
    invalid: 'invalid',
  },
  cli: {
    files_purged: '{{count}} document(s) deleted because their retention period ended.',
    files_purged_none: 'No document has reached the end of its retention period.',
    // One process at a time on an embedded data directory (src/db/data-dir-lock.ts).
    database_in_use_by_server: 'The embedded database in {{dataDir}} is in use by the Kencot server (pid {{pid}}, port {{port}}, since {{since}}). Stop it first, or use DATABASE_URL for a PostgreSQL server.',
    database_in_use_by_starting_server: 'The embedded database in {{dataDir}} is in use by the Kencot server, which is starting (pid {{pid}}, since {{since}}). Stop it first, or use DATABASE_URL for a PostgreSQL server.',
    database_in_use_by_cli: 'The embedded database in {{dataDir}} is in use by another kencot command (pid {{pid}}, since {{since}}). Wait for it to finish, or use DATABASE_URL for a PostgreSQL server.',
    backup_written: 'Backup done: {{tables}} tables, {{rows}} rows, {{blobs}} documents, {{size}} bytes. SHA-256 of the file: {{sha256}}.',
    backup_missing_blobs: 'Warning: {{count}} document(s) still on record were not found in the file store and are not in the backup (their SHA-256s are in the manifest).',
    backup_encrypt_reminder: 'The backup file holds specific personal data (children\'s data, ID scans). Encrypt it now and store it off-site in Indonesia (see README, "Backups").',
    restore_done: 'Backup of {{createdAt}} ({{engine}}, migration {{migration}}) restored: {{blobs}} documents.',
    restore_table: '  {{table}}: {{rows}} rows',
    user_deactivated: 'Account {{username}} deactivated; all its sessions ended.',
    user_reactivated: 'Account {{username}} reactivated.',
  },
  whatsapp,
  citizen,
  privacy,
  readingCorner,
} as const;

export default en;
