/**
 * Plain values of the contract that the checkout needs at start (issue 15): no schema here, so the first
 * paint does not wait for zod to build the contract's schemas. shared/contract.ts re-exports every one.
 */
import type { ScannerSettings } from './contract';

export const PAYMENT_STATUSES = ['created', 'ready_requested', 'ready', 'approve_requested', 'approved', 'failed', 'unknown'] as const;
export const FINAL_STATUSES: readonly (typeof PAYMENT_STATUSES)[number][] = ['approved', 'failed'];

export const SERIAL_BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;
export const DEFAULT_SCANNER_SETTINGS: ScannerSettings = {
  serial: { enabled: false, path: '', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, framing: 'crlf', idleTimeoutMs: 50 },
  camera: { enabled: true, deviceId: '', mirror: false },
  wedge: { maxGapMs: 40, minLength: 8 },
};

/** History filter states (see HISTORY_STATES' note in contract.ts). */
export const HISTORY_STATES = ['approved', 'refunded_partial', 'refunded_full', 'failed', 'unknown', 'in_progress'] as const;
