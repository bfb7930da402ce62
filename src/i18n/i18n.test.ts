import { describe, expect, it } from 'vitest';
import en from './locales/en.js';
import id from './locales/id.js';
import { localeFromAcceptLanguage, t } from './i18n.js';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('translation catalogues', () => {
  it('English has exactly the keys of Indonesian', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });

  it('interpolates parameters', () => {
    expect(t('id', 'errors.username_taken', { username: 'sari' })).toBe('Nama pengguna "sari" sudah dipakai.');
    expect(t('en', 'errors.upload.too_large', { limit: '10 MB' })).toContain('10 MB');
  });
});

describe('language negotiation', () => {
  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['en-US,en;q=0.9', 'en'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    ['fr-FR,en;q=0.5', 'en'],
    ['jv', 'id'],
    ['en;q=0, id', 'id'],
    ['de', 'id'],
  ])('%s → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
