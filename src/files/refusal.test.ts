import { describe, expect, it } from 'vitest';
import { t } from '../i18n/i18n.js';
import { uploadRefusal } from './service.js';

describe('a refused upload says what was wrong', () => {
  it('a pixel bomb: the picture\'s pixels and the limit, not the file size', () => {
    const refusal = uploadRefusal('too_many_pixels', 10 * 1024 * 1024, { width: 60000, height: 60000 });
    expect(refusal).toMatchObject({ code: 'upload_too_many_pixels', status: 422 });
    expect(t('id', refusal.messageKey, refusal.params)).toMatch(/^Gambar terlalu besar ukurannya: 60000 × 60000 piksel \(sekitar 3600 juta piksel\), sedangkan batasnya 50 juta piksel\./);
    expect(t('en', refusal.messageKey, refusal.params)).toMatch(/^The picture is too large: 60000 × 60000 pixels \(about 3600 megapixels\); at most 50 megapixels/);
    expect(t('en', refusal.messageKey, refusal.params)).not.toContain('10 MB');
  });

  it('a PDF that inflates too far: the bound on its content', () => {
    const refusal = uploadRefusal('pdf_too_large', 10 * 1024 * 1024);
    expect(t('en', refusal.messageKey, refusal.params)).toContain('more than 100 MB');
  });
});
