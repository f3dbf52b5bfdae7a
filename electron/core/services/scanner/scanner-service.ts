/** Scanner settings (serial, camera, wedge), the serial scanner, and the port chooser, for the router. */
import type Database from 'better-sqlite3';
import type { ScannerSettings, ScannerStatus, SerialPortList } from '../../../../shared/contract';
import type { EventBus } from '../../events';
import { ScannerSettingsRepo } from './scanner-settings-repo';
import { listSerialPorts, type PortLister } from './serial-ports';
import { SerialScanner, type PortFactory } from './serial-scanner';

export interface ScannerServiceOptions {
  db: Database.Database;
  events: EventBus;
  openPort?: PortFactory;
  lister?: PortLister;
}

export class ScannerService {
  private readonly repo: ScannerSettingsRepo;
  private readonly serial: SerialScanner;

  constructor(private readonly opts: ScannerServiceOptions) {
    this.repo = new ScannerSettingsRepo(opts.db);
    this.serial = new SerialScanner({ events: opts.events, settings: () => this.repo.get().serial, ...(opts.openPort ? { openPort: opts.openPort } : {}) });
  }

  /** Opens the configured serial port (if enabled); keeps retrying by itself. */
  start(): Promise<void> {
    return this.serial.apply();
  }

  settings(): ScannerSettings {
    return this.repo.get();
  }

  async update(patch: { [K in keyof ScannerSettings]?: Partial<ScannerSettings[K]> }): Promise<ScannerSettings> {
    const before = this.repo.get().serial;
    const next = this.repo.update(patch);
    if (JSON.stringify(before) !== JSON.stringify(next.serial)) await this.serial.apply();
    return next;
  }

  status(): ScannerStatus {
    return this.serial.status();
  }

  listPorts(): Promise<SerialPortList> {
    return listSerialPorts(this.opts.lister);
  }

  close(): Promise<void> {
    return this.serial.close();
  }
}
