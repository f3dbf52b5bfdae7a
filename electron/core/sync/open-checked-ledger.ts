/**
 * The core's way to open its ledger (issue 14): restore first when asked (`restoreFrom`), else check
 * for loss (ledger-check.ts) and refuse to start on a missing/empty/truncated/behind ledger; then open
 * it and bind it to the terminal's identity (terminal.json).
 */
import type Database from 'better-sqlite3';
import { openLedger } from '../db/open-ledger';
import type { SecretStore } from '../secrets/secret-store';
import { bindIdentity } from './identity';
import { checkLedger, LedgerLossError } from './ledger-check';
import { restoreLedger, type RestoreSource } from './restore';

export async function openCheckedLedger(dataDir: string, backupDir: string, secrets: SecretStore, restoreFrom?: RestoreSource): Promise<Database.Database> {
  if (restoreFrom) {
    const r = await restoreLedger(dataDir, backupDir, restoreFrom, secrets);
    console.log(`[restore] ledger restored from ${r.from}: ${r.payments} payments, ${r.events} events from the head office`);
  } else {
    const c = checkLedger(dataDir, backupDir);
    if (c.problem) throw new LedgerLossError(c);
  }
  const db = openLedger(dataDir);
  bindIdentity(db, dataDir);
  return db;
}
