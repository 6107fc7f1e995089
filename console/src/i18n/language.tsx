import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { enumLabels, en, id, type MessageKey } from './messages.ts';
import { formatDate, formatNumber, formatTimestamp, type Language } from './format.ts';

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  label: (value: string) => string;
  date: (date: string) => string;
  timestamp: (iso: string) => string;
  number: (value: number) => string;
}

export const LANGUAGE_KEY = 'jalin.language';
const Context = createContext<I18n | undefined>(undefined);

/** The chosen language; not personal data, so it outlives the session (localStorage). */
export function storedLanguage(): Language {
  return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'id';
}

let active: Language = 'id';
/** For the API client's Accept-Language (outside React). */
export function activeLanguage(): Language {
  return active;
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(storedLanguage);
  active = language;
  const value = useMemo<I18n>(() => {
    const words = language === 'en' ? en : id;
    const labels: Record<string, string> = enumLabels[language];
    return {
      language,
      setLanguage: (next) => {
        localStorage.setItem(LANGUAGE_KEY, next);
        document.documentElement.lang = next;
        active = next;
        setState(next);
      },
      t: (key, values = {}) => words[key].replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = values[name];
        return typeof value === 'number' ? formatNumber(value, language) : (value ?? '');
      }),
      label: (value) => labels[value] ?? value,
      date: (date) => formatDate(date, language),
      timestamp: (iso) => formatTimestamp(iso, language),
      number: (value) => formatNumber(value, language),
    };
  }, [language]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside LanguageProvider');
  return value;
}
