/** The citizen's WhatsApp notice that a complaint was answered: the answer itself in the window, a clipped one in the template. Pure. */
import { t, type Locale } from '../i18n/i18n.js';

/** Meta's template body holds 1,024 characters in all; the status line gets what the template's own words leave. */
const TEMPLATE_ANSWER_CHARS = 600;

export function complaintNotification(kind: string, payload: Record<string, unknown>, ctx: { locale: Locale; officeName: string }) {
  if (kind !== 'complaint.answered') return undefined;
  const number = String(payload.number ?? '');
  const answer = String(payload.answer ?? '');
  const clipped = answer.length > TEMPLATE_ANSWER_CHARS ? `${answer.slice(0, TEMPLATE_ANSWER_CHARS - 1).trimEnd()}…` : answer;
  return {
    text: t(ctx.locale, 'complaints.notify.answered', { number, office: ctx.officeName, answer }),
    templateParams: [number, ctx.officeName, t(ctx.locale, 'complaints.notify.template_status', { answer: clipped, number })],
  };
}
