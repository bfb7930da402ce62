import type simulatorId from './simulator.id.js';

/** The WhatsApp simulator page, in English. */
const simulator: typeof simulatorId = {
  title: 'WhatsApp simulator',
  intro:
    'This page imitates the WhatsApp app so the WIS ORA KENCOT service can be tried without a Meta account. Each message is posted to this server as a signed Cloud API webhook, and the bot’s replies are read from a local Graph API stand-in — the same code path as real WhatsApp.',
  office: 'Kecamatan office',
  phone: 'Citizen’s WhatsApp number (62…)',
  phoneHint:
    'This number belongs to this browser: only you can read its messages. Use it in the web application form too, to receive the code. A number already used by a citizen or another device cannot be used.',
  name: 'WhatsApp profile name',
  chatLabel: 'Conversation',
  empty: 'No messages yet. Try sending "hello".',
  you: 'You',
  bot: 'Kecamatan',
  message: 'Message',
  send: 'Send',
  attach: 'Send a photo or PDF',
  voice: 'Send a voice note',
  location: 'Send location',
  sticker: 'Send a sticker',
  openList: 'Open choices',
  template: (name: string) => `Template message "${name}"`,
  status: { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed' },
  sending: 'Sending…',
  voiceNote: '🎤 Voice note',
  locationNote: '📍 Location',
  stickerNote: 'Sticker',
  fileNote: (name: string) => `📎 ${name}`,
};

export default simulator;
