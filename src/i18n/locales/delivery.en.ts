/** Jujuk Dolanan (home delivery): what the citizen is told and the kurir's refusals, in English. */
const delivery = {
  notify: {
    delivery_on_the_way:
      "The courier of {{office}} is on the way to your address with the document for application *{{ticket}}*. Please make sure someone is at home to receive it. Thank you. 🙏",
    delivery_rescheduled:
      "We are sorry, we could not hand over the document for application *{{ticket}}* today ({{reason}}). The courier will come again on {{date}}. If the address or the number to call should change, please reply to this message.",
    delivery_returned:
      'We are sorry, we could not deliver the document for application *{{ticket}}* after several visits, so it is kept at {{office}} again. You can collect it at {{address}} during opening hours by showing this ticket number.',
    template_status: {
      delivery_on_the_way: 'the courier is on the way to your address with the document',
      delivery_rescheduled: 'the document could not be handed over today, the courier will come again',
      delivery_returned: 'the document was returned to the kecamatan office and can be collected during opening hours',
    },
  },
  errors: {
    task_closed: 'This delivery is finished, or its document no longer waits to be delivered.',
    position_without_consent: 'The position may only be kept when the receiver has agreed.',
    received_in_future: 'The hand-over time cannot be in the future.',
    note_required: 'Please write the reason when choosing "Other reason".',
    proof_missing: 'Please upload the hand-over photo first.',
    route_mismatch: "The route order must hold every task of today, each once. Please reload the page.",
  },
} as const;

export default delivery;
