import type visitsId from './visits.id.js';

/** Home visits on the console's request page, in English. */
const visits: typeof visitsId = {
  heading: 'Home visit',
  intro: 'The applicant asked officers to come to the home for a service that needs the person present (such as KTP-el recording). Plan it within opening hours; the applicant gets a confirmation and a reminder on WhatsApp.',
  none: 'No visit planned yet.',
  planned: 'Planned',
  outcomes: { done: 'Done', not_home: 'Nobody at home', rescheduled: 'Rescheduled' },
  when: (date: string, time: string) => `${date}, at ${time}`,
  duration: (n: number) => `${n} minutes`,
  officers: 'Officers who go',
  equipment: 'Equipment to take',
  equipmentNames: {
    perekam_ktp_el: 'KTP-el enrolment kit',
    kamera: 'Camera',
    laptop: 'Laptop with SIAK access',
    pemindai_sidik_jari: 'Fingerprint scanner',
    pemindai_iris: 'Iris scanner',
    printer: 'Printer',
    latar_foto: 'Photo backdrop',
  },
  formHeading: 'Plan a visit',
  date: 'Date',
  time: 'Start time',
  minutes: 'Expected length (minutes)',
  schedule: 'Plan and send the confirmation',
  scheduled: "Visit planned. The confirmation was sent to the applicant's WhatsApp.",
  missing: 'Please fill in the date and time and choose at least one officer.',
  outcomeHeading: 'Outcome of the visit',
  outcome: 'Outcome',
  reason: 'Why it is rescheduled',
  newDate: 'New date',
  newTime: 'New time',
  saveOutcome: 'Save the outcome',
  outcomeSaved: 'The outcome of the visit is recorded.',
};

export default visits;
