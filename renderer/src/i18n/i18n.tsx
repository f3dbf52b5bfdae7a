/** Language context: ko first, en by the top-bar toggle (persisted through pos.updateSettings). */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { errorMessage, type ErrorCode } from '../../../shared/domain/errors';
import { formatKrw } from '../../../shared/domain/money';
import { en } from './en';
import { ko, type MessageKey } from './ko';

export type Lang = 'ko' | 'en';
export type { MessageKey };
const DICTS: Record<Lang, Record<MessageKey, string>> = { ko, en };

export interface I18n {
  lang: Lang;
  /** The other language, for the toggle. */
  other: Lang;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Same key in a given language (bilingual labels). */
  tIn(lang: Lang, key: MessageKey): string;
  err(code: ErrorCode): string;
  krw(n: number): string;
}

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const s = DICTS[lang][key];
  return vars ? s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : s;
}

function makeI18n(lang: Lang): I18n {
  return {
    lang,
    other: lang === 'ko' ? 'en' : 'ko',
    t: (key, vars) => translate(lang, key, vars),
    tIn: (l, key) => translate(l, key),
    err: (code) => errorMessage(code, lang),
    krw: (n) => formatKrw(n, lang),
  };
}

const I18nContext = createContext<I18n>(makeI18n('ko'));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
