import { describe, expect, it } from 'vitest';
import { chat, kembaranServices } from '../test-support/dialogue.js';
import { differsForForeigners } from './dialogue-catalogue.js';

describe('requirements for citizens and foreigners', () => {
  it('shows a citizen the KIA requirements without passport and KITAP, and the WNA list on "WNA"', () => {
    const c = chat();
    c.say('halo');
    c.tap('m:info');
    c.tap('cat:kia');
    const info = c.tap('svc:kia_baru');
    expect(info.text).toContain('Kutipan akta kelahiran');
    expect(info.text).not.toContain('Paspor');
    expect(info.text).not.toContain('KITAP');
    expect(info.text).toContain('Untuk WNA persyaratannya berbeda: ketik *WNA*');
    const foreign = c.say('WNA');
    expect(foreign.text).toContain('*KIA baru (WNA)*');
    expect(foreign.text).toContain('Paspor');
    expect(foreign.text).toContain('KITAP');
    expect(foreign.ids).toEqual(['apply:kia_baru', 'nav:services', 'nav:menu']);
  });

  it('takes the difference from the catalogue\'s own rules', () => {
    const kia = kembaranServices.find((s) => s.code === 'kia_baru')!;
    const kk = kembaranServices.find((s) => s.code === 'kk_baru')!;
    expect(differsForForeigners(kia)).toBe(true);
    expect(differsForForeigners(kk)).toBe(false);
  });
});
