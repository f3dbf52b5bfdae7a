/**
 * 결제: ring up lines, scan the customer's QR (wedge scanner, typing or paste), pay, show the outcome.
 * Keyboard-first; the cart survives tab switches (the screen stays mounted, hidden).
 */
import { useEffect, useRef, useState } from 'react';
import type { AppInfo, Payment, ScanReceived } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { parseQrPayload } from '../../../../shared/domain/qr-payload';
import { cartTotals, type CartItem } from '../../../../shared/domain/cart';
import { classifyScan } from '../../../../shared/domain/catalog/scan-code';
import { MenuPanel } from '../menu/MenuPanel';
import { useMenu } from '../menu/useMenu';
import { Kbd } from '../../components/Kbd';
import { customerDisplayUrl, pos, shell } from '../../api/pos';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { usePaymentUpdates } from '../../lib/usePaymentUpdates';
import { ScannerSettingsPanel } from '../scan/ScannerSettingsPanel';
import { useScanHub } from '../scan/useScanHub';
import { useScannerSettings } from '../scan/useScannerSettings';
import { useWedgeInput } from '../scan/useWedgeInput';
import { useWedgeScanner } from '../scan/useWedgeScanner';
import { BackendDownBanner } from './BackendDownBanner';
import { CameraPanel } from './CameraPanel';
import { CheckoutNotice } from './CheckoutNotice';
import { addLine, checkoutProblem, EMPTY_ENTRY, parseEntry, removeLine, setQuantity, toCartItems, type CartLine, type EntryError, type EntryFields } from './cart-lines';
import { CartLines } from './CartLines';
import { DemoQrPanel } from './DemoQrPanel';
import { ItemEntry } from './ItemEntry';
import { newerPayment } from './payment-view';
import { ResultView } from './ResultView';
import { ScanPanel } from './ScanPanel';
import { ShortcutHints } from './ShortcutHints';
import { TotalsPanel } from './TotalsPanel';
import { useCheckoutKeys } from './useCheckoutKeys';
import { MpmPanel } from './MpmPanel';
import { useDisplaySync } from './useDisplaySync';
import { useMerchantQr, type MerchantQrEnd } from './useMerchantQr';
import type { Order } from '../../../../shared/contract-cash';
import { TenderScreen } from '../tender/TenderScreen';
import { DrawerBar, useDrawerMode } from '../drawer/DrawerBar';
import { useDrawer } from '../drawer/useDrawer';

type Phase = { kind: 'entry' } | { kind: 'paying' } | { kind: 'mpm' } | { kind: 'result'; payment: Payment } | { kind: 'tender'; order: Order };
type FocusTarget = 'price' | 'scan';

