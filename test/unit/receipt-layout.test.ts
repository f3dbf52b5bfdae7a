import { describe, expect, it } from 'vitest';
import { textWidth } from '../../shared/domain/receipt/display-width';
import { buildReceipt, formatWon, type ReceiptColumns } from '../../shared/domain/receipt/receipt-model';
import { layoutReceipt } from '../../shared/domain/receipt/receipt-layout';
import { receiptPreview, renderReceiptText } from '../../shared/domain/receipt/receipt-text';
import { splitVat } from '../../shared/domain/vat';
import { cancelInput, SAMPLE_PAYMENT, saleInput } from '../fixtures/receipts/sample-input';

const find = (lines: string[], label: string) => lines.find((l) => l.startsWith(label));

describe.each([32, 42, 48] as ReceiptColumns[])('receipt layout at %i columns', (columns) => {
  it('every line is exactly the paper width, Korean counted as 2 columns', () => {
    for (const input of [saleInput(columns), cancelInput(columns), saleInput(columns, { reprint: true, issuedAt: '2026-11-24T00:00:00Z' })]) {
      const text = receiptPreview(input).text;
      expect(text.length).toBeGreaterThan(30);
      for (const l of text) expect(textWidth(l), l).toBe(columns);
    }
  });

  it('right-aligns values in label/value pairs with mixed Korean/ASCII', () => {
    const text = receiptPreview(saleInput(columns)).text;
    for (const label of ['사업자등록번호', '전화', '거래일시', '공급가액', '부가세', '면세', '카드번호', '가맹점번호(CID)']) {
      const line = find(text, label)!;
      expect(line, label).toBeDefined();
      expect(line.endsWith(' '), label).toBe(false); // the value ends at the last column
    }
    expect(find(text, '사업자등록번호')).toMatch(/ 123-45-67891$/);
    expect(find(text, '거래일시')).toMatch(/ 2026-11-22 21:18:22$/); // 12:18:22 UTC shown in Seoul
  });

  it('prints the VAT split computed by splitVat', () => {
    const vat = splitVat(SAMPLE_PAYMENT.amount, SAMPLE_PAYMENT.taxFree);
    const text = receiptPreview(saleInput(columns)).text;
    expect(find(text, '공급가액')).toMatch(new RegExp(` ${formatWon(vat.supply)}$`));
    expect(find(text, '부가세')).toMatch(new RegExp(` ${formatWon(vat.vat)}$`));
    expect(find(text, '면세')).toMatch(new RegExp(` ${formatWon(vat.taxFree)}$`));
    expect(vat.supply + vat.vat + vat.taxFree).toBe(SAMPLE_PAYMENT.amount);
    // 합계 is double size: each character followed by its extra width
    expect(text.some((l) => l.startsWith('합  계') && l.includes('2 6 , 5 0 0 원'))).toBe(true);
  });

  it('masks the card, never prints the expiry, shows 할부 for cards', () => {
    const all = receiptPreview(saleInput(columns)).text.join('\n');
    expect(all).toContain('9410-61**-****-8901');
    expect(all).not.toContain('6123-4567');
    expect(all).not.toContain('2712');
    expect(find(receiptPreview(saleInput(columns)).text, '할부')).toMatch(/3개월$/);
  });

  it('a cancel receipt shows the banner, the original approval and date, negative amounts, no 할부 for an account', () => {
    const text = receiptPreview(cancelInput(columns)).text;
    const all = text.join('\n');
    expect(text[0]).toContain('취  소');
    expect(all).toContain('원거래 승인번호');
    expect(all).toContain('T2026112221182200042');
    expect(find(text, '원거래일시')).toMatch(/2026-11-22 21:18:22$/);
    expect(find(text, '취소금액')).toMatch(/-26,500원$/);
    expect(find(text, '거래일시')).toMatch(/2026-11-23 10:02:03$/);
    expect(all).toContain('110-***-***789');
    expect(all).not.toContain('할부');
  });

  it('a reprint is marked 재발행', () => {
    const text = receiptPreview(saleInput(columns, { reprint: true, issuedAt: '2026-11-24T00:00:00Z' })).text;
    expect(text.some((l) => l.includes('[재발행]'))).toBe(true);
    expect(find(text, '재발행일시')).toMatch(/2026-11-24 09:00:00$/);
  });
});

describe('receipt model', () => {
  it('item table: name wraps within its column, quantity and amount stay aligned', () => {
    const layout = layoutReceipt(buildReceipt(saleInput(32)));
    const text = renderReceiptText(layout);
    const header = text.findIndex((l) => l.startsWith('상품명'));
    const rows = text.slice(header, header + 8);
    const amountEnd = (l: string) => textWidth(l.trimEnd());
    expect(amountEnd(rows[0]!)).toBe(32);
    expect(rows[1]).toMatch(/^아메리카노 \(ICE, +2 +9,000$/);
    expect(rows[2]).toMatch(/^Large\) +$/);
  });

  it('the QR carries the tid, CODE128 can replace it, and none drops it', () => {
    expect(layoutReceipt(buildReceipt(saleInput(48))).lines.filter((l) => l.type === 'code')).toEqual([{ type: 'code', symbology: 'qr', data: 'T2026112221182200042' }]);
    expect(layoutReceipt(buildReceipt(saleInput(48, { code: 'code128' }))).lines.some((l) => l.type === 'code' && l.symbology === 'code128')).toBe(true);
    expect(layoutReceipt(buildReceipt(saleInput(48, { code: 'none' }))).lines.some((l) => l.type === 'code')).toBe(false);
  });

  it('reports the CP949-only fallback used in the store name and items', () => {
    const p = receiptPreview(saleInput(48));
    expect(p.substitutions.map((s) => s.from)).toEqual(['똠', '똠']);
    expect(p.text.join('\n')).toContain('ㄸㅗㅁ양꿍 하우스');
  });

  it('ends with a cut, partial by default', () => {
    const lines = layoutReceipt(buildReceipt(saleInput(48))).lines;
    expect(lines.at(-1)).toEqual({ type: 'cut', partial: true });
    expect(layoutReceipt(buildReceipt(saleInput(48, { cut: 'full' }))).lines.at(-1)).toEqual({ type: 'cut', partial: false });
  });
});
