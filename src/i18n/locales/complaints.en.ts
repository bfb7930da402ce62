/** Complaints and suggestions: the chat, the notices and the refusals, in English. */
const complaints = {
  kind: { keluhan: 'Complaint', saran: 'Suggestion' },
  notify: {
    answered: 'Here is the answer of {{office}} to *{{number}}*:\n\n{{answer}}\n\nThank you for telling us. 🙏',
    template_status: 'your complaint has been answered: {{answer}}',
  },
  chat: {
    ask_keluhan:
      'We are sorry for the trouble. 🙏 Please write your complaint in *one message*: what happened, when and where (if it is about a request, give its number). It will get a number and an officer will answer it.',
    ask_saran: 'Thank you, your suggestion matters to us. Please write it in *one message*.',
    too_short: 'Please tell us a little more (at least {{min}} characters), so an officer can follow it up.',
    too_long: 'Please keep it to at most {{max}} characters in one message.',
    not_text: 'Please write it as a text message.',
    confirm: 'We will record this {{what}}:\n\n"{{body}}"\n\nSend it now?',
    send: 'Send',
    rewrite: 'Write again',
    cancel: 'Cancel',
    saving: 'Recording…',
    recorded: 'Thank you. Your {{what}} was received as number *{{number}}*. An officer will answer here on WhatsApp by *{{due}}*. To ask about it, send that number.',
    failed: 'Sorry, your {{what}} could not be recorded because of a system problem. Please try again shortly, or choose *Talk to staff*.',
    cancelled: 'All right, nothing was recorded.',
    start_keluhan: 'Write a complaint',
    start_saran: 'Write a suggestion',
    status_open: '*{{number}}* ({{what}}, {{received}}) is being followed up. Answer due by *{{due}}*.',
    status_answered: 'The answer to *{{number}}* ({{what}}, {{received}}):\n\n{{answer}}',
    not_yours: 'Number *{{number}}* was not found for this WhatsApp number.',
  },
  errors: {
    already_answered: 'This complaint has already been answered.',
    lookup_failed: 'The complaint number or PIN does not match. Please check them.',
  },
} as const;

export default complaints;
