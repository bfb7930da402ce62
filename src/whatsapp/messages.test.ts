import { describe, expect, it } from 'vitest';
import { messageLimitViolations } from './message-limits.js';
import { cloudMessage, DEFAULT_TEMPLATES, notificationContent, templateFor, templateMessage } from './messages.js';

describe('cloudMessage', () => {
  it('builds a list message within Meta’s limits even from an oversized one', () => {
    const rows = Array.from({ length: 14 }, (_, i) => ({ id: `r${i}`, title: `Baris yang judulnya terlalu panjang ${i}`, description: 'x'.repeat(100) }));
    const body = cloudMessage('6281200000001', { type: 'list', body: 'Pilih', button: 'Pilihan layanan kecamatan', sections: [{ title: 'A', rows: rows.slice(0, 7) }, { title: 'B', rows: rows.slice(7) }] }) as any; // any: Cloud API JSON
    const all = body.interactive.action.sections.flatMap((s: { rows: unknown[] }) => s.rows);
    expect(all).toHaveLength(10);
    expect(all.every((r: { title: string; description: string }) => r.title.length <= 24 && r.description.length <= 72)).toBe(true);
    expect(body.interactive.action.button.length).toBeLessThanOrEqual(20);
  });
  it('keeps reply buttons as given when they fit', () => {
    const message = { type: 'buttons' as const, body: 'Benar?', buttons: [{ id: 'nik:yes', title: 'Ya, benar' }, { id: 'nik:no', title: 'Bukan' }] };
    expect(messageLimitViolations(message)).toEqual([]);
    expect(cloudMessage('62812', message)).toMatchObject({ type: 'interactive', interactive: { type: 'button', action: { buttons: [{ type: 'reply', reply: { id: 'nik:yes', title: 'Ya, benar' } }, { type: 'reply', reply: { id: 'nik:no', title: 'Bukan' } }] } } });
  });
});

describe('notifications', () => {
  it('tells what to fix when a request is returned, by document, in Indonesian and English', () => {
    const payload = { ticket: 'KBR-26-000007', reasons: [{ code: 'unreadable_document', document: 'kk', note: 'buram' }, { code: 'data_mismatch' }] };
    const id = notificationContent('request.returned', payload, { locale: 'id', officeName: 'Kecamatan Kembaran' })!;
    expect(id.text).toContain('*KBR-26-000007* perlu dilengkapi');
    expect(id.text).toContain('• Dokumen kurang jelas atau tidak terbaca: Kartu Keluarga (KK) (buram)');
    expect(id.text).toContain('• Data tidak sesuai dengan dokumen');
    expect(id.templateParams).toEqual(['KBR-26-000007', 'Kecamatan Kembaran', 'perlu dilengkapi, silakan balas pesan ini untuk rinciannya']);
    expect(notificationContent('request.returned', payload, { locale: 'en', officeName: 'Kecamatan Kembaran' })!.text).toContain('needs completing');
  });
  it('says where to collect a ready document, or that it will be delivered', () => {
    expect(notificationContent('request.ready', { ticket: 'T', delivery: 'pickup' }, { locale: 'id', officeName: 'Kecamatan Kembaran' })!.text).toContain('dapat diambil di Kecamatan Kembaran');
    expect(notificationContent('request.ready', { ticket: 'T', delivery: 'home_delivery' }, { locale: 'id', officeName: 'K' })!.text).toContain('mengantarkannya ke rumah');
  });
  it('warns the applicant that the PIN was replaced, in the template too, without the PIN', () => {
    const id = notificationContent('request.pin_reissued', { kind: 'pin_reissued', ticket: 'KBR-26-000007' }, { locale: 'id', officeName: 'Kecamatan Kembaran' })!;
    expect(id.text).toContain('PIN pelacakan permohonan *KBR-26-000007* telah diganti di Kecamatan Kembaran');
    expect(id.text).toContain('Bila Bapak/Ibu tidak memintanya');
    expect(id.templateParams[2]).toBe('PIN pelacakan sudah diganti dan tanda terima baru dicetak, PIN lama tidak berlaku lagi');
    expect(templateFor(DEFAULT_TEMPLATES, 'request.pin_reissued')).toEqual({ name: 'kencot_status_permohonan', language: 'id' });
  });
  it('sends a new PIN as a code to copy, and outside the window as the authentication template', () => {
    const content = notificationContent('request.pin_sent', { kind: 'pin_sent', ticket: 'KBR-26-000007', pin: '482915' }, { locale: 'id', officeName: 'K' })!;
    expect(content.text).toContain('PIN baru untuk melacak permohonan *KBR-26-000007*: *482915*');
    // It says what it is, and that ignoring it keeps the old PIN (a stranger may have pressed "Lupa PIN").
    expect(content.text).toContain('PIN lama tetap berlaku sampai PIN baru ini dipakai');
    expect(content).toMatchObject({ templateParams: ['482915'], codeButton: '482915' });
    expect(templateFor(DEFAULT_TEMPLATES, 'request.pin_sent')).toEqual(DEFAULT_TEMPLATES['verification.code']);
  });
  it('knows nothing of other kinds', () => {
    expect(notificationContent('newsletter.weekly', {}, { locale: 'id', officeName: 'K' })).toBeUndefined();
  });
  it('invites to the satisfaction survey as text, and outside the window through the status template', () => {
    const content = notificationContent('survey.invite', { kind: 'survey_invite', ticket: 'KBR-26-000007' }, { locale: 'id', officeName: 'Kecamatan Kembaran' })!;
    expect(content.text).toContain('permohonan *KBR-26-000007*');
    expect(content.text).toContain('Balas *survei*');
    expect(content.templateParams).toEqual(['KBR-26-000007', 'Kecamatan Kembaran', expect.stringContaining('survei')]);
    expect(templateFor(DEFAULT_TEMPLATES, 'survey.invite')).toEqual(DEFAULT_TEMPLATES['request.*']);
  });
  it('finds the template for a kind, falling back to the one for every status change', () => {
    expect(templateFor(DEFAULT_TEMPLATES, 'request.ready')).toEqual({ name: 'kencot_status_permohonan', language: 'id' });
    expect(templateFor(DEFAULT_TEMPLATES, 'bot.reply')).toBeUndefined();
  });
  it('puts template parameters on one line', () => {
    const body = templateMessage('62812', { name: 'x', language: 'id' }, ['a\nb\t  c']) as any; // any: Cloud API JSON
    expect(body.template.components[0].parameters[0].text).toBe('a b c');
  });
});
