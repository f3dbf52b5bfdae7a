/**
 * Serial ports to offer in the chooser. `SerialPort.list()` spawns `udevadm` on Linux and rejects where
 * it is missing (containers, minimal images): then the /dev folder is scanned instead, and the error is
 * reported next to the list rather than thrown.
 */
import { readdirSync } from 'node:fs';
import type { SerialPortList } from '../../../../shared/contract';

type Listed = { path: string; manufacturer?: string | undefined; serialNumber?: string | undefined; vendorId?: string | undefined; productId?: string | undefined };
export type PortLister = () => Promise<Listed[]>;

const DEV_PATTERN = /^(ttyUSB\d+|ttyACM\d+|ttyAMA\d+|rfcomm\d+|ttyS\d+|cu\.usb.*|tty\.usb.*)$/;

/** Device nodes that look like serial ports, by name (the fallback when the system listing fails). */
export function scanDevFolder(dir = '/dev'): Listed[] {
  try {
    return readdirSync(dir)
      .filter((n) => DEV_PATTERN.test(n))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((n) => ({ path: `${dir}/${n}` }));
  } catch {
    return [];
  }
}

export async function defaultLister(): Promise<Listed[]> {
  const { SerialPort } = await import('serialport');
  return SerialPort.list();
}

export async function listSerialPorts(lister: PortLister = defaultLister, fallback: () => Listed[] = () => scanDevFolder()): Promise<SerialPortList> {
  let listed: Listed[];
  let listError: string | null = null;
  try {
    listed = await lister();
  } catch (e) {
    listError = e instanceof Error ? e.message.slice(0, 300) : String(e).slice(0, 300);
    listed = fallback();
  }
  // USB scanners first (they have a vendor id); the many built-in ttyS* ports last.
  const ports = listed
    .map((p) => ({ path: p.path, manufacturer: p.manufacturer ?? null, serialNumber: p.serialNumber ?? null, vendorId: p.vendorId ?? null, productId: p.productId ?? null }))
    .sort((a, b) => Number(b.vendorId !== null) - Number(a.vendorId !== null) || a.path.localeCompare(b.path, 'en', { numeric: true }));
  return { ports, listError };
}
