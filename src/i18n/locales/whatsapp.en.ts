/** What the WhatsApp channel itself says (notifications, staff hand-off), in English. */
const whatsapp = {
  notify: {
    received:
      'We have received your application, ticket number *{{ticket}}*. An officer will check your documents and keep you posted on this WhatsApp number.',
    returned:
      'Sorry, application *{{ticket}}* needs completing first:\n{{reasons}}\n\nYou can fix it right here: type *menu* and choose *Check status*. You can also use the Track Application page with your ticket number and PIN.',
    rejected:
      'Sorry, we cannot process application *{{ticket}}*.\nReason: {{reason}}\n\nIf you have questions, reply to this message or visit the kecamatan office.',
    ready_pickup:
      'Good news! The document for application *{{ticket}}* is ready and can be collected at {{office}} during office hours. Please show this ticket number to the officer.',
    ready_home_delivery:
      'Good news! The document for application *{{ticket}}* is ready. Our officer will deliver it to your home and call this number first.',
    delivered: 'The document for application *{{ticket}}* has been handed over. Thank you for using the services of {{office}}. 🙏',
    cancelled: 'Application *{{ticket}}* has been cancelled. Type *menu* if you would like to make a new application.',
    pin_sent:
      'New PIN to track application *{{ticket}}*: *{{pin}}*\nIt was sent because someone pressed "Forgot PIN" on the Track Application page. The old PIN keeps working until this new one is used; the new PIN is valid for 24 hours. Do not share it with anyone, officers included. If you did not ask for it, simply ignore this message: your old PIN still works.',
    pin_reissued:
      'The tracking PIN of application *{{ticket}}* was replaced at {{office}} and a new receipt was printed. The old PIN no longer works. If you did not ask for this, please contact the kecamatan office at once.',
    verification_code: 'Your application verification code: *{{code}}*\nValid for 10 minutes. Do not share this code with anyone, officers included.',
    reason_line: '• {{label}}',
    reason_line_document: '• {{label}}: {{document}}',
    template_status: {
      received: 'has been received',
      returned: 'needs completing, please reply to this message for details',
      rejected: 'cannot be processed, please reply to this message for details',
      ready_pickup: 'the document is ready for collection at the kecamatan office',
      ready_home_delivery: 'the document is ready and will be delivered to your home',
      delivered: 'the document has been handed over',
      cancelled: 'has been cancelled',
      pin_reissued: 'its tracking PIN was replaced and a new receipt printed, the old PIN no longer works',
    },
  },
  apology: 'Sorry, our system is having trouble and could not process your message. An officer will help you as soon as possible. Type *menu* to try again.',
  handed_back: 'Thank you, your conversation with our officer has ended. Type *menu* to see our automatic services.',
  handed_back_resume: 'Thank you, your conversation with our officer has ended. Your unfinished application is still saved: type *1* to continue it, or *2* to start over.',
  taken_over: 'Hello, I am {{name}}, an officer of {{office}}. I will help you in this chat.',
  errors: {
    window_closed:
      'More than 24 hours have passed since the citizen last wrote, so WhatsApp only allows template messages. Please call the citizen or wait until they write again.',
    bad_signature: 'Invalid webhook signature.',
    not_json: 'The webhook body is not valid JSON.',
  },
  staff_alert: {
    no_template: 'The notification could not be sent: more than 24 hours have passed since the applicant last wrote and no approved template is configured.',
    undeliverable: 'The message cannot be delivered to this number.',
  },
} as const;

export default whatsapp;
