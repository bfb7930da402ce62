/** Pojok baca (issue 13): the reading corner's refusals and the overdue reminder, in English. */
const readingCorner = {
  field: {
    isbn_format: 'This is not an ISBN. Please type the 10 or 13 digits printed on the back cover or the copyright page, e.g. 978-602-03-3295-6.',
    isbn_check_digit: 'This ISBN is not valid: its last digit (the check digit) does not match. Please check the digits again; two may be swapped or mistyped.',
    isbn_exists: 'A book with this ISBN is already in the catalogue ("{{title}}"). For another donated copy of it, please add to its copies instead.',
    copies_below_lent: 'The copies cannot be fewer than those lent out now ({{lent}}).',
    phone_invalid: "The borrower's WhatsApp number is not valid. Example: 0812 2700 1234.",
    day_future: 'Visitors are counted for today or a past day only.',
    day_too_old: 'Visitors can be counted or corrected up to {{days}} days back.',
  },
  errors: {
    no_copy_available: 'Every copy of "{{title}}" is lent out. Please offer another book or wait until one is returned.',
    already_returned: 'This book has already been recorded as returned.',
    period_invalid: 'The dates are not valid: the first must come before the last.',
    month_invalid: 'The month is not valid. Example: 2026-11.',
  },
  notify: {
    overdue:
      'Dear {{name}}, the book "{{title}}" you borrowed from the reading corner of {{office}} was due back on {{due}}. Please bring it back to the waiting room of the kecamatan office during service hours. If you need more time, please tell an officer. Thank you.',
  },
} as const;

export default readingCorner;
