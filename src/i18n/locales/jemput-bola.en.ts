/** Jemput Bola KIA at schools (issue 12) in English: the parents' notice and refusals. */
const jemputBola = {
  notify: {
    notice:
      "Dear parent/guardian of {{child}}, officers of {{office}} will make Child ID Cards (KIA) at {{school}} on {{date}} at {{time}}. Please give your child a copy of the birth certificate and the family card (KK).{{photo}} The service is free of charge. If you have a question, reply to this message.",
    photo_on_site: " The child's photo is taken by the officers at the school.",
    bring: 'birth certificate and family card (KK)',
    bring_with_photo: "birth certificate and family card (KK); the child's photo is taken at the school",
  },
  errors: {
    deadline_out_of_range: 'The deadline must be a whole number of working days from 1 to 7.',
    school_unknown: 'No school with this NPSN is registered at this office. Please add the school first.',
    officer_unknown: 'An officer chosen is unknown or not active at this office.',
    in_the_past: 'The session must start after now.',
    wrong_state: 'This cannot be done to a session that is "{{state}}".',
    role_not_allowed: 'Only the section head (kasi) approves a jemput bola session.',
    captures_closed: 'On-site captures are recorded only for a session that is approved and not yet held.',
    not_on_roster: "This child is not on the session's roster.",
    nik_required: "The child's NIK is required for a child who is present.",
    birth_place_required: "The child's place of birth (as on the birth certificate) is required for a child who is present.",
    kk_required: 'The family card (KK) number is required for a child who is present.',
    documents_required: 'The birth certificate and the KK must have been checked by the officer (tick both).',
    kk_invalid: 'The family card (KK) number is not valid: check its 16 digits.',
    whatsapp_invalid: 'The WhatsApp number is not valid: write it like 0812 3456 7890.',
    contact_required: "The parent's WhatsApp number is unknown and the school has no contact number. Please enter the parent's WhatsApp number.",
    nothing_ready: 'No KIA of this session is ready to hand over yet.',
    photo_unknown: 'The photo was not found at this office. Please upload it again.',
    key_reused: "This submission key was already used for another child's data. The device needs to make a new key.",
  },
  list: {
    title: 'HAND-OVER LIST OF CHILD ID CARDS (KIA)',
    school: 'School',
    sessionDate: 'Jemput bola date',
    number: 'No.',
    name: "Child's name",
    nik: 'NIK',
    schoolClass: 'Class',
    ticket: 'Request number',
    count: 'KIA cards',
    place: 'Place',
    receivedBy: "Received by, the school's officer",
    handedOverBy: 'Handed over by, the head of the service section',
    signatureName: 'full name and signature',
  },
  status: {
    planned: 'Planned',
    approved: 'Approved',
    held: 'Held',
    closed: 'Closed',
    cancelled: 'Cancelled',
  },
} as const;

export default jemputBola;
