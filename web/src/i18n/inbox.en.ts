import type inboxId from './inbox.id.js';

/** The staff console's WhatsApp inbox, in English. */
const inbox: typeof inboxId = {
  nav: 'WhatsApp',
  title: 'WhatsApp inbox',
  intro: 'Citizens’ conversations with the WIS ORA KENCOT service. Those asking for an officer come first.',
  listLabel: 'Conversations',
  empty: 'No WhatsApp conversations yet.',
  choose: 'Choose a conversation on the left to read it.',
  waiting: 'Waiting for an officer',
  unread: (n: number) => `${n} unread ${n === 1 ? 'message' : 'messages'}`,
  modeBot: 'Handled by the bot',
  modeStaff: 'Handled by an officer',
  threadLabel: (name: string) => `Conversation with ${name}`,
  from: { pemohon: 'Citizen', bot: 'Bot', staff: 'Officer', system: 'Notification' },
  status: { pending: 'waiting to be sent', sending: 'sending', sent: 'sent', delivered: 'delivered', read: 'read', failed: 'not delivered' },
  refused: { too_large: 'file too large', unsupported_type: 'file type not accepted', unreadable: 'file unreadable', pdf_active_content: 'PDF contains scripts', empty: 'empty file', download_failed: 'download failed' },
  document: 'Document',
  kinds: { image: '📷 Photo', document: '📎 Document', audio: '🎤 Voice note', location: '📍 Location', reaction: 'Reaction', sticker: 'Sticker' },
  request: (ticket: string) => `Related application: ${ticket}`,
  takeOver: 'Take over from the bot',
  handBack: 'Hand back to the bot',
  reply: 'Reply',
  replyHint: 'Sent from the office’s WhatsApp number on behalf of the officer.',
  send: 'Send reply',
  sending: 'Sending…',
  windowClosed:
    'More than 24 hours have passed since the citizen last wrote, so WhatsApp does not allow a free reply. Call the citizen, or wait until they write again.',
  sent: 'The reply is queued for sending.',
};

export default inbox;
