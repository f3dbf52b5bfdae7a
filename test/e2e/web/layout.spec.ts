/**
 * Every screen and dialog at the counter's screen sizes, in Korean and English: no sideways scroll,
 * tab labels on one line, the total + 결제 button + 한/EN toggle inside the window. One page per
 * language; each screen is opened once and the viewport is resized through the four sizes.
 * Screenshots: test-results/screens/layout-<lang>-<screen>-<w>x<h>.png.
 *
 * A new screen or dialog is one line in SCREENS (open it; optionally close it; what must be in view).
 */
import type { Page } from '@playwright/test';
import { issueDemoQr, openDrawerSession, rpc, STORE, wedgeScan } from '../flows';
import { sell } from '../ledger-flows';
import { expect, test } from './web-shell.fixture';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const DISPLAY_SIZES = [
  { width: 800, height: 480 },
  { width: 1024, height: 600 },
  ...SIZES,
] as const;

/** Elements that must be wholly inside the window (no scrolling) on every screen. */
const ALWAYS_IN_VIEW = ['lang-toggle'];

interface Screen {
  name: string;
  open(page: Page): Promise<void>;
  close?(page: Page): Promise<void>;
  /** test ids that must be fully inside the viewport without scrolling */
  inView?: string[];
}

const ringUp = async (page: Page, lines: readonly { name: string; price: number }[]) => {
  for (const l of lines) {
    await page.getByTestId('item-name-input').fill(l.name);
    await page.getByTestId('price-input').focus();
    await page.keyboard.type(String(l.price));
    await page.keyboard.press('Enter');
  }
};
const CSV_HEADER = '번호,분류,상품명,가격,면세,바코드,품절,보관,순서,별칭,옵션';
const LONG_CART = [
  { name: '아이스 아메리카노 (벤티 사이즈, 샷 추가)', price: 6500 },
  { name: 'Caramel macchiato with oat milk, extra hot', price: 7200 },
  { name: '크루아상', price: 4300 },
  { name: '치즈케이크', price: 6800 },
  { name: '생수', price: 1500 },
];

