/** Personal data (UU PDP): retention runs and data-subject requests, in English. */
const privacy = {
  errors: {
    anonymised: 'The personal data of this request has been anonymised, so it can no longer be changed and there is no number to contact.',
  },
  refusals: {
    request_open: 'The request is still being processed. Please cancel it first if the person wants it erased.',
    archive_period: 'The document has been issued, so the request must be kept as a service record until {{until}}. It is anonymised automatically after that.',
    loan_open: 'A reading-corner book is still on loan. The borrower\'s details are erased once it is returned.',
  },
  cli: {
    none: 'No personal data has reached the end of its retention period.',
    request_personal: '{{count}} request(s) anonymised.',
    chat_message: '{{count}} WhatsApp message(s) blanked.',
    conversations: '{{count}} idle WhatsApp conversation(s) deleted.',
    phone_verification: '{{count}} phone verification code(s) deleted.',
    outbox_payload: '{{count}} outgoing message(s) blanked.',
    audit_details: '{{count}} audit entr(y/ies) stripped of personal data.',
  },
} as const;

export default privacy;
