import type { ErrorCode } from '../../../shared/domain/errors';
import { useI18n } from '../i18n/i18n';

/** A cashier-facing error: the localized message of a code, announced to screen readers. */
export function ErrorText({ code, testId, className }: { code: ErrorCode | null; testId: string; className?: string }) {
  const { err } = useI18n();
  if (!code) return null;
  return (
    <p className={`error-text ${className ?? ''}`} role="alert" data-testid={testId} data-code={code}>
      {err(code)}
    </p>
  );
}
