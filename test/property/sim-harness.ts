/**
 * Shared harness of the simulator tests (test/integration/simulator-*.test.ts and the property test):
 * a simulator on a temp-dir database and port 0 with a movable clock, merchants registered through
 * the terminal's own gateway, customers created through the wallet API, and request builders.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createGateway } from '../../electron/core/services/gateway/create-gateway';
import { GatewayError, type ApproveRequest, type GatewayFailureKind, type MerchantCredentials, type PaymentGateway, type ReadyRequest } from '../../electron/core/services/gateway/gateway';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../electron/simulator/server';
import { businessNumberCheckDigit } from '../../shared/domain/business-number';
import type { ErrorCode } from '../../shared/domain/errors';
import { toOneqDateTime } from '../../shared/domain/time';

export type Dialect = 'oneqpay' | 'kakaopay';
export const DIALECTS: readonly Dialect[] = ['oneqpay', 'kakaopay'];

export interface Harness {
  sim: Simulator;
  url: string;
  dir: string;
  /** The simulator's clock: real time plus offsetMs, or a fixed instant when set. */
  clock: { offsetMs: number; fixed: Date | null };
  now(): Date;
  close(): Promise<void>;
}

export async function startHarness(extra: Partial<SimulatorOptions> = {}, dir = mkdtempSync(join(tmpdir(), 'sim-test-'))): Promise<Harness> {
  const clock = { offsetMs: 0, fixed: null as Date | null };
  const now = () => new Date((clock.fixed?.getTime() ?? Date.now()) + clock.offsetMs);
  const sim = await startSimulator({ dbFile: join(dir, 'simulator.sqlite'), port: 0, now, ...extra });
  return {
    sim,
    url: sim.url,
    dir,
    clock,
    now,
    async close() {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let bizSeq = 100_000;
/** A fresh valid 사업자등록번호 (10 digits). */
export function businessNo(): string {
  const nine = `2${String(++bizSeq).padStart(6, '0')}${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
  return nine + businessNumberCheckDigit(nine);
}

export interface Merchant {
  cid: string;
  credentials: MerchantCredentials;
  gw: PaymentGateway;
  name: string;
}

/** Registers a store (through the OneQ registration) and returns a gateway of the dialect with its keys. */
export async function merchant(h: Harness, dialect: Dialect, opts: { timeoutMs?: number; withCredentials?: boolean } = {}): Promise<Merchant> {
  const reg = createGateway({ dialect: 'oneqpay', baseUrl: h.url, timeoutMs: 5000 });
  const name = `하나상점 ${bizSeq}`;
  const r = await reg.registerStore({ businessNo: businessNo(), name, phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35', postNo: '04523' });
  expect(r.cidSecret).toMatch(/^[0-9a-z]{24}$/);
  expect(r.adminKey).toMatch(/^[0-9a-f]{32}$/);
  const credentials = { cidSecret: r.cidSecret, adminKey: r.adminKey };
  const gw = createGateway({ dialect, baseUrl: h.url, timeoutMs: opts.timeoutMs ?? 5000, ...(opts.withCredentials === false ? {} : { credentials }) });
  return { cid: r.cid, credentials, gw, name };
}

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

export interface CustomerJson {
  id: string;
  name: string;
  account_balance: number;
  money_balance: number;
  accounts: { method_id: string; balance: number; status: string }[];
  cards: { method_id: string; cardTypeCode: string; limit: number; used: number; remaining: number | null; cardStatus: string }[];
  methods: { method_id: string; kind: string; available: number; usable: boolean }[];
}

export async function createCustomer(h: Harness, body: Record<string, unknown>): Promise<CustomerJson> {
  return json(await fetch(`${h.url}/wallet/api/customers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}
export async function getCustomer(h: Harness, id: string): Promise<CustomerJson> {
  return json(await fetch(`${h.url}/wallet/api/customers/${encodeURIComponent(id)}`));
}
export async function issueQr(h: Harness, customerId: string, choice: { method?: string; method_id?: string } = {}): Promise<string> {
  const r = await json<{ qr_text: string }>(
    await fetch(`${h.url}/wallet/api/customers/${encodeURIComponent(customerId)}/qr`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(choice) }),
  );
  return r.qr_text;
}

/** The sum a customer holds (accounts + money) and the credit used: the quantities payments move. */
export async function holdings(h: Harness, id: string): Promise<{ accounts: number[]; money: number; used: number[] }> {
  const c = await getCustomer(h, id);
  return { accounts: c.accounts.map((a) => a.balance), money: c.money_balance, used: c.cards.map((k) => k.used) };
}

let orderSeq = 0;
export function readyReq(m: Pick<Merchant, 'cid' | 'name'>, qrToken: string, over: Partial<ReadyRequest> = {}): ReadyRequest {
  const orderId = `T-${Date.now().toString(36)}-${++orderSeq}`;
  return {
    cid: m.cid,
    categoryCd: 552101,
    storeName: m.name,
    itemName: '아메리카노 외 1건',
    memberId: 'guest',
    orderId,
    quantity: 2,
    amount: 9000,
    qrToken,
    approvalUrl: `app://pos/pay/approval?order_id=${orderId}`,
    cancelUrl: `app://pos/pay/cancel?order_id=${orderId}`,
    failUrl: `app://pos/pay/fail?order_id=${orderId}`,
    ...over,
  };
}
export function approveReq(r: ReadyRequest, tid: string, over: Partial<ApproveRequest> = {}): ApproveRequest {
  return { cid: r.cid, orderId: r.orderId, categoryCd: r.categoryCd, storeName: r.storeName, itemName: r.itemName, memberId: r.memberId, amount: r.amount, tranDt: toOneqDateTime(new Date()), tid, ...over };
}

/** ready + approve through the gateway. */
export async function pay(m: Merchant, qr: string, over: Partial<ReadyRequest> = {}) {
  const req = readyReq(m, qr, over);
  const ready = await m.gw.ready(req);
  const approved = await m.gw.approve(approveReq(req, ready.tid));
  return { req, ready, approved };
}

export async function gatewayError(p: Promise<unknown>): Promise<GatewayError> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof GatewayError)) throw e;
    return e;
  }
  throw new Error('expected a GatewayError');
}
export async function expectFailure(p: Promise<unknown>, kind: GatewayFailureKind, code: ErrorCode): Promise<GatewayError> {
  const e = await gatewayError(p);
  expect({ kind: e.kind, code: e.code }, e.message).toEqual({ kind, code });
  return e;
}

export async function addFault(h: Harness, spec: Record<string, unknown>): Promise<Response> {
  return fetch(`${h.url}/sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec) });
}