export function CheckoutScreen({ active, appInfo }: { active: boolean; appInfo: AppInfo | null }) {
  const { t } = useI18n();
  const [lines, setLines] = useState<CartLine[]>([]);
  const [entry, setEntry] = useState<EntryFields>(EMPTY_ENTRY);
  const [invalid, setInvalid] = useState<EntryError | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'entry' });
  const [rechecking, setRechecking] = useState(false);
  const [scanFocused, setScanFocused] = useState(false);
  const nextId = useRef(1);
  const paying = useRef(false);
  const priceRef = useRef<HTMLInputElement>(null);
  const [focusRequest, setFocusRequest] = useState<{ target: FocusTarget; n: number } | null>({ target: 'price', n: 0 });

  const wedge = useWedgeInput({ onSubmit: (text) => void pay(text) });
  // Every sale belongs to the open drawer session (issue 13): without one, the checkout offers 개점 and
  // keeps the cart and the scanned code, so the same Enter pays once the float is in.
  const drawer = useDrawer();
  const [drawerMode, setDrawerMode] = useDrawerMode();
  const needsDrawer = (): boolean => {
    if (drawer.state?.current !== null) return false;
    setError('DRAWER_NOT_OPEN');
    setDrawerMode('open');
    return true;
  };
  const focusScan = wedge.focus;
  const requestFocus = (target: FocusTarget) => setFocusRequest((r) => ({ target, n: (r?.n ?? 0) + 1 }));

  // Focus moves after the render that enables the fields again (disabled fields cannot take focus).
  useEffect(() => {
    if (!active || phase.kind !== 'entry' || !focusRequest) return;
    if (focusRequest.target === 'scan') focusScan();
    else priceRef.current?.focus();
  }, [active, phase.kind, focusRequest, focusScan]);

  // issue 12: the menu (tiles, search, options, product barcodes) adds catalog lines with their snapshot.
  const menu = useMenu((item: CartItem) => setLines((ls) => addLine(ls, item, nextId.current++)), setError);

  usePaymentUpdates((p) => setPhase((ph) => (ph.kind === 'result' && ph.payment.id === p.id ? { kind: 'result', payment: newerPayment(ph.payment, p) } : ph)));

  const addEntry = () => {
    const r = parseEntry(entry);
    if (!r.ok) {
      setError(null);
      setInvalid({ field: r.field, code: r.code }); // said under the field the cashier is typing in
      return;
    }
    setNotice(null);
    setLines((ls) => addLine(ls, r.item, nextId.current++));
    setEntry(EMPTY_ENTRY);
    setInvalid(null);
    setError(null);
    requestFocus('price');
  };

  async function pay(raw: string): Promise<void> {
    if (paying.current || phase.kind !== 'entry') return;
    const scanned = classifyScan(raw);
    if (scanned.kind === 'product') {
      wedge.clear();
      menu.scanned(scanned.code);
      return;
    }
    const problem = checkoutProblem(lines);
    if (problem) {
      setError(problem);
      wedge.clear();
      requestFocus(lines.length === 0 ? 'price' : 'scan');
      return;
    }
    const qr = parseQrPayload(raw);
    if (!qr.ok) {
      setError(qr.code);
      wedge.clear();
      requestFocus('scan');
      return;
    }
    if (needsDrawer()) return;
    paying.current = true;
    setError(null);
    setNotice(null);
    setPhase({ kind: 'paying' });
    try {
      const payment = await pos.checkout({ items: toCartItems(lines), qrText: qr.payload.text });
      setPhase({ kind: 'result', payment });
    } catch (e) {
      const code = errorCodeOf(e);
      setError(code);
      if (code === 'DRAWER_NOT_OPEN') setDrawerMode('open');
      setPhase({ kind: 'entry' });
      requestFocus('scan');
    } finally {
      wedge.clear();
      paying.current = false;
    }
  }

  // Merchant-presented QR (F4): the customer scans the terminal's QR and approves on the phone.
  const merchantQr = useMerchantQr((end: MerchantQrEnd) => {
    paying.current = false;
    if ('error' in end || (end.payment.status === 'failed' && end.payment.error?.code === 'PAYMENT_CANCELLED')) {
      // back to the cart, nothing charged; the cashier's own Esc is a neutral note, not an error
      if ('error' in end) setError(end.error);
      if ('error' in end && end.error === 'DRAWER_NOT_OPEN') setDrawerMode('open');
      else setNotice('checkout.mpmCancelled');
      setPhase({ kind: 'entry' });
      requestFocus('price');
    } else setPhase({ kind: 'result', payment: end.payment });
  });
  const startMerchantQr = () => {
    if (paying.current || phase.kind !== 'entry') return;
    const problem = checkoutProblem(lines);
    if (problem) {
      setError(problem);
      requestFocus('price');
      return;
    }
    if (needsDrawer()) return;
    paying.current = true;
    setError(null);
    setNotice(null);
    wedge.clear();
    setPhase({ kind: 'mpm' });
    void merchantQr.start(toCartItems(lines));
  };
  useDisplaySync(phase.kind === 'entry', lines, scanFocused);

  // Cash · split (F8, issue 13): the cart becomes an order paid by tenders; it needs an open drawer session.
  useEffect(() => {
    void pos.getOpenOrder({}).then((o) => o && o.tenders.length > 0 && setPhase({ kind: 'tender', order: o }), () => undefined);
  }, []);
  const startTender = async () => {
    if (paying.current || phase.kind !== 'entry') return;
    const problem = checkoutProblem(lines);
    if (problem) return setError(problem);
    if (needsDrawer()) return;
    try {
      setError(null);
      setPhase({ kind: 'tender', order: await pos.createOrder({ items: toCartItems(lines) }) });
    } catch (e) {
      const code = errorCodeOf(e);
      setError(code);
      if (code === 'DRAWER_NOT_OPEN') setDrawerMode('open');
    }
  };

  /** Back from the drawer dialog: a sale held for 개점 goes on with the same Enter (the scanned code is kept). */
  const afterDrawerDialog = () => {
    if (error === 'DRAWER_NOT_OPEN') setError(null);
    requestFocus(wedge.value !== '' ? 'scan' : 'price');
  };

  /** `firstDigit`: typed on the approved result, it becomes the start of the next price. */
  const newSale = (firstDigit = '') => {
    setLines([]);
    setNotice(null);
    setEntry({ ...EMPTY_ENTRY, price: firstDigit });
    setInvalid(null);
    setError(null);
    wedge.clear();
    setPhase({ kind: 'entry' });
    requestFocus('price');
  };

  const retry = () => {
    setError(null);
    wedge.clear();
    setPhase({ kind: 'entry' });
    requestFocus('scan');
  };

  const recheck = async (id: number) => {
    setRechecking(true);
    try {
      const p = await pos.recheckPayment({ id });
      setPhase((ph) => (ph.kind === 'result' && ph.payment.id === p.id ? { kind: 'result', payment: newerPayment(ph.payment, p) } : ph));
    } catch {
      /* still unknown: the view stays amber; the core keeps looking it up */
    } finally {
      setRechecking(false);
    }
  };

  const escape = () => {
    setNotice(null);
    const dirty = wedge.value !== '' || entry.name !== '' || entry.price !== '' || entry.qty !== '' || entry.taxFree || error !== null;
    if (dirty) {
      wedge.clear();
      setEntry(EMPTY_ENTRY);
      setInvalid(null);
      setError(null);
    } else {
      setLines([]);
    }
    requestFocus('price');
  };

  const entryMode = active && phase.kind === 'entry';
  useCheckoutKeys(entryMode, {
    focusScan: () => wedge.focus(),
    focusPrice: () => priceRef.current?.focus(),
    escape,
    removeLast: () => setLines((ls) => ls.slice(0, -1)),
    merchantQr: startMerchantQr,
    tender: () => void startTender(),
  });
  // One scan path: wedge bursts, the webcam and the serial scanner (pushed by the core) all arrive here
  // as the same scan.received value, checked by the QR payload parser, repeats dropped.
  const onScanned = (scan: ScanReceived) => {
    if (scan.barcode) {
      if (paying.current || phase.kind !== 'entry') return;
      wedge.clear();
      menu.scanned(scan.barcode.code);
      return;
    }
    if (scan.error) {
      if (paying.current || phase.kind !== 'entry') return;
      setError(scan.error);
      wedge.clear();
      requestFocus('scan');
      return;
    }
    wedge.setText(scan.text);
    void pay(scan.text);
  };
  const scans = useScanHub(entryMode, onScanned);
  const { settings: scannerSettings } = useScannerSettings();
  useWedgeScanner(entryMode, (text) => scans.submit(text, 'wedge'), scannerSettings.wedge);

  const scanFromField = (text: string) => scans.submit(text, 'wedge');

  if (phase.kind === 'result') {
    const p = phase.payment;
    return (
      <main className="screen screen--result" hidden={!active}>
        {active && <ResultView key={p.id} payment={p} rechecking={rechecking} onNewSale={() => newSale()} onNewSaleWith={newSale} onRetry={retry} onRecheck={() => void recheck(p.id)} />}
      </main>
    );
  }

  if (phase.kind === 'tender') {
    return (
      <div hidden={!active}>
        {active && (
          <TenderScreen
            order={phase.order}
            onDone={newSale}
            onBack={() => setPhase({ kind: 'entry' })}
            demoQr={appInfo?.backend.mode === 'embedded' ? async () => (await pos.issueDemoQr({})).qrText : undefined}
          />
        )}
      </div>
    );
  }

  if (phase.kind === 'mpm') {
    return (
      <main className="screen screen--result" hidden={!active}>
        {merchantQr.state && <MpmPanel state={merchantQr.state} amount={cartTotals(lines).total} onCancel={() => void merchantQr.cancel()} />}
      </main>
    );
  }

  const isPaying = phase.kind === 'paying';
  return (
    <main className="screen checkout" hidden={!active} aria-busy={isPaying}>
      <BackendDownBanner appInfo={appInfo} />
      <div className="checkout__left">
        <MenuPanel menu={menu} active={entryMode} disabled={isPaying} />
        <ItemEntry
          fields={entry}
          invalid={invalid}
          disabled={isPaying}
          priceRef={priceRef}
          onChange={(f) => {
            setEntry(f);
            if (invalid) setInvalid(null);
          }}
          onAdd={addEntry}
          onEmptyEnter={() => (lines.length > 0 ? requestFocus('scan') : setInvalid({ field: 'price', code: 'CART_EMPTY' }))}
          onScan={scanFromField}
        />
        <CartLines
          lines={lines}
          disabled={isPaying}
          onRemove={(id) => setLines((ls) => removeLine(ls, id))}
          onQuantity={(id, q) => setLines((ls) => setQuantity(ls, id, q))}
          onFocusOut={() => requestFocus('price')}
        />
        <ShortcutHints />
      </div>
      <div className="checkout__right">
        <DrawerBar state={drawer.state} mode={drawerMode} onMode={(m) => (setDrawerMode(m), m === null && afterDrawerDialog())} />
        <TotalsPanel lines={lines} />
        <div onFocus={() => setScanFocused(true)} onBlur={() => setScanFocused(false)}>
          <ScanPanel wedge={wedge} paying={isPaying} error={error} onPay={() => void pay(wedge.value)} />
        </div>
        <CheckoutNotice message={error ? null : notice} />
        <div className="mpm-actions">
          <button type="button" className="btn btn--primary" data-testid="tender-start" disabled={isPaying} onClick={() => void startTender()}>
            <Kbd>F8</Kbd>&nbsp;{t('tender.start')}
          </button>
          <button type="button" className="btn btn--secondary" data-testid="mpm-start" disabled={isPaying} onClick={startMerchantQr}>
            <Kbd>F4</Kbd>&nbsp;{t('mpm.start')}
          </button>
          {shell === 'web' && (
            <button type="button" className="btn btn--secondary" data-testid="open-display" onClick={() => window.open(customerDisplayUrl(), 'pos-customer-display')}>
              {t('display.open')}
            </button>
          )}
        </div>
        <CameraPanel active={entryMode} onScan={(text) => scans.submit(text, 'camera')} onDone={() => requestFocus('scan')} />
        <ScannerSettingsPanel />
        {isPaying && (
          <div className="paying" data-testid="paying" role="status">
            <span className="spinner" aria-hidden="true" />
            <span>
              <strong>{t('checkout.paying')}</strong>
              <small>{t('checkout.payingHint')}</small>
            </span>
          </div>
        )}
        {appInfo?.backend.mode === 'embedded' && (
          <DemoQrPanel
            disabled={isPaying}
            onUse={(text) => {
              wedge.setText(text);
              requestFocus('scan');
            }}
          />
        )}
      </div>
    </main>
  );
}
