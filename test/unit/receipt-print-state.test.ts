/**
 * Issue 10: what the result screen says about a failed print job, and what its retry asks for.
 * A job whose outcome is unknown — including a connection closed after the bytes went out, which the
 * core reports as 'offline' — may have printed: the cashier checks the paper, and the retry prints 재발행.
 */
import { describe, expect, it } from 'vitest';
import type { PrintJobView } from '../../shared/contract';
import { printStateOf, retryPlan } from '../../renderer/src/features/receipt/print-jobs';
import { en } from '../../renderer/src/i18n/en';
import { ko } from '../../renderer/src/i18n/ko';

const job = (over: Partial<PrintJobView>): PrintJobView => ({
  id: 1,
  printer: 'tcp://127.0.0.1:9100',
  paymentId: 7,
  refundId: null,
  settlementDay: null,
  kind: 'sale',
  copy: 'original',
  status: 'failed',
  attempts: 1,
  lastError: 'offline',
  lastErrorDetail: 'connection closed',
  autoRetryable: false,
  reachedPrinter: true,
  mayHavePrinted: true,
  createdAt: '2026-12-04T01:00:00.000Z',
  updatedAt: '2026-12-04T01:00:01.000Z',
  printedAt: null,
  ...over,
});

describe('print state of a failed job', () => {
  it('connection closed after the bytes went out ("offline"): may have printed, check the paper first', () => {
    const s = printStateOf([job({})], null);
    expect(s).toMatchObject({ kind: 'failed', reason: 'offline', unsure: true });
  });

  it('never reached the printer: a plain failure, retried without asking', () => {
    const j = job({ reachedPrinter: false, mayHavePrinted: false, autoRetryable: true, lastErrorDetail: 'ECONNREFUSED' });
    expect(printStateOf([j], null)).toMatchObject({ kind: 'failed', unsure: false });
    expect(retryPlan(j)).toBe('direct');
  });

  it('reached the printer: the retry asks first; may have printed → the confirmed retry is a 재발행', () => {
    expect(retryPlan(job({}))).toBe('confirm-reprint');
    expect(retryPlan(job({ lastError: 'paper_out', mayHavePrinted: false }))).toBe('confirm-resend');
  });

  it('the confirm step has clear wording in both languages', () => {
    for (const k of ['receipt.confirm.reprint', 'receipt.confirm.resend', 'receipt.confirm.printReprint', 'receipt.confirm.printAgain', 'receipt.confirm.cancel'] as const) {
      expect(ko[k].length).toBeGreaterThan(1);
      expect(en[k].length).toBeGreaterThan(1);
    }
    expect(ko['receipt.confirm.reprint']).toContain('재발행');
    expect(en['receipt.confirm.reprint']).toMatch(/check the paper/i);
  });
});
