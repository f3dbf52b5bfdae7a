import { Kbd } from '../../components/Kbd';
import { useI18n, type MessageKey } from '../../i18n/i18n';

const HINTS: readonly [string, MessageKey][] = [
  ['Enter', 'keys.enter'],
  ['F2', 'keys.f2'],
  ['F3', 'keys.f3'],
  ['Esc', 'keys.esc'],
  ['Ctrl+⌫', 'keys.ctrlBackspace'],
  ['Del', 'keys.del'],
  ['+ / −', 'keys.plusMinus'],
  ['Alt+1–5', 'keys.tabs'],
];

export function ShortcutHints() {
  const { t } = useI18n();
  return (
    <aside className="hints" aria-label={t('keys.title')} data-testid="shortcut-hints">
      {HINTS.map(([k, label]) => (
        <span key={k} className="hints__item">
          <Kbd>{k}</Kbd> {t(label)}
        </span>
      ))}
    </aside>
  );
}
