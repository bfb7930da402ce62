/** The citizen's WhatsApp notices of a home delivery, as text inside the window and template parameters outside it. Pure. */
import { t, type Locale } from '../i18n/i18n.js';
import { FAILURE_REASON_LABELS, type FailureReason } from './delivery.js';

export const DELIVERY_NOTIFICATION_KINDS = ['request.delivery_on_the_way', 'request.delivery_rescheduled', 'request.delivery_returned'] as const;

/** A calendar date (YYYY-MM-DD) as people say it: "Selasa, 24 November 2026". */
export function spokenDate(date: string, locale: Locale): string {
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

export function deliveryNotification(kind: string, payload: Record<string, unknown>, ctx: { locale: Locale; officeName: string }) {
  if (!(DELIVERY_NOTIFICATION_KINDS as readonly string[]).includes(kind)) return undefined;
  const key = kind.slice('request.'.length);
  const { locale, officeName } = ctx;
  const ticket = String(payload.ticket ?? '');
  const reasonCode = payload.reason as FailureReason | undefined;
  const params = {
    ticket,
    office: officeName,
    address: String(payload.address ?? officeName),
    date: payload.date ? spokenDate(String(payload.date), locale) : '',
    reason: reasonCode ? (FAILURE_REASON_LABELS[reasonCode]?.[locale] ?? reasonCode).toLowerCase() : '',
  };
  return {
    text: t(locale, `delivery.notify.${key}`, params),
    templateParams: [ticket, officeName, t(locale, `delivery.notify.template_status.${key}`)],
  };
}
