/** What the citizen portal's public API says (phone codes, applying, tracking), in English. */
const citizen = {
  errors: {
    phone_invalid: 'That WhatsApp number is not valid. Write an Indonesian mobile number, for example 0812 2700 1234.',
    code_limit: 'A code has been sent to this number 3 times in the last hour. Please wait until {{until}}, then ask for a new code.',
    code_wrong: 'Wrong code. Tries left: {{left}}.',
    code_used_up: 'A wrong code was entered 5 times, so this code no longer works. Please ask for a new code.',
    code_expired: 'This code no longer works (more than 10 minutes old, or already used). Please ask for a new code.',
    token_missing: 'Please confirm your WhatsApp number first.',
    token_invalid: 'Your session has ended. Please confirm your WhatsApp number again (what you typed is kept).',
    tracking_token_invalid: 'Your tracking session has ended. Please enter the ticket number and PIN again.',
    service_not_online: 'This service cannot be applied for online because it needs you in person (for example fingerprints and a photo). Please come to the kecamatan office. For people with disabilities and the elderly an officer can come to the home: choose the special service with “An officer visits the home”.',
    not_eligible: 'Going by the details given, this application does not qualify. {{reason}}',
    nik_required: 'The NIK is required for this service.',
    documents_missing: 'These documents are not attached yet: {{documents}}.',
    attachment_not_yours: 'One of the attachments was not recognised. Please upload that document again.',
    applications_limit: 'One WhatsApp number confirmation can be used for at most {{limit}} applications. Please confirm the number again for the next one (what you typed is kept).',
    tracking_failed: 'The ticket number or PIN does not match. Please check your receipt, or ask for a new PIN on WhatsApp with "Forgot PIN".',
  },
  nik: {
    format: 'A NIK has 16 digits.',
    province_unknown: 'The first 2 digits of the NIK are not an Indonesian province code.',
    day_invalid: 'The birth day in the NIK (digits 7 and 8) is not valid.',
    month_invalid: 'The birth month in the NIK (digits 9 and 10) is not valid.',
    date_invalid: 'The birth date in the NIK (digits 7 to 12) is not a real date.',
    serial_zero: 'The last 4 digits of the NIK cannot be 0000.',
  },
} as const;

export default citizen;
