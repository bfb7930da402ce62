/** The guardian's WhatsApp notices of a home visit: planned, rescheduled, nobody at home. Pure. */
import { spokenDate } from '../delivery/messages.js';
import { t, type Locale } from '../i18n/i18n.js';

export const VISIT_NOTIFICATION_KINDS = ['request.visit_scheduled', 'request.visit_rescheduled', 'request.visit_not_home', 'request.visit_reminder'] as const;

export function visitNotification(kind: string, payload: Record<string, unknown>, ctx: { locale: Locale; officeName: string }) {
  if (!(VISIT_NOTIFICATION_KINDS as readonly string[]).includes(kind)) return undefined;
  const key = kind.slice('request.'.length);
  const { locale, officeName } = ctx;
  const ticket = String(payload.ticket ?? '');
  const params = {
    ticket,
    office: officeName,
    date: payload.date ? spokenDate(String(payload.date), locale) : '',
    time: `${String(payload.time ?? '')} ${String(payload.zone ?? '')}`.trim(),
  };
  return {
    text: t(locale, `visits.notify.${key}`, params),
    templateParams: [ticket, officeName, t(locale, `visits.notify.template_status.${key}`, params)],
  };
}
