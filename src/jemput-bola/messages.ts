/**
 * The parents' WhatsApp notice of a Jemput Bola session, sent when the kasi approves it. The
 * office writes first and the parents rarely have a conversation open, so outside the 24-hour
 * window it goes as its own template (`kencot_jemput_bola`: child, school, date, time, what to
 * bring). Pure.
 */
import { spokenDate } from '../delivery/messages.js';
import { t, type Locale } from '../i18n/i18n.js';

export const JEMPUT_BOLA_NOTICE = 'jemput_bola.notice';

export type NoticePayload = { child: string; school: string; date: string; time: string; zone: string; photoOnSite: boolean };

export function jemputBolaNotification(kind: string, payload: Record<string, unknown>, ctx: { locale: Locale; officeName: string }) {
  if (kind !== JEMPUT_BOLA_NOTICE) return undefined;
  const { locale, officeName } = ctx;
  const child = String(payload.child ?? '');
  const school = String(payload.school ?? '');
  const date = payload.date ? spokenDate(String(payload.date), locale) : '';
  const time = `${String(payload.time ?? '')} ${String(payload.zone ?? '')}`.trim();
  const photoOnSite = payload.photoOnSite === true;
  return {
    text: t(locale, 'jemputBola.notify.notice', { child, office: officeName, school, date, time, photo: photoOnSite ? t(locale, 'jemputBola.notify.photo_on_site') : '' }),
    templateParams: [child, school, date, time, t(locale, photoOnSite ? 'jemputBola.notify.bring_with_photo' : 'jemputBola.notify.bring')],
  };
}
