/**
 * 연결 테스트: asks the core to ping a backend (the form's values before saving, or the saved one) with
 * the payments' own gateway, and shows the answer with its latency. Used by the 설정 backend section and
 * the 진단 screen.
 */
import { useRef, useState } from 'react';
import type { BackendTestResult, Settings } from '../../../../shared/contract';
import { pos } from '../../api/pos';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { DIALECT_LABEL } from './settings-forms';

export function useBackendTest(): { result: BackendTestResult | null; busy: boolean; run: (backend?: Settings['backend']) => Promise<void>; clear: () => void } {
  const [result, setResult] = useState<BackendTestResult | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const run = async (backend?: Settings['backend']) => {
    const mine = ++seq.current;
    setBusy(true);
    setResult(null);
    try {
      const r = await pos.testBackend(backend ? { backend } : {});
      if (mine === seq.current) setResult(r);
    } catch (e) {
      // The core itself did not answer (or refused the input): show it as a failed test.
      if (mine === seq.current) setResult({ ok: false, latencyMs: null, code: errorCodeOf(e), detail: null, mode: backend?.mode ?? 'embedded', dialect: backend?.dialect ?? 'oneqpay', url: '', testedAt: new Date().toISOString() });
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  };
  const clear = () => {
    seq.current++;
    setBusy(false);
    setResult(null);
  };
  return { result, busy, run, clear };
}

/** A connection test is not a payment: its failures are said without payment words ("결제는 진행되지 않았습니다"). */
const TEST_WORDING: Partial<Record<ErrorCode, MessageKey>> = {
  BACKEND_UNREACHABLE: 'settings.backend.testUnreachable',
  BACKEND_UNKNOWN: 'settings.backend.testTimeout',
};

export function ConnectionTestResult({ result, testId }: { result: BackendTestResult; testId: string }) {
  const { t, err } = useI18n();
  const where = `${result.mode === 'embedded' ? t('status.embedded') : result.url} · ${DIALECT_LABEL[result.dialect]}`;
  return (
    <p className={`settings__result settings__result--${result.ok ? 'ok' : 'bad'}`} data-testid={testId} data-ok={result.ok} data-latency={result.latencyMs ?? ''} data-code={result.code ?? ''} role="status">
      {result.ok ? (
        <strong>{t('settings.backend.testOk', { ms: (result.latencyMs ?? 0).toLocaleString('en-US') })}</strong>
      ) : (
        <strong>
          {t('settings.backend.testFailed')} — {result.code ? (TEST_WORDING[result.code] ? t(TEST_WORDING[result.code]!) : err(result.code)) : ''}
        </strong>
      )}
      <span className="settings__result-detail" title={result.detail ?? undefined}>
        {where}
      </span>
    </p>
  );
}