export const SCREENS: readonly Screen[] = [
  { name: 'checkout-empty', open: (p) => p.keyboard.press('Alt+1'), inView: ['pay-button', 'total-amount', 'price-input'] },
  { name: 'checkout-cart', open: (p) => ringUp(p, LONG_CART), inView: ['pay-button', 'total-amount', 'price-input'] },
  {
    name: 'checkout-error',
    open: async (p) => {
      await p.getByTestId('price-input').focus();
      await p.keyboard.type('12a');
      await p.keyboard.press('Enter');
    },
    close: (p) => p.keyboard.press('Escape'),
    inView: ['pay-button', 'total-amount'],
  },
  {
    name: 'checkout-mpm',
    open: async (p) => {
      await p.keyboard.press('F4');
      await expect(p.getByTestId('mpm-panel')).toBeVisible();
    },
    close: async (p) => {
      await p.keyboard.press('Escape');
      await expect(p.getByTestId('price-input')).toBeVisible();
    },
  },
  {
    name: 'checkout-result',
    open: async (p) => {
      const qr = await issueDemoQr(p);
      await p.keyboard.press('F2');
      await wedgeScan(p, qr);
      await expect(p.getByTestId('result-status')).toBeVisible();
      await expect(p.getByTestId('result')).toHaveAttribute('data-status', 'approved');
    },
    close: async (p) => {
      await expect(p.getByTestId('result')).toHaveAttribute('data-enter-armed', 'true');
      await p.keyboard.press('Enter');
      await expect(p.getByTestId('price-input')).toBeVisible();
    },
    inView: ['result-status', 'result-amount'],
  },
  // issue 12's catalog: menu tiles, the option chooser, a line with options, 초성 search (issue 11: in the table too)
  {
    name: 'checkout-menu',
    open: async (p) => {
      await p.keyboard.press('Alt+1');
      await expect(p.getByTestId('menu-tile').first()).toBeVisible();
    },
    inView: ['pay-button', 'total-amount', 'menu-tile'],
  },
  {
    name: 'option-chooser',
    open: async (p) => {
      await p.locator('[data-testid="menu-tile"][data-name="아메리카노"]').click();
      await expect(p.getByTestId('option-chooser')).toBeVisible();
      const chooser = p.getByTestId('option-chooser');
      await chooser.locator('[data-testid="option-choice"][data-name="ICE"]').click();
      await chooser.locator('[data-testid="option-choice"][data-name="그란데"]').click();
    },
    close: async (p) => {
      await p.getByTestId('option-add').click();
      await expect(p.getByTestId('option-chooser')).toHaveCount(0);
    },
    inView: ['option-chooser', 'option-add'],
  },
  { name: 'checkout-menu-cart', open: (p) => ringUp(p, LONG_CART.slice(0, 2)), inView: ['pay-button', 'total-amount', 'cart-line'] },
  {
    name: 'menu-search',
    open: async (p) => {
      await p.keyboard.press('F7');
      await expect(p.getByTestId('menu-search')).toBeFocused();
      await p.keyboard.type('ㅋ');
    },
    close: async (p) => {
      await p.getByTestId('menu-search').fill('');
      await p.getByTestId('price-input').focus();
    },
    inView: ['menu-search', 'pay-button'],
  },
  {
    name: 'history',
    open: async (p) => {
      await p.keyboard.press('Alt+2');
      await expect(p.getByTestId('history-row').first()).toBeVisible();
    },
    inView: ['history-row'],
  },
  {
    name: 'history-detail',
    open: async (p) => {
      await p.getByTestId('history-row').first().focus();
      await p.keyboard.press('Enter');
      await expect(p.getByTestId('payment-detail')).toHaveAttribute('data-id', /\d+/);
    },
  },
  {
    name: 'refund-dialog',
    open: async (p) => {
      await p.keyboard.press('c');
      await expect(p.getByTestId('refund-dialog')).toBeVisible();
    },
    close: async (p) => {
      await p.keyboard.press('Escape');
      await expect(p.getByTestId('refund-dialog')).toHaveCount(0);
    },
    inView: ['refund-dialog'],
  },
  // lazy screens: wait until loaded (a 'Loading…' page would pass every check at the first size)
  {
    name: 'store',
    open: async (p) => {
      await p.keyboard.press('Alt+3');
      await expect(p.getByTestId('store-category-view')).toBeVisible();
    },
  },
  {
    name: 'store-catalog',
    open: async (p) => {
      await p.getByTestId('catalog-manager').scrollIntoViewIfNeeded();
      await expect(p.getByTestId('catalog-product').first()).toBeVisible();
    },
  },
  {
    name: 'store-catalog-csv-report',
    open: async (p) => {
      const bad = [CSV_HEADER, ',베이커리,소금빵 (버터 듬뿍, 매일 아침 굽는 빵),3500,N,,N,N,,salt bread,', ',베이커리,,3000,N,,N,N,,,', ',베이커리,마들렌,0,N,,N,N,,,'].join('\r\n');
      await p.getByTestId('catalog-import-file').setInputFiles({ name: 'menu.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
      await expect(p.getByTestId('catalog-csv-report')).toBeVisible();
      await p.getByTestId('catalog-csv').scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'settings',
    open: async (p) => {
      await p.keyboard.press('Alt+4');
      await expect(p.getByTestId('settings-printer')).toBeVisible();
      await expect(p.getByTestId('wedge-max-gap')).toBeVisible();
    },
  },
  {
    name: 'settings-store-category',
    open: async (p) => {
      await p.getByTestId('settings-store-reregister').click();
      await p.getByTestId('store-category').fill('커피');
      await expect(p.getByTestId('store-category-list')).toBeVisible();
    },
    close: async (p) => {
      await p.getByTestId('store-category').press('Escape');
      await p.getByTestId('settings-store-cancel').click();
      await expect(p.getByTestId('store-category')).toHaveCount(0);
    },
  },
  {
    name: 'settlement',
    open: async (p) => {
      await p.keyboard.press('Alt+5');
      await expect(p.getByTestId('settlement-net')).toBeVisible();
    },
    inView: ['settlement-net'],
  },
  {
    name: 'close-day-dialog',
    open: async (p) => {
      await p.getByTestId('settlement-screen').focus();
      await p.keyboard.press('F9');
      await expect(p.getByTestId('close-day-dialog')).toBeVisible();
    },
    close: async (p) => {
      await p.keyboard.press('Escape');
      await expect(p.getByTestId('close-day-dialog')).toHaveCount(0);
    },
    inView: ['close-day-confirm', 'close-day-cancel'],
  },
  {
    name: 'analytics',
    open: async (p) => {
      await p.keyboard.press('Alt+6');
      await expect(p.getByTestId('analytics-totals')).toBeVisible();
    },
  },
  {
    name: 'diagnostics',
    open: async (p) => {
      await p.keyboard.press('Alt+7');
      await expect(p.getByTestId('diagnostics-screen')).toBeVisible();
    },
  },
];

/**
 * Sideways overflow of the page, elements past the window's edges, tab labels on more than one line.
 * Runs in the page (a string: the node tsconfig has no DOM types).
 */
const MEASURE = `(() => {
  const d = document.documentElement;
  const vw = d.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > vw + 1 || r.left < -1) wide.push(el.tagName.toLowerCase() + '.' + (el.className || '') + '[' + (el.dataset.testid || '') + '] ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  const broken = [];
  for (const tab of document.querySelectorAll('.tabs .tab')) {
    const range = document.createRange();
    range.selectNodeContents(tab);
    const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
    if (lines.size > 1) broken.push(tab.textContent || '');
  }
  // cut off at the top or bottom of the window (the customer display never scrolls: overflow hidden)
  const tall = [];
  if (document.querySelector('[data-testid="customer-display"]')) {
    const vh = d.clientHeight;
    for (const el of document.querySelectorAll('[data-testid="customer-display"] *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.bottom > vh + 1 || r.top < -1) tall.push(el.tagName.toLowerCase() + '.' + (el.className || '') + ' ' + Math.round(r.top) + '..' + Math.round(r.bottom));
    }
  }
  return { scrollWidth: d.scrollWidth, clientWidth: vw, scrollHeight: d.scrollHeight, clientHeight: d.clientHeight, wideElements: wide.slice(0, 8), cutElements: tall.slice(0, 8), brokenTabs: broken };
})()`;

interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  wideElements: string[];
  cutElements: string[];
  brokenTabs: string[];
}
const measure = (page: Page): Promise<Overflow> => page.evaluate(MEASURE) as Promise<Overflow>;

async function expectInView(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).first().boundingBox();
  const vp = page.viewportSize()!;
  expect(box, `${testId} is on screen`).not.toBeNull();
  if (!box) return;
  expect.soft({ testId, left: box.x >= 0, top: box.y >= 0, right: box.x + box.width <= vp.width + 0.5, bottom: box.y + box.height <= vp.height + 0.5 }).toEqual({ testId, left: true, top: true, right: true, bottom: true });
}

async function checkAllSizes(page: Page, lang: string, screen: Screen): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate('window.scrollTo(0, 0)');
    const m = await measure(page);
    const where = `${lang} ${screen.name} ${size.width}×${size.height}`;
    expect.soft(m.wideElements, `${where}: elements past the right edge`).toEqual([]);
    expect.soft(m.scrollWidth, `${where}: sideways scroll`).toBeLessThanOrEqual(m.clientWidth);
    expect.soft(m.brokenTabs, `${where}: tab labels broken over lines`).toEqual([]);
    for (const id of [...ALWAYS_IN_VIEW, ...(screen.inView ?? [])]) await expectInView(page, id);
    await page.screenshot({ path: `test-results/screens/layout-${lang}-${screen.name}-${size.width}x${size.height}.png` });
  }
}

