/** Home visits: what the guardian is told and the refusals, in English. */
const visits = {
  notify: {
    visit_scheduled:
      'Officers of {{office}} will visit your home for application *{{ticket}}* on {{date}} at {{time}}. Please make sure the person concerned is at home. If the time does not suit you, please reply to this message.',
    visit_rescheduled:
      'The home visit of {{office}} for application *{{ticket}}* is moved to {{date}} at {{time}}. If the time does not suit you, please reply to this message.',
    visit_not_home:
      'We are sorry, officers of {{office}} visited for application *{{ticket}}* but nobody was at home. An officer will contact you to arrange the next visit.',
    visit_reminder:
      'Reminder: tomorrow, {{date}} at {{time}}, officers of {{office}} will visit your home for application *{{ticket}}*. Please make sure the person concerned is at home. If that is not possible, please reply to this message.',
    template_status: {
      visit_reminder: 'reminder: officers will visit tomorrow, {{date}} at {{time}}',
      visit_scheduled: 'officers will visit your home on {{date}} at {{time}}',
      visit_rescheduled: 'the home visit is moved to {{date}} at {{time}}',
      visit_not_home: 'officers visited but nobody was at home',
    },
  },
  errors: {
    in_the_past: 'The visit must be after now.',
    outside_office_hours: "The visit must start and end within the office's opening hours on a working day.",
    reason_required: 'Please write why the visit is rescheduled.',
    new_time_required: 'Please give the new time of the visit.',
    visit_closed: 'The outcome of this visit is already recorded.',
    request_closed: 'This application is already closed.',
    not_asked: 'The applicant did not ask for a home visit for this application.',
    officer_unknown: 'An officer chosen is unknown or not active in this office.',
  },
} as const;

export default visits;
