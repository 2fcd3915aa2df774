import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { messages, type Lang, type MessageKey } from './messages.ts';
import { formatCount, formatDate, formatDateTime, formatDecimal, formatFixed, interpolate } from './format.ts';

export const LANG_STORAGE_KEY = 'plantrack.lang';

function readStoredLang(): Lang {
  try {
    const v = window.localStorage.getItem(LANG_STORAGE_KEY);
    return v === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** Message in the current language with {placeholders} filled in. */
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Label of a code from a family of messages (orgKind.ftz → 自贸试验区); the code itself if unknown. */
  label: (family: string, code: string | null | undefined) => string;
  num: (value: string | number | null | undefined) => string;
  /** A figure to a given number of decimals (an indicator's precision), in the language's format. */
  fixed: (value: string | number | null | undefined, decimals: number) => string;
  count: (n: number) => string;
  date: (iso: string | null | undefined) => string;
  /** An instant (ISO date-time) in local time, with seconds. */
  dateTime: (iso: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = messages[lang]['app.title'];
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const dict = messages[lang];
    return {
      lang,
      setLang,
      t: (key, params) => interpolate(dict[key], params),
      label: (family, code) => {
        if (code === null || code === undefined || code === '') return '';
        const key = `${family}.${code}`;
        return key in dict ? dict[key as MessageKey] : code;
      },
      num: (v) => formatDecimal(v, lang),
      fixed: (v, decimals) => formatFixed(v, decimals, lang),
      count: (n) => formatCount(n, lang),
      date: (iso) => formatDate(iso, lang),
      dateTime: (iso) => formatDateTime(iso, lang),
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
