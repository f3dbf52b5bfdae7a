/**
 * CSV export of the settlement scenario: UTF-8 with a BOM and CRLF, Korean headers and item names
 * intact, one row per payment and per cancel on the settlement's day rule, integer amounts, Seoul
 * times with +09:00, and a 순매출 column that sums to the settlement's net.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../electron/core/services/ledger/csv-export';
import { call, openTestLedger, settlementScenario, type Ledger } from './ledger-fixture';

let l: Ledger;
afterEach(() => l?.close());

/** RFC 4180: quoted fields, "" escapes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describe('CSV export', () => {
  it('BOM, header, Korean intact, one row per payment and per cancel, net = settlement net', async () => {
    l = openTestLedger();
    const s = settlementScenario(l);
    const csv = await call(l, 'exportCsv', { from: '2026-11-22', to: '2026-11-22' });
    expect(csv.fileName).toBe('transactions-20261122-20261122.csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const bytes = Buffer.from(csv.text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes).toBe(bytes.length);
    expect(csv.text.endsWith('\r\n')).toBe(true);
    expect(csv.text.replaceAll('\r\n', '')).not.toContain('\n');

    const [header, ...rows] = parseCsv(csv.text.slice(1));
    expect(header).toEqual(CSV_COLUMNS.map((c) => c.header));
    // Sales approved on the day (A, B, C, late), payments not approved created on it (F, E, R);
    // cancels confirmed on the day (A 4,000, C 3,000) and the failed one started on it.
    expect(rows).toHaveLength(10);
    expect(csv.rows).toBe(10);
    const col = (name: string) => header!.indexOf(name);
    const byType = (t: string) => rows.filter((r) => r[col('type')] === t);
    expect(byType('sale')).toHaveLength(7);
    expect(byType('refund')).toHaveLength(3);
    expect(rows.map((r) => Number(r[col('결제번호')]))).not.toContain(s.edge.id); // approved on the next day

    const a = rows.find((r) => r[col('type')] === 'sale' && Number(r[col('결제번호')]) === s.A.id)!;
    expect(a[col('구분')]).toBe('결제');
    expect(a[col('거래일시')]).toBe('2026-11-22T10:00:02+09:00');
    expect(a[col('상태')]).toBe('승인');
    expect(a[col('status')]).toBe('approved');
    expect(a[col('결제수단')]).toBe('계좌이체');
    expect(a[col('상품명')]).toBe('아메리카노');
    expect(a[col('거래금액')]).toBe('10000');
    expect(a[col('부가세')]).toBe('909');
    expect(a[col('공급가액')]).toBe('9091');
    expect(a[col('취소누계')]).toBe('4000');
    expect(a[col('승인번호(TID)')]).toBe(s.A.tid);

    const b = rows.find((r) => Number(r[col('결제번호')]) === s.B.id)!;
    expect(b[col('품목')]).toBe('생수(면세) 1500×1 / 샌드위치 4000×1');
    expect(b[col('상품명')]).toBe('생수 외 1건');
    expect(b[col('면세')]).toBe('1500');

    const rA = rows.find((r) => r[col('취소번호')] === String(s.rA.id))!;
    expect(rA).toBeDefined();
    expect(rA[col('구분')]).toBe('취소');
    expect(rA[col('상태')]).toBe('취소 완료');
    expect(rA[col('status')]).toBe('cancelled');
    expect(rA[col('거래금액')]).toBe('4000');
    expect(rA[col('순매출')]).toBe('-4000');
    const failedCancel = rows.find((r) => r[col('취소번호')] === String(s.rAfailed.id))!;
    expect(failedCancel[col('상태')]).toBe('취소 실패');
    expect(failedCancel[col('순매출')]).toBe('0');
    expect(rows.find((r) => Number(r[col('결제번호')]) === s.E.id)![col('상태')]).toBe('확인 중');
    expect(rows.find((r) => Number(r[col('결제번호')]) === s.F.id)![col('오류코드')]).toBe('INSUFFICIENT_BALANCE');

    for (const r of rows) {
      for (const c of ['거래금액', '면세', '부가세', '공급가액', '순매출']) expect(r[col(c)], c).toMatch(/^-?\d+$/);
      expect(Number(r[col('면세')]) + Number(r[col('부가세')]) + Number(r[col('공급가액')])).toBe(Number(r[col('거래금액')]));
      expect(r[col('거래일시')]).toMatch(/^2026-11-22T\d{2}:\d{2}:\d{2}\+09:00$/);
    }
    // Chronological, and the net column is the settlement's net.
    const times = rows.map((r) => r[col('거래일시')]!);
    expect([...times].sort()).toEqual(times);
    const net = rows.reduce((n, r) => n + Number(r[col('순매출')]), 0);
    expect(net).toBe((await call(l, 'getSettlement', { day: '2026-11-22' })).report.net.amount);
    expect(net).toBe(13_700);

    // Two days: the next day's sales and B's cancel join; still one row each.
    const two = await call(l, 'exportCsv', { from: '2026-11-22', to: '2026-11-23' });
    expect(two.rows).toBe(10 + 3);
    const text = two.text;
    expect(text).toContain('샌드위치');
    expect(text).toContain('취소,refund,2026-11-23T09:00:00+09:00,');
  });

  it('refuses a range backwards or longer than a year', async () => {
    l = openTestLedger();
    await expect(call(l, 'exportCsv', { from: '2026-11-23', to: '2026-11-22' })).rejects.toThrow();
    await expect(call(l, 'exportCsv', { from: '2025-01-01', to: '2026-11-22' })).rejects.toThrow();
    const empty = await call(l, 'exportCsv', { from: '2026-01-01', to: '2026-12-31' });
    expect(empty.rows).toBe(0);
    expect(parseCsv(empty.text.slice(1))).toHaveLength(1); // the header alone
  });
});
