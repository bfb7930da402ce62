/** The IKM survey around the regulation's questions (those are in ikm.en.ts): profile, chat, invitations, errors. */
const survey = {
  profile: {
    ageBand: { label: 'Age', options: { u20: 'Under 20', '20_29': '20–29', '30_39': '30–39', '40_49': '40–49', '50_59': '50–59', '60_plus': '60 or older' } },
    sex: { label: 'Sex', options: { L: 'Male', P: 'Female' } },
    education: { label: 'Education', options: { sd: 'Primary school or less', smp: 'Junior high school', sma: 'Senior high school', diploma: 'Diploma (D1–D4)', s1: 'Bachelor’s degree', s2_plus: 'Master’s or higher' } },
    occupation: { label: 'Occupation', options: { pns: 'Civil servant', tni_polri: 'Military/police', swasta: 'Private employee', wirausaha: 'Self-employed', pelajar: 'Student', lainnya: 'Other' } },
  },
  channel: { whatsapp: 'WhatsApp', portal: 'Portal', qr: 'QR code at the counter' },
  errors: {
    already_answered: 'The survey for this request has already been answered. Thank you.',
    not_handed_over: 'The survey can be answered once the document has been handed over to you.',
    period_invalid: 'Unknown period: month 1–12, quarter 1–4, semester 1–2.',
  },
  notify: {
    invite:
      'How was our service for request *{{ticket}}*? Help {{office}} improve by answering a short satisfaction survey (9 questions, anonymous). Reply *survey* to start. Thank you.',
    template_status: 'Please answer our satisfaction survey: reply *survey*.',
  },
  chat: {
    saving: 'One moment, we are saving your survey answers…',
    intro: 'Thank you for answering the satisfaction survey for request *{{ticket}}*. There are 9 questions; your answers carry neither your name nor your number. Type *stop* at any time to continue later.',
    resumed: 'Let us continue the survey for request *{{ticket}}* from question {{number}}.',
    question: '*Question {{number}} of 9 — {{name}}*\n{{question}}',
    choose: 'Choose an answer',
    answers_section: 'Answers',
    not_an_answer: 'Sorry, we did not recognise that answer. Please type a number from 1 to 4 or the answer’s words.',
    profile_ask: 'Thank you. May we ask a little about you (age, sex, education, occupation)? It is voluntary and anonymous.',
    profile_yes: 'Yes',
    profile_skip: 'Skip',
    profile_question: '*{{label}}*',
    skip_row: 'Prefer not to say',
    suggestion_ask: 'Finally: do you have a suggestion for our service? Please type it, or type *skip*.',
    suggestion_too_long: 'Please keep your suggestion shorter (at most {{max}} characters).',
    thanks: 'Thank you. Your survey answers for request *{{ticket}}* are saved and will help {{office}} improve its service.',
    already_answered: 'You have already answered the survey for request *{{ticket}}*. Thank you.',
    paused: 'All right, your survey is kept up to question {{number}}. Type *survey* at any time to continue.',
    none_pending: 'There is no survey for you at the moment. The survey is sent after a request’s document is handed over.',
    failed: 'Sorry, we could not save your survey answers. Please type *survey* to try again.',
  },
} as const;

export default survey;
