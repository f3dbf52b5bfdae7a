/**
 * Fuzz of contract validation through the real router (electron/core/router.ts), with handlers that
 * only record their input (validation is under test, not the services). For every method of the
 * contract (METHOD_NAMES, so methods added later are covered): the call never throws, the handler
 * runs exactly when the input schema accepts the input and receives a value the schema accepts again
 * unchanged, every refusal is a typed error value, and nothing pollutes Object.prototype.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../electron/core/router';
import { DEFAULT_SCANNER_SETTINGS, DEFAULT_SETTINGS, METHOD_NAMES, methods, SERIAL_BAUD_RATES, type MethodName } from '../../shared/contract';
import { businessNumberCheckDigit } from '../../shared/domain/business-number';
import { ERROR_CODES, PosError } from '../../shared/domain/errors';
import { fuzzAsync, fuzzFile } from './fuzz-budget';
import { hostileText, validPayload } from './qr-arbitraries';
import { EXPECTED_INPUTS, tableViolation } from './router-expectations';
import { anyValue, deeplyNested, hugeString, pollutingJson, PROTO_KEYS, shapedLike, type Hints } from './zod-arbitrary';

fuzzFile('fuzz-router');

const REACHED = 'fuzz: handler reached';
/** Outputs for the methods where a valid one is a constant; the other handlers answer with a marker error. */
const CANNED: Partial<Record<MethodName, unknown>> = {
  getSettings: DEFAULT_SETTINGS,
  updateSettings: DEFAULT_SETTINGS,
  getStore: null,
  listPayments: [],
  listPrintJobs: [],
  getPrinterStatus: { state: 'ok', paperNearEnd: false },
  listSerialPorts: { ports: [], listError: null },
  getScannerSettings: DEFAULT_SCANNER_SETTINGS,
  updateScannerSettings: DEFAULT_SCANNER_SETTINGS,
};
const calls: { method: MethodName; input: unknown }[] = [];
const handlers = Object.fromEntries(
  METHOD_NAMES.map((m) => [
    m,
    (input: unknown) => {
      calls.push({ method: m, input });
      if (m in CANNED) return CANNED[m];
      throw new PosError('PAYMENT_STATE', REACHED);
    },
  ]),
) as unknown as Handlers;
const router = createRouter(handlers);

const accepted = new Map<MethodName, number>(METHOD_NAMES.map((m) => [m, 0]));
const safeJson = (v: unknown) => {
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, 200);
  } catch {
    return String(v).slice(0, 200);
  }
};
const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join();
const PROTO_BEFORE = protoKeys();

/**
 * The router's contract for one call (node:assert, not expect: it runs ~50,000 times). The oracle is the
 * hand-written table (router-expectations.ts), not the router's own schemas: an input outside it must be
 * refused, and whatever a handler receives must fit it — and be accepted again unchanged.
 */
