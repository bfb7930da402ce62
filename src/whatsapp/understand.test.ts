import { describe, expect, it } from 'vitest';
import { SERVICES } from '../catalogue/services.js';
import { canonicalWord, findTicket, understand } from './understand.js';

const read = (text: string) => {
  const { intent, service, ticket } = understand(text, SERVICES);
  return { intent, service, ticket };
};

describe('understanding the messages citizens sent (issue 10)', () => {
  it.each([
    ['assalamualaikum, mau bikin KIA anak saya', 'apply', 'kia_baru'],
    ['permisi, kantor kecamatan buka jam berapa ya?', 'hours', null],
    ['berapa biayanya?', 'fee', null],
    ['syaratnya apa aja?', 'requirements', null],
    ['mau ngomong sama petugas', 'human', null],
    ['saya mau bicara dengan petugas saja', 'human', null],
    ['anak saya pakai kursi roda, bisa diantar ke rumah?', 'home_service', null],
    // "rekam" is the KTP-el enrolment (learnt on the dev set; the held-out label of this message stays null and counts as a miss).
    ['apa petugas bisa datang ke rumah untuk rekam?', 'home_service', 'ktp_el_rekam'],
    ['apa ada layanan untuk disabilitas?', 'home_service', null],
    ['bikin akta kelahiran syaratnya apa', 'requirements', 'akta_kelahiran'],
    ['berapa biaya bikin ktp?', 'fee', 'ktp_el_rekam'],
    ['KIA itu apa? anak umur 3 tahun perlu?', 'requirements', 'kia_baru'],
    ['alamatnya dimana?', 'location', null],
    ['KK hilang gimana', 'requirements', 'kk_hilang'],
    ['petugas', 'human', null],
  ] as const)('%s → %s, %s', (text, intent, service) => {
    expect(read(text)).toEqual({ intent, service, ticket: null });
  });

  it('reads a ticket in any spelling and takes it as a status question', () => {
    expect(read('cek status KBR-26-000002')).toEqual({ intent: 'status', service: null, ticket: 'KBR-26-000002' });
    expect(read('cek status kbr 26 2')).toEqual({ intent: 'status', service: null, ticket: 'KBR-26-000002' });
    expect(read('kbr26000002')).toEqual({ intent: 'status', service: null, ticket: 'KBR-26-000002' });
    expect(read('tiket saya KBR–26–000123 sudah jadi belum?').ticket).toBe('KBR-26-000123');
  });
});

describe('informal Indonesian, Banyumasan and typos', () => {
  it.each([
    ['kepriwe carane gawe kia', 'requirements', 'kia_baru'],
    ['biayane pira nggo gawe akte lair?', 'fee', 'akta_kelahiran'],
    ['kantore neng ngendi ya', 'location', null],
    ['inyong arep ngurus ktp sing ilang', 'apply', 'ktp_el_hilang'],
    ['wis dadi durung kia ne anakku', 'status', 'kia_baru'],
    ['matur nuwun nggih', 'thanks', null],
    ['syrat kartu keluarga rusak apa aja', 'requirements', 'kk_rusak'],
    ['brp lama bkin kk baru', 'duration', 'kk_baru'],
    ['ora sida mas, batalkan wae', 'cancel', null],
    ['gmn cara aktivasi ktp digital', 'requirements', 'ikd_aktivasi'],
    ['mo daftar akta kematian bapak sy', 'apply', 'akta_kematian'],
    ['kok lama banget sih, udah seminggu belum jadi', 'complaint', null],
    ['halooo min', 'greeting', null],
    ['menu', 'menu', null],
  ] as const)('%s → %s, %s', (text, intent, service) => {
    expect(read(text)).toEqual({ intent, service, ticket: null });
  });

  it('corrects one slip in a word but leaves everyday words alone', () => {
    expect(canonicalWord('syaratny')).toBe('syarat');
    expect(canonicalWord('persyratan')).toBe('syarat');
    expect(canonicalWord('biasa')).toBe('biasa');
    expect(canonicalWord('bukan')).toBe('bukan');
  });

  it('answers a salam, and says which kind', () => {
    expect(understand('Assalamualaikum wr wb').intent).toBe('greeting');
    expect(understand('Assalamualaikum wr wb').salam).toBe('islamic');
    expect(understand('selamat pagi bu, syarat KIA apa ya').salam).toBe('plain');
    expect(understand('syarat KIA apa ya').salam).toBeNull();
  });

  it('returns only services the office offers', () => {
    const withoutLostKk = SERVICES.filter((s) => s.code !== 'kk_hilang');
    expect(understand('KK hilang gimana', withoutLostKk).service).toBeNull();
    expect(understand('KK hilang gimana').service).toBe('kk_hilang');
  });

  it('never reads a date or an age as a ticket', () => {
    expect(findTicket('lahir tgl 12 05 2019')).toBeNull();
    expect(findTicket('anak umur 10 tahun')).toBeNull();
    expect(findTicket('jam 10 30')).toBeNull();
  });
});
