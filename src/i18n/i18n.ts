/**
 * Everything a citizen or officer reads comes from these catalogues: Bahasa Indonesia first,
 * English second. Code refers to messages by key only.
 */
import i18next, { type TFunction } from 'i18next';
import en from './locales/en.js';
import id from './locales/id.js';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  resources: { id: { translation: id }, en: { translation: en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function translator(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}

export function t(locale: Locale, key: string, params?: Record<string, unknown>): string {
  return instance.getFixedT(locale)(key, params ?? {}) as string;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header; Indonesian when in doubt. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { lang } of ranked) {
    if (isLocale(lang)) return lang;
    // Javanese and Sundanese speakers read Indonesian; so does anyone sending "in" (the old code).
    if (lang === 'jv' || lang === 'su' || lang === 'in' || lang === 'ms') return 'id';
  }
  return DEFAULT_LOCALE;
}
