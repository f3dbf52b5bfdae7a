/**
 * The router fuzz's oracle, written by hand from the contract's documentation (not from its zod schemas):
 * for every method, the keys its input may have, which are required, and the domain of the simple ones —
 * ids are positive integers, days are "YYYY-MM-DD", flags are booleans, texts are strings. An input
 * outside this table must be refused; an input a handler receives must fit it. (The schemas check more —
 * check digits, ranges, lengths — which the fuzz leaves to the schema-shaped property.)
 */
type Kind = 'id' | 'day' | 'bool' | 'text' | 'int' | 'array' | 'object' | 'any';
/** "name" required, "name?" optional; ":kind" after it (default any). */
type Spec = readonly string[];

export const EXPECTED_INPUTS: Readonly<Record<string, Spec>> = {
  getAppInfo: [],
  getSettings: [],
  updateSettings: ['language?:text', 'backend?:object', 'paymentTimeoutMs?:int', 'printer?:object', 'mpmTimeoutMs?:int'],
  getStore: [],
  registerStore: ['businessNo:text', 'name:text', 'representative?:text', 'phone:text', 'address1:text', 'address2:text', 'postNo?:text', 'enrollmentCode?:text', 'categoryCd?:int'], // categoryCd: the 업종 asked for (issue 11)
  checkout: ['items:array', 'qrText:text'],
  getPayment: ['id:id'],
  recheckPayment: ['id:id'],
  listPayments: ['day?:day'],
  issueDemoQr: [],
  refundPayment: ['paymentId:id', 'amount:int', 'taxFree?:int'],
  getCredentialsStatus: [],
  setCredentials: ['cidSecret?', 'adminKey?'],
  getReceiptPreview: ['paymentId:id', 'refundId?:id', 'copy?:text'],
  printReceipt: ['paymentId:id', 'refundId?:id'],
  reprintReceipt: ['paymentId:id', 'refundId?:id'],
  listPrintJobs: ['paymentId?:id', 'settlementDay?:day'],
  retryPrintJob: ['id:id', 'confirmed?:bool'], // confirmed: the cashier checked the paper (issue 10, receipts)
  testPrint: [],
  getPrinterStatus: [],
  listSerialPorts: [],
  getScannerSettings: [],
  updateScannerSettings: ['serial?:object', 'camera?:object', 'wedge?:object'],
  getScannerStatus: [],
  testBackend: ['backend?:object'],
  getAnalytics: ['from:day', 'to:day'],
  getDisplayState: [],
  setDisplayState: ['phase:text', 'items:array'],
  startMpmPayment: ['items:array'],
  cancelMpmPayment: ['paymentId:id'],
  searchPayments: ['from?:day', 'to?:day', 'states?:array', 'methods?:array', 'minAmount?:int', 'maxAmount?:int', 'query?:text', 'cursor?:text', 'limit?:int'],
  countPayments: ['from?:day', 'to?:day', 'states?:array', 'methods?:array', 'minAmount?:int', 'maxAmount?:int', 'query?:text'],
  getPaymentDetail: ['id:id'],
  listPaymentMethods: [],
  getSettlement: ['day:day'],
  closeDay: ['day:day', 'acknowledgeWarnings?:bool'],
  getSettlementPreview: ['day:day'],
  printSettlement: ['day:day'],
  exportCsv: ['from:day', 'to:day'],
  // issue 10: card/account details of a payment
  getPaymentInstrument: ['id:id'],
  // issue 12: the catalog
  getCatalog: ['includeArchived?:bool'],
  saveCategory: ['id?:id', 'name:text', 'color?:text', 'sortOrder?:int', 'archived?:bool'],
  saveProduct: ['id?:id', 'categoryId?', 'name:text', 'alias?:text', 'price:int', 'taxFree?:bool', 'barcodes?:array', 'soldOut?:bool', 'archived?:bool', 'sortOrder?:int', 'optionGroups?:array'],
  setProductSoldOut: ['id:id', 'soldOut:bool'],
  reorderCatalog: ['kind:text', 'ids:array'],
  findProductByBarcode: ['code:text'],
  loadDemoCatalog: [],
  previewCatalogCsv: ['base64:text'],
  importCatalogCsv: ['base64:text'],
  exportCatalogCsv: ['encoding:text'],
  getProductSales: ['from:day', 'to:day'],
  // issue 13: orders, tenders, 현금영수증, drawer sessions
  getCounterSettings: [],
  updateCounterSettings: ['taxType?:text', 'cashReceiptMandatory?:bool'],
  createOrder: ['items:array'],
  getOrder: ['id:id'],
  getOpenOrder: [],
  addCashTender: ['orderId:id', 'amount?:int', 'received:int', 'cashReceipt?:object'],
  addQrTender: ['orderId:id', 'amount?:int', 'qrText:text'],
  voidOrder: ['orderId:id'],
  refundTender: ['tenderId:id', 'amount:int'],
  requestCashReceipt: ['orderId:id', 'purpose:text', 'identity:text'],
  recheckCashReceipt: ['id:id'],
  listSessionOrders: ['sessionId:id'],
  getDrawer: [],
  openDrawer: ['float?:int', 'counts?:object'],
  drawerMovement: ['kind:text', 'amount:int', 'reason:text'],
  closeDrawer: ['counts:object', 'note?:text'],
  getDrawerSession: ['id:id'],
  listDrawerSessions: ['day:day'],
  printDrawerReport: ['id:id'],
  getDrawerReportPreview: ['id:id'],
  printOrderReceipt: ['orderId:id'],
  getOrderOfPayment: ['paymentId:id'],
  // issue 14: head office sync
  getSyncStatus: [],
  enrollHeadOffice: ['url:text', 'code:text', 'name?:text'],
  flushSync: ['timeoutMs?:int'],
  // issue 14: restore chosen on screen
  getLedgerRecovery: [],
  restoreLedger: ['source:text'],
};

const fits: Record<Kind, (v: unknown) => boolean> = {
  id: (v) => Number.isSafeInteger(v) && (v as number) > 0,
  day: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  bool: (v) => typeof v === 'boolean',
  text: (v) => typeof v === 'string',
  int: (v) => Number.isSafeInteger(v),
  array: (v) => Array.isArray(v),
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  any: () => true,
};

/** Why the input cannot be valid for the method by the table, or null when it fits. */
export function tableViolation(method: string, input: unknown): string | null {
  const spec = EXPECTED_INPUTS[method];
  if (!spec) return `no expectation written for ${method}`;
  const value = input ?? {}; // both shells send {} for "no input"
  if (typeof value !== 'object' || Array.isArray(value)) return 'not an object';
  const fields = spec.map((s) => {
    const [key, kind = 'any'] = s.split(':') as [string, Kind | undefined];
    return { name: key.replace(/\?$/, ''), optional: key.endsWith('?'), kind: kind ?? 'any' };
  });
  for (const k of Object.keys(value)) if (!fields.some((f) => f.name === k)) return `unknown key ${k}`;
  for (const f of fields) {
    const present = Object.prototype.hasOwnProperty.call(value, f.name) && (value as Record<string, unknown>)[f.name] !== undefined;
    if (!present) {
      if (!f.optional) return `missing ${f.name}`;
      continue;
    }
    if (!fits[f.kind]((value as Record<string, unknown>)[f.name])) return `${f.name} is not ${f.kind}`;
  }
  return null;
}
