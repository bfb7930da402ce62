/** The satisfaction survey (IKM) on the portal and its results in the console, English. */
import ikm from '../../../src/i18n/locales/ikm.en.js';
import survey from '../../../src/i18n/locales/survey.en.js';
import type { SurveyMessages } from './survey.id.js';

const surveyWeb: SurveyMessages = {
  unsur: ikm.unsur as unknown as SurveyMessages['unsur'],
  grade: ikm.grade as unknown as SurveyMessages['grade'],
  profile: survey.profile as unknown as SurveyMessages['profile'],
  channel: survey.channel as unknown as SurveyMessages['channel'],
  form: {
    intro: 'This survey helps us improve our service. Your answers carry neither your name nor your phone number.',
    question: (n: number) => `Question ${n} of 9`,
    profileHeading: 'About you (optional)',
    notSaying: '— Prefer not to say —',
    suggestion: 'Suggestions (optional)',
    submit: 'Send the survey',
    sending: 'Sending…',
    missing: (name: string) => `Please choose an answer for "${name}".`,
    problemsHeading: 'Something is missing',
    thanks: 'Thank you. Your survey answers are saved and will help us improve the service.',
  },
  track: {
    heading: 'Satisfaction survey',
    invite: 'You have received the document. Would you answer a short satisfaction survey (9 questions, anonymous)?',
    open: 'Answer the satisfaction survey',
    answered: 'The survey for this request has been answered. Thank you.',
  },
  qr: {
    title: 'Public satisfaction survey',
    lead: (office: string) => `How was the service of ${office} today? Please take a moment to answer this survey.`,
    unknownOffice: 'We do not know this office. Please scan the QR code at the counter again.',
    again: 'Answer again for someone else',
  },
  results: {
    nav: 'Satisfaction survey (IKM)',
    title: 'Public Satisfaction Index (IKM)',
    office: 'Office',
    period: 'Period',
    periods: { month: 'Month', quarter: 'Quarter', semester: 'Semester', year: 'Year' },
    year: 'Year',
    which: { month: 'Month no.', quarter: 'Quarter no.', semester: 'Semester no.', year: '' },
    show: 'Show',
    span: (from: string, to: string) => `${from} to ${to}`,
    respondents: 'Respondents',
    population: 'Requests handed over in the period (population)',
    minimum: 'Minimum sample (Krejcie–Morgan)',
    enough: 'enough',
    short: (n: number) => `${n} respondents short`,
    none: 'No survey answers in this period yet.',
    tableCaption: 'Mean score (NRR) per unsur, in the regulation’s order',
    unsur: 'Unsur',
    nrr: 'NRR',
    summaryCaption: 'IKM and service grade',
    method: 'Method',
    exact: 'Weight 1/9 (the exact method, used for the grade)',
    w0111: 'Weight 0.111 (for comparison, as many agencies’ spreadsheets)',
    ikm: 'IKM',
    converted: 'Converted value',
    grade: 'Grade',
    priorities: 'Improvement priorities (lowest NRR first)',
    byChannel: 'By channel',
  },
};

export default surveyWeb;
