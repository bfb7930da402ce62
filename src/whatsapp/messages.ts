/**
 * What goes over the wire: the bot's and staff's messages as Cloud API message objects, and the
 * request notifications either as free-form text (inside the 24-hour window) or as an approved
 * template (outside it). Pure.
 */
import { DOCUMENT_TYPE_LABELS, type DocumentType } from '../catalogue/vocabulary.js';
import { complaintNotification } from '../complaints/messages.js';
import { deliveryNotification } from '../delivery/messages.js';
import { jemputBolaNotification } from '../jemput-bola/messages.js';
import { visitNotification } from '../visits/messages.js';
import { t, type Locale } from '../i18n/i18n.js';
import { REJECT_REASON_LABELS, RETURN_REASON_LABELS } from '../requests/transition.js';
import type { OutboundMessage } from './dialogue-contract.js';
import { MESSAGE_LIMITS } from './message-limits.js';

// The dialogue already builds within Meta's limits; cutting here only guards the wire against a slip.
const LIMITS = MESSAGE_LIMITS;

export type TemplateRef = { name: string; language: string };
export type TemplateConfig = Record<string, TemplateRef>;

/** One template for every status change, one for verification codes: fewer templates to get approved. */
export const DEFAULT_TEMPLATES: TemplateConfig = {
  'request.*': { name: 'kencot_status_permohonan', language: 'id' },
  'verification.code': { name: 'kencot_kode_verifikasi', language: 'id' },
  // Pojok baca: a borrower rarely writes to the office first, so the reminder is mostly this template.
  'reading_corner.overdue': { name: 'kencot_pengingat_buku', language: 'id' },
  // Jemput Bola KIA: the office writes first to parents who never wrote to it (child, school, date, time, what to bring).
  'jemput_bola.notice': { name: 'kencot_jemput_bola', language: 'id' },
};

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** A free-form message object for `POST /{phone-number-id}/messages`, within Meta's limits. */
export function cloudMessage(to: string, message: OutboundMessage): Record<string, unknown> {
  const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
  const decoration = (m: { header?: string | undefined; footer?: string | undefined }) => ({
    ...(m.header ? { header: { type: 'text', text: cut(m.header, LIMITS.header) } } : {}),
    ...(m.footer ? { footer: { text: cut(m.footer, LIMITS.footer) } } : {}),
  });
  switch (message.type) {
    case 'text':
      return { ...envelope, type: 'text', text: { body: cut(message.text, LIMITS.textBody), preview_url: false } };
    case 'buttons':
      return {
        ...envelope,
        type: 'interactive',
        interactive: {
          type: 'button',
          ...decoration(message),
          body: { text: cut(message.body, LIMITS.interactiveBody) },
          action: {
            buttons: message.buttons.slice(0, LIMITS.buttons).map((b) => ({ type: 'reply', reply: { id: b.id.slice(0, 256), title: cut(b.title, LIMITS.buttonTitle) } })),
          },
        },
      };
    case 'list': {
      let left: number = LIMITS.listRows;
      const sections = message.sections
        .map((s) => {
          const rows = s.rows.slice(0, Math.max(0, left));
          left -= rows.length;
          return {
            ...(s.title ? { title: cut(s.title, LIMITS.sectionTitle) } : {}),
            rows: rows.map((r) => ({ id: r.id.slice(0, 200), title: cut(r.title, LIMITS.rowTitle), ...(r.description ? { description: cut(r.description, LIMITS.rowDescription) } : {}) })),
          };
        })
        .filter((s) => s.rows.length > 0);
      return {
        ...envelope,
        type: 'interactive',
        interactive: {
          type: 'list',
          ...decoration(message),
          body: { text: cut(message.body, LIMITS.interactiveBody) },
          action: { button: cut(message.button, LIMITS.listButton), sections },
        },
      };
    }
  }
}

export function templateMessage(to: string, template: TemplateRef, params: string[], codeButton?: string): Record<string, unknown> {
  // Template parameters may hold no line breaks, tabs or runs of spaces.
  const clean = (p: string) => p.replace(/\s+/g, ' ').trim().slice(0, 1000);
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.language },
      components: [
        { type: 'body', parameters: params.map((p) => ({ type: 'text', text: clean(p) })) },
        // Authentication templates carry the code again on their copy-code button.
        ...(codeButton ? [{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: codeButton }] }] : []),
      ],
    },
  };
}

/** Kinds of outbox row: request notifications (`request.*`), codes, and chat messages (`bot.reply`, `staff.reply`). */
export type NotificationContext = { locale: Locale; officeName: string };

type ReasonPayload = { code: keyof typeof RETURN_REASON_LABELS; document?: DocumentType; note?: string };