async function checkCall(method: MethodName, input: unknown): Promise<void> {
  calls.length = 0;
  const violation = tableViolation(method, input);
  const res = await router.call(method, input);

  JSON.stringify(res); // both shells serialize it: must not throw
  assert.ok(calls.length <= 1, `${method}: the handler ran ${calls.length} times`);
  // messages are built only on failure: inputs can be megabytes
  if (violation !== null && calls.length !== 0) assert.fail(`${method}: accepted an input the contract refuses (${violation}): ${safeJson(input)}`);
  if (res.ok) assert.equal(calls.length, 1);
  else {
    assert.ok(ERROR_CODES.includes(res.error.code), `untyped error code ${res.error.code}`);
    assert.ok(res.error.detail === undefined || res.error.detail.length <= 500, 'detail over 500 chars');
  }
  const call = calls[0];
  if (call) {
    accepted.set(method, (accepted.get(method) ?? 0) + 1);
    assert.equal(call.method, method);
    const received = tableViolation(method, call.input);
    if (received !== null) assert.fail(`${method}: the handler got input outside the contract (${received}): ${safeJson(call.input)}`);
    // idempotent: what a handler received is accepted again, unchanged
    const first = call.input;
    calls.length = 0;
    await router.call(method, first);
    assert.equal(calls.length, 1, `${method}: what the handler received is refused when sent again`);
    assert.deepStrictEqual(calls[0]!.input, first, `${method}: validation is not idempotent`);
    if (method in CANNED) assert.deepStrictEqual(res, { ok: true, value: CANNED[method] });
    else assert.deepStrictEqual(res, { ok: false, error: { code: 'PAYMENT_STATE', detail: REACHED } });
  } else if (!res.ok) {
    assert.ok(!['INTERNAL', 'UNKNOWN_METHOD', 'PAYMENT_STATE'].includes(res.error.code), `refused valid-looking input with ${res.error.code}`);
  }
  assert.equal(protoKeys(), PROTO_BEFORE, 'Object.prototype changed');
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype polluted');
}

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
/** Values for refinements a schema's definition does not show (check digits, allowed rates, QR text). */
const HINTS: Hints = {
  businessNo: fc
    .tuple(digits(9), fc.constantFrom('', '-', ' ', '\u3000'), fc.boolean())
    .map(([nine, sep, good]) => {
      const d = nine + String((businessNumberCheckDigit(nine) + (good ? 0 : 1)) % 10);
      return `${d.slice(0, 3)}${sep}${d.slice(3, 5)}${sep}${d.slice(5)}`;
    }),
  qrText: fc.oneof(validPayload, hostileText),
  baudRate: fc.constantFrom(...SERIAL_BAUD_RATES, 9601, 0),
  name: fc.constantFrom('하나카페', '아메리카노', ' 라떼 ', '\u0000', 'x'.repeat(61)),
  // Seoul day ranges (getAnalytics and date filters): real days, impossible days, other formats
  from: fc.constantFrom('2026-11-01', '2026-11-15', '2026-11-20', '2026-02-30', '20261101', '2026-11-01T00:00:00Z'),
  to: fc.constantFrom('2026-11-30', '2026-11-21', '2025-01-01', '2026-13-01', '2027-12-31'),
};

const methodName = fc.constantFrom(...METHOD_NAMES);
const arbitraryInput = fc.oneof(anyValue, fc.jsonValue(), pollutingJson, deeplyNested, hugeString, fc.constantFrom(undefined, null, {}, [], '', 0));

describe('fuzz: router validation, every contract method', () => {
  it('the expectation table covers every contract method (a new method needs its row)', () => {
    expect(METHOD_NAMES.filter((m) => !(m in EXPECTED_INPUTS))).toEqual([]);
    expect(Object.keys(EXPECTED_INPUTS).filter((m) => !(METHOD_NAMES as readonly string[]).includes(m))).toEqual([]);
  });

  it('arbitrary values: never throws, refuses with a typed error value', async () => {
    await fuzzAsync(
      'router: arbitrary values for every method',
      fc.asyncProperty(methodName, arbitraryInput, (m, input) => checkCall(m, input)),
    );
  });

  it('schema-shaped inputs (right keys, wrong types, extra and prototype keys): the handler gets only what the schema accepts', async () => {
    accepted.forEach((_, m) => accepted.set(m, 0));
    await fuzzAsync(
      'router: schema-shaped inputs for every method',
      fc.asyncProperty(
        fc.oneof(...METHOD_NAMES.map((m) => fc.tuple(fc.constant(m), shapedLike(methods[m].input, HINTS)))),
        ([m, input]) => checkCall(m, input),
      ),
    );
    const never = METHOD_NAMES.filter((m) => !accepted.get(m));
    expect(never, 'methods whose handler no shaped input reached (add a hint in HINTS)').toEqual([]);
  }, 60_000); // each accepted input is sent twice (idempotence), on a shared 2-core machine

  it('unknown method names → UNKNOWN_METHOD, no handler runs', async () => {
    const near = fc.tuple(methodName, fc.constantFrom(' ', '\u0000', 's', '.', '/', '\u200b')).chain(([m, c]) => fc.constantFrom(m + c, c + m, m.toUpperCase(), m.toLowerCase()));
    const name = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.constantFrom(...PROTO_KEYS, 'then', 'call', 'apply', 'bind', 'length', 'name', ''), near, hugeString);
    await fuzzAsync(
      'router: unknown method names',
      fc.asyncProperty(
        name.filter((n) => !Object.prototype.hasOwnProperty.call(methods, n)),
        arbitraryInput,
        async (n, input) => {
          calls.length = 0;
          expect(await router.call(n, input)).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', detail: n.slice(0, 64) } });
          expect(calls).toEqual([]);
        },
      ),
    );
  });
});