/** The customer display's cart, phone-QR (mpm_qr) and approved phases, a long cart with a long name. */
function displayStills(): { name: string; state: Record<string, unknown>; inView: string[] }[] {
  const base = { seq: 1, storeName: '하나카페 을지로점', message: null, qrText: null, expiresAt: null, paymentId: 1, at: new Date().toISOString() };
  const items = [
    { name: '아이스 아메리카노 (벤티 사이즈, 샷 추가, 시럽 2번)', unitPrice: 6500, quantity: 2, taxFree: false },
    { name: 'Caramel macchiato with oat milk, extra hot', unitPrice: 7200, quantity: 1, taxFree: false },
    { name: '크루아상', unitPrice: 4300, quantity: 3, taxFree: false },
    { name: '계란 (10구)', unitPrice: 3900, quantity: 1, taxFree: true },
    { name: '치즈케이크', unitPrice: 6800, quantity: 1, taxFree: false },
    { name: '생수', unitPrice: 1500, quantity: 4, taxFree: false },
  ];
  const totals = { total: 53900, taxFree: 3900, vat: 4545, supply: 45455, quantity: 12 };
  const cart = { ...base, items, totals, amount: 53900 };
  return [
    { name: 'cart', state: { ...cart, phase: 'cart' }, inView: ['display-amount'] },
    { name: 'phone-qr', state: { ...cart, phase: 'mpm_qr', qrText: 'https://pay.example/q/' + 'A'.repeat(60), expiresAt: new Date(Date.now() + 180_000).toISOString() }, inView: ['display-amount', 'display-qr'] },
    { name: 'approved', state: { ...cart, phase: 'approved' }, inView: ['display-amount'] },
  ];
}

