/** The chosen language (remembered on the device), its catalogue, and the switch between them. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api.js';
import type { Lang } from '../types.js';
import en from './en.js';
import id, { type Messages } from './id.js';

export type { Messages };

const CATALOGUES: Record<Lang, Messages> = { id, en };
const STORAGE_KEY = 'kencot.lang';

function storedLanguage(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    // Storage can be blocked (private mode, strict settings): Bahasa Indonesia, not a crash.
    return 'id';
  }
}

type LanguageState = { lang: Lang; setLang: (lang: Lang) => void };
const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = storedLanguage();
    setApiLanguage(initial);
    return initial;
  });

  const setLang = useCallback((next: Lang) => {
    setApiLanguage(next);
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered this time; the switch still works for this visit.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
}

/** The catalogue of the current language: `const t = useT(); t.portal.hoursHeading`. */
export function useT(): Messages {
  return CATALOGUES[useLanguage().lang];
}

/** "Bahasa Indonesia | English", each name in its own language so a screen reader says it right. */
export function LanguageSwitch() {
  const { lang, setLang } = useLanguage();
  const t = useT();
  return (
    <div className="lang-switch" role="group" aria-label={t.app.languageLabel}>
      <button type="button" lang="id" aria-pressed={lang === 'id'} onClick={() => setLang('id')}>
        Bahasa Indonesia
      </button>
      <span aria-hidden="true">|</span>
      <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
        English
      </button>
    </div>
  );
}
