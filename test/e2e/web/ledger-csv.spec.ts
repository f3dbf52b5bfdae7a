/**
 * CSV export in the web shell: the history's CSV 내보내기 downloads a file (Blob + <a download>); it is
 * UTF-8 with a BOM (Excel reads the Korean right), its header and item names are intact Korean, its
 * amounts integers, its times Seoul with +09:00, one row per payment and per cancel.
 */
import { readFileSync } from 'node:fs';
import { seoulDay } from '../../../shared/domain/time';
import { registerDemoStore, rpc, shot } from '../flows';
import { sell } from '../ledger-flows';
import { expect, test } from './web-shell.fixture';

test('CSV download: BOM, Korean header and item names, amounts, a row per payment and per cancel', async ({ page, shell }) => {
  test.setTimeout(90_000);
  await page.goto(shell.appUrl);
  await registerDemoStore(page, 'csv-setup');
  const a = await sell(page, [
    { name: '아메리카노', price: 4500 },
    { name: '크루아상', price: 3800 },
  ]);
  const b = await sell(page, [
    { name: '생수', price: 1000, taxFree: true },
    { name: '샌드위치, 햄&치즈', price: 6500 },
  ]);
  await rpc(page, 'refundPayment', { paymentId: b.id, amount: 2000 });

  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('history-row')).toHaveCount(2);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('csv-export').click();
  const download = await downloading;
  const day = seoulDay(new Date()).replaceAll('-', '');
  expect(download.suggestedFilename()).toBe(`transactions-${day}-${day}.csv`);
  const bytes = readFileSync((await download.path())!);
  await expect(page.getByTestId('csv-done')).toContainText('4행');
  await shot(page, 'csv-01-history-exported');

  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(1 + 4); // header, the drawer session's 개점 시재 (issue 13), two sales, one cancel
  expect(lines.find((l) => l.startsWith('개점 시재'))).toMatch(/^개점 시재,float,.*,현금,CASH,.*,100000,0,0,0,,0,,,$/);
  expect(lines[0]).toBe('구분,type,거래일시,결제번호,취소번호,주문번호,승인번호(TID),상태,status,결제수단,method,상품명,품목,거래금액,면세,부가세,공급가액,취소누계,순매출,오류코드,상품번호,수량');
  expect(text).toContain('아메리카노 4500×1 / 크루아상 3800×1');
  expect(text).toContain('"생수(면세) 1000×1 / 샌드위치, 햄&치즈 6500×1"'); // a comma in a name: quoted
  expect(text).not.toContain('\ufffd');
  const saleA = lines.find((l) => l.includes(a.orderId) && l.startsWith('결제'))!;
  expect(saleA).toContain(',승인,approved,');
  expect(saleA).toMatch(/,8300,0,755,7545,0,8300,,- \/ -,2$/); // typed items: no 상품번호, 2 pieces
  const saleB = lines.find((l) => l.includes(b.orderId) && l.startsWith('결제'))!;
  expect(saleB).toMatch(/,7500,1000,591,5909,2000,7500,,- \/ -,2$/);
  const cancel = lines.find((l) => l.startsWith('취소'))!;
  expect(cancel).toContain(',취소 완료,cancelled,');
  expect(cancel).toMatch(/,2000,\d+,\d+,\d+,,-2000,,[^,]*,[^,]*$/);
  for (const l of lines.slice(1)) expect(l).toMatch(/,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00,/);
});