async function setUp(page: Page, appUrl: string): Promise<void> {
  await page.setViewportSize(SIZES[0]);
  await page.goto(appUrl);
  await rpc(page, 'registerStore', { ...STORE, businessNo: STORE.businessNo });
  await openDrawerSession(page);
  await rpc(page, 'loadDemoCatalog', {});
  await page.reload();
  await sell(page, [{ name: '아메리카노', price: 4500 }]);
}

async function setLanguage(page: Page, lang: 'ko' | 'en'): Promise<void> {
  await rpc(page, 'updateSettings', { language: lang });
  await page.reload();
  await expect(page.getByTestId('lang-toggle')).toHaveAttribute('data-lang', lang);
  await expect(page.getByTestId('price-input')).toBeFocused();
}

// One shell and one page for both languages (the viewport is resized, never relaunched).
test('layout: every screen and dialog fits 1024×768 … 1920×1080, in ko and en; the customer display fits 800×480 and 1024×600', async ({ page, shell }) => {
  test.setTimeout(300_000);
  await setUp(page, shell.appUrl);
  for (const lang of ['ko', 'en'] as const) {
    await setLanguage(page, lang);
    for (const screen of SCREENS) {
      await screen.open(page);
      await checkAllSizes(page, lang, screen);
      if (screen.close) {
        await page.setViewportSize(SIZES[0]);
        await screen.close(page);
      }
    }
    // The customer display on its own small panel.
    const [display] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Alt+1').then(() => page.getByTestId('open-display').click())]);
    await expect(display.getByTestId('customer-display')).toBeVisible();
    for (const size of DISPLAY_SIZES) {
      await display.setViewportSize(size);
      const m = await measure(display);
      expect.soft(m.wideElements, `display ${size.width}×${size.height}`).toEqual([]);
      const fits = { w: m.scrollWidth <= m.clientWidth, h: m.scrollHeight <= m.clientHeight };
      expect.soft(fits, `display ${size.width}×${size.height} fits without scrolling`).toEqual({ w: true, h: true });
      await display.screenshot({ path: `test-results/screens/layout-${lang}-display-${size.width}x${size.height}.png` });
    }
    await display.close();
    // The phases past idle on the same small panels: the page rendering a fetched state (as customer-display.spec).
    for (const st of displayStills()) {
      const still = await page.context().newPage();
      await still.route('**/events**', (r) => r.abort());
      await still.route('**/rpc/getDisplayState', (r) => r.fulfill({ json: { ok: true, value: st.state } }));
      await still.goto(`${shell.url}/#/display`);
      await expect(still.getByTestId('customer-display')).toHaveAttribute('data-phase', String(st.state.phase));
      for (const size of DISPLAY_SIZES.slice(0, 2)) {
        await still.setViewportSize(size);
        const m = await measure(still);
        const where = `display ${st.name} ${size.width}×${size.height}`;
        expect.soft(m.wideElements, where).toEqual([]);
        expect.soft(m.cutElements, `${where}: cut off at the top or bottom`).toEqual([]);
        expect.soft({ w: m.scrollWidth <= m.clientWidth, h: m.scrollHeight <= m.clientHeight }, `${where} fits without scrolling`).toEqual({ w: true, h: true });
        for (const id of st.inView) await expectInView(still, id);
        await still.screenshot({ path: `test-results/screens/layout-${lang}-display-${st.name}-${size.width}x${size.height}.png` });
      }
      await still.close();
    }
    await page.setViewportSize(SIZES[0]);
  }
});