/** A request notification or a code, as text for the window and as template parameters outside it. */
export function notificationContent(kind: string, payload: Record<string, unknown>, ctx: NotificationContext): { text: string; templateParams: string[]; codeButton?: string } | undefined {
  const { locale, officeName } = ctx;
  if (kind === 'reading_corner.overdue') return overdueBookReminder(payload, ctx);
  const ticket = String(payload.ticket ?? '');
  if (kind === 'survey.invite') {
    // Outside the window: the status template, its status line asking for the survey.
    return { text: t(locale, 'survey.notify.invite', { ticket, office: officeName }), templateParams: [ticket, officeName, t(locale, 'survey.notify.template_status')] };
  }
  // Jujuk Dolanan's notices (on the way, rescheduled, back at the office): src/delivery/messages.ts.
  const delivery = deliveryNotification(kind, payload, ctx);
  if (delivery) return delivery;
  // Home visits' confirmations: src/visits/messages.ts.
  const visit = visitNotification(kind, payload, ctx);
  if (visit) return visit;
  // A complaint's answer: src/complaints/messages.ts.
  const complaint = complaintNotification(kind, payload, ctx);
  if (complaint) return complaint;
  // Jemput Bola KIA sessions' notice to parents: src/jemput-bola/messages.ts.
  const jemputBola = jemputBolaNotification(kind, payload, ctx);
  if (jemputBola) return jemputBola;
  const key = notificationKey(kind, payload);
  if (!key) return undefined;
  if (key === 'verification_code') {
    const code = String(payload.code ?? '');
    return { text: t(locale, 'whatsapp.notify.verification_code', { code }), templateParams: [code], codeButton: code };
  }
  if (key === 'pin_sent') {
    // Outside the window it goes as the authentication template: a code to copy, like a confirmation code.
    const pin = String(payload.pin ?? '');
    return { text: t(locale, 'whatsapp.notify.pin_sent', { ticket, pin }), templateParams: [pin], codeButton: pin };
  }
  const reasons = ((payload.reasons as ReasonPayload[] | undefined) ?? [])
    .map((r) => {
      const label = RETURN_REASON_LABELS[r.code]?.[locale] ?? r.code;
      const document = r.document ? DOCUMENT_TYPE_LABELS[r.document]?.[locale] : undefined;
      const line = document ? t(locale, 'whatsapp.notify.reason_line_document', { label, document }) : t(locale, 'whatsapp.notify.reason_line', { label });
      return r.note ? `${line} (${r.note})` : line;
    })
    .join('\n');
  const reject = payload.reason as { code: keyof typeof REJECT_REASON_LABELS; note?: string } | undefined;
  const reason = reject ? `${REJECT_REASON_LABELS[reject.code]?.[locale] ?? reject.code}${reject.note ? ` (${reject.note})` : ''}` : '';
  return {
    text: t(locale, `whatsapp.notify.${key}`, { ticket, reasons, reason, office: officeName }),
    templateParams: [ticket, officeName, t(locale, `whatsapp.notify.template_status.${key}`)],
  };
}

/** Pojok baca: a book not back by its due date (one reminder per loan, `reading-corner/service.ts`). */
function overdueBookReminder(payload: Record<string, unknown>, ctx: NotificationContext) {
  const due = new Intl.DateTimeFormat(ctx.locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${String(payload.dueOn)}T00:00:00Z`));
  const params = { name: String(payload.name ?? ''), title: String(payload.title ?? ''), due, office: String(payload.office ?? ctx.officeName) };
  return { text: t(ctx.locale, 'readingCorner.notify.overdue', params), templateParams: [params.name, params.title, params.due, params.office] };
}

function notificationKey(kind: string, payload: Record<string, unknown>): string | undefined {
  switch (kind) {
    case 'verification.code':
      return 'verification_code';
    case 'request.received':
    case 'request.returned':
    case 'request.rejected':
    case 'request.delivered':
    case 'request.cancelled':
    case 'request.pin_reissued':
    case 'request.pin_sent':
      return kind.slice('request.'.length);
    case 'request.ready':
      return payload.delivery === 'home_delivery' ? 'ready_home_delivery' : 'ready_pickup';
    default:
      return undefined;
  }
}

export function templateFor(templates: TemplateConfig, kind: string): TemplateRef | undefined {
  if (templates[kind]) return templates[kind];
  // A new PIN is a secret code: Meta wants those in an authentication template, not a utility one.
  if (kind === 'request.pin_sent') return templates['verification.code'];
  return kind.startsWith('request.') || kind === 'survey.invite' || kind === 'complaint.answered' ? templates['request.*'] : undefined;
}
