/**
 * Card and account details of payments (issue 10), as the backend reported them at approval or in a
 * look-up: one row per order id, a later report fills what an earlier one lacked and never blanks it.
 * Only masked numbers are stored (a table CHECK refuses a number without '*').
 */
import type Database from 'better-sqlite3';
import type { PaymentInstrument } from '../../../../shared/contract-instrument';

interface Row {
  card_issuer: string | null;
  card_purchaser: string | null;
  card_masked: string | null;
  card_type: string | null;
  install_month: number | null;
  card_approval_no: string | null;
  account_masked: string | null;
}

export class InstrumentRepo {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(orderId: string, i: PaymentInstrument): void {
    this.db
      .prepare(
        `INSERT INTO payment_instruments (order_id, card_issuer, card_purchaser, card_masked, card_type, install_month, card_approval_no, account_masked, recorded_at)
         VALUES (@orderId, @cardIssuer, @cardPurchaser, @cardMasked, @cardType, @installMonth, @cardApprovalNo, @accountMasked, @at)
         ON CONFLICT (order_id) DO UPDATE SET
           card_issuer = COALESCE(card_issuer, excluded.card_issuer), card_purchaser = COALESCE(card_purchaser, excluded.card_purchaser),
           card_masked = COALESCE(card_masked, excluded.card_masked), card_type = COALESCE(card_type, excluded.card_type),
           install_month = COALESCE(install_month, excluded.install_month), card_approval_no = COALESCE(card_approval_no, excluded.card_approval_no),
           account_masked = COALESCE(account_masked, excluded.account_masked)`,
      )
      .run({ orderId, ...i, at: this.now().toISOString() });
  }

  byOrderId(orderId: string): PaymentInstrument | null {
    const r = this.db.prepare('SELECT * FROM payment_instruments WHERE order_id = ?').get(orderId) as Row | undefined;
    if (!r) return null;
    return { cardIssuer: r.card_issuer, cardPurchaser: r.card_purchaser, cardMasked: r.card_masked, cardType: r.card_type, installMonth: r.install_month, cardApprovalNo: r.card_approval_no, accountMasked: r.account_masked };
  }

  byPaymentId(id: number): PaymentInstrument | null {
    const p = this.db.prepare('SELECT order_id FROM payments WHERE id = ?').get(id) as { order_id: string } | undefined;
    return p ? this.byOrderId(p.order_id) : null;
  }
}
