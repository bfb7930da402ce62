import { describe, expect, it } from 'vitest';
import { isLoopback, loadConfig } from './config.js';

const META = { WHATSAPP_VERIFY_TOKEN: 'v', WHATSAPP_APP_SECRET: 's', WHATSAPP_ACCESS_TOKEN: 'a' };
const mode = (env: Record<string, string>) => loadConfig(env).whatsapp.mode;

describe('when the WhatsApp simulator runs', () => {
  it('auto: only without Meta credentials, on loopback, outside production', () => {
    expect(mode({})).toBe('simulator');
    expect(mode({ HOST: 'localhost' })).toBe('simulator');
    expect(mode({ HOST: '0.0.0.0' })).toBe('off');
    expect(mode({ HOST: '::' })).toBe('off');
    expect(mode({ HOST: '192.168.1.10' })).toBe('off');
    expect(mode({ NODE_ENV: 'production' })).toBe('off');
    expect(mode(META)).toBe('cloud');
  });

  it('on and off are what the owner says; on beside Meta credentials is a mistake', () => {
    expect(mode({ SIMULATOR: 'on', HOST: '0.0.0.0', NODE_ENV: 'production' })).toBe('simulator');
    expect(mode({ SIMULATOR: 'off' })).toBe('off');
    expect(() => loadConfig({ ...META, SIMULATOR: 'on' })).toThrow(/SIMULATOR/);
    expect(() => loadConfig({ SIMULATOR: 'yes' })).toThrow(/SIMULATOR/);
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.1', '127.0.0.1.example.com', 'kencot.example.id'].some(isLoopback)).toBe(false);
  });
});

describe('PUBLIC_URL (issue 11)', () => {
  it('is read as the public address, and refused when it is not a URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://layanan.kembaran.example.go.id' }).publicUrl).toBe('https://layanan.kembaran.example.go.id');
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(() => loadConfig({ PUBLIC_URL: 'layanan kembaran' })).toThrow(/PUBLIC_URL/);
  });
});
