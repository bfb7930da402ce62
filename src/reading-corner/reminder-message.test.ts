/** The overdue reminder's words: polite Indonesian first, English for a conversation held in English; the template's parameters. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, notificationContent, templateFor } from '../whatsapp/messages.js';
import { OVERDUE_REMINDER } from './service.js';

const payload = { name: 'Siti Aminah', title: 'Laskar Pelangi', dueOn: '2026-11-30', office: 'Kecamatan Kembaran' };

describe('the overdue book reminder', () => {
  it('inside the window: a polite text naming the book, the due date in words and where to bring it', () => {
    const content = notificationContent(OVERDUE_REMINDER, payload, { locale: 'id', officeName: 'Kecamatan Kembaran' })!;
    expect(content.text).toMatch(/^Yth\. Bapak\/Ibu Siti Aminah, buku "Laskar Pelangi" yang Bapak\/Ibu pinjam dari Pojok Baca Kecamatan Kembaran seharusnya dikembalikan pada 30 November 2026\./);
    expect(content.text).toMatch(/Terima kasih\.$/);
    const english = notificationContent(OVERDUE_REMINDER, payload, { locale: 'en', officeName: 'Kecamatan Kembaran' })!;
    expect(english.text).toMatch(/was due back on 30 November 2026/);
  });

  it('outside it: its own approved template, with name, title, due date and office as parameters', () => {
    expect(templateFor(DEFAULT_TEMPLATES, OVERDUE_REMINDER)).toEqual({ name: 'kencot_pengingat_buku', language: 'id' });
    expect(notificationContent(OVERDUE_REMINDER, payload, { locale: 'id', officeName: 'x' })!.templateParams).toEqual(['Siti Aminah', 'Laskar Pelangi', '30 November 2026', 'Kecamatan Kembaran']);
  });
});
