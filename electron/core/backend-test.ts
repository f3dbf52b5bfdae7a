/**
 * 연결 테스트: pings a backend — the saved one, or settings the owner has typed but not saved — with the
 * same axios gateway `ping()` the payments use (its health call, schema-checked), and reports the round
 * trip or why it failed. Nothing is saved and the payment gateway in use is left alone.
 */
import type { BackendTestResult, Settings } from '../../shared/contract';
import type { Backend } from './backend';
import { createGateway } from './services/gateway/create-gateway';
import { toPosError } from './services/gateway/to-pos-error';

/** A test answers within this, whatever the payment timeout is. */
export const BACKEND_TEST_TIMEOUT_MS = 5000;

export async function testBackend(backend: Backend, target: Settings['backend'], timeoutMs = BACKEND_TEST_TIMEOUT_MS): Promise<BackendTestResult> {
  const base = { mode: target.mode, dialect: target.dialect, testedAt: new Date().toISOString() };
  let url = '';
  try {
    url = await backend.urlFor(target);
    const gateway = createGateway({ dialect: target.dialect, baseUrl: url, timeoutMs, credentials: () => backend.merchantCredentials() });
    const latencyMs = await gateway.ping();
    return { ...base, url, ok: true, latencyMs, code: null, detail: null };
  } catch (e) {
    const err = toPosError(e);
    return { ...base, url, ok: false, latencyMs: null, code: err.code === 'INTERNAL' && url === '' ? 'BACKEND_UNREACHABLE' : err.code, detail: (err.detail ?? err.message).slice(0, 300) };
  }
}
