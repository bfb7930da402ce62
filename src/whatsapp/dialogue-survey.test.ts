/** The satisfaction survey in the pure dialogue: one unsur a message, typed numbers and words, stop and resume, the command at the end. */
import { describe, expect, it } from 'vitest';
import { chat } from '../test-support/dialogue.js';

const pending = { surveys: [{ requestId: 'req-1', ticket: 'KBR-26-000001' }] };

describe('the survey in the chat', () => {
  it('answers "survei" as a first message with the first question and its four answer words numbered', () => {
    const c = chat({ context: pending });
    const first = c.say('survei');
    expect(first.text).toContain('Pertanyaan 1 dari 9 — Persyaratan');
    expect(first.titles).toEqual(['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai']);
  });

  it('reads the answer words as typed ("tidak sesuai" is the first, "mudah" the third, words of another question none), and ends with one command holding every answer', () => {
    const c = chat({ context: pending });
    c.say('survei');
    c.say('tidak sesuai');
    expect(c.say('sesuai').text).toContain('jawaban belum kami kenali');
    c.say('mudah');
    for (const typed of ['4', '4', '3', '3', '4', '2', '3']) c.say(typed);
    expect(c.last.text).toContain('data responden');
    c.say('lewati');
    expect(c.last.text).toContain('saran atau masukan');
    const end = c.say('lewati');
    expect(end.commands).toEqual([
      { type: 'record_survey', requestId: 'req-1', answers: { PERSYARATAN: 1, PROSEDUR: 3, WAKTU: 4, BIAYA: 4, PRODUK: 3, KOMPETENSI: 3, PERILAKU: 4, PENGADUAN: 2, SARPRAS: 3 }, profile: {} },
    ]);
  });

  it('keeps the answers through "menu" and a long pause, and resumes at the next question', () => {
    const c = chat({ context: pending });
    c.say('survei');
    c.say('3');
    c.say('2');
    expect(c.say('menu').text).not.toContain('Pertanyaan');
    c.wait(24 * 60);
    const resumed = c.say('survei');
    expect(resumed.text).toContain('dari pertanyaan 3');
    expect(resumed.text).toContain('Waktu penyelesaian');
  });

  it('says there is nothing to answer when no handed-over request awaits a survey', () => {
    expect(chat().say('survei').text).toContain('belum ada survei');
  });
});
