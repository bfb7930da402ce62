/** The tracking page's word on a home delivery (Jujuk Dolanan): scheduled for a day, on the way, delivered, or back at the office. */
import { useT } from '../../i18n/index.js';
import type { TrackedDelivery } from './api.js';
import { formatDateTime, useLang } from './shared.js';

/** A calendar date (YYYY-MM-DD) as people say it, with the weekday. */
function spokenDate(date: string, lang: 'id' | 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

export function DeliveryStatus({ delivery, tz }: { delivery: TrackedDelivery; tz: string }) {
  const t = useT().delivery;
  const lang = useLang();
  const words =
    delivery.state === 'scheduled' && delivery.scheduledFor
      ? t.track.scheduled(spokenDate(delivery.scheduledFor, lang))
      : delivery.state === 'on_the_way'
        ? t.track.on_the_way
        : delivery.state === 'delivered' && delivery.deliveredAt
          ? t.track.delivered(formatDateTime(delivery.deliveredAt, lang, tz))
          : delivery.state === 'returned_to_office'
            ? t.track.returned_to_office
            : undefined;
  return (
    <div className="delivery-status">
      <h3 id="delivery-status-heading">{t.track.heading}</h3>
      {words && <p className={delivery.state === 'returned_to_office' ? 'alert alert-error' : 'alert alert-success'}>{words}</p>}
      {delivery.failedAttempts > 0 && delivery.state !== 'delivered' && (
        <p>{t.track.failedBefore(delivery.failedAttempts, (delivery.lastFailureReason && t.reasons[delivery.lastFailureReason]) || '')}</p>
      )}
    </div>
  );
}
