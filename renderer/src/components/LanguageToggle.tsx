import { useI18n, type Lang } from '../i18n/i18n';

/** 한/EN: shows both, the active one highlighted; a click switches to the other. */
export function LanguageToggle({ onToggle, busy }: { onToggle: (next: Lang) => void; busy: boolean }) {
  const { lang, other, t } = useI18n();
  return (
    <button type="button" className="lang-toggle" data-testid="lang-toggle" data-lang={lang} aria-label={t('lang.toggle')} title={t('lang.toggle')} disabled={busy} onClick={() => onToggle(other)}>
      <span className={lang === 'ko' ? 'is-active' : ''} lang="ko">
        한
      </span>
      <span aria-hidden="true">/</span>
      <span className={lang === 'en' ? 'is-active' : ''} lang="en">
        EN
      </span>
    </button>
  );
}
