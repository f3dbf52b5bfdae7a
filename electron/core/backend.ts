/**
 * Which payment backend the terminal talks to: the embedded simulator (a real HTTP server on a
 * random loopback port, started here) or a remote URL. Either way the same axios gateway is used.
 * Follows settings changes without a restart.
 */
import { join } from 'node:path';
import axios from 'axios';
import type { Settings } from '../../shared/contract';
import { PosError } from '../../shared/domain/errors';
import { startSimulator } from '../simulator/server';
import { createGateway } from './services/gateway/create-gateway';
import type { MerchantCredentials, PaymentGateway } from './services/gateway/gateway';
import { recordingInstruments, type InstrumentSink } from './services/gateway/instrument-recorder';

export class Backend {
  private simulator: { url: string; close(): Promise<void> } | null = null;
  private current: { key: string; gateway: PaymentGateway } | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly settings: () => Settings,
    /** The merchant's keys, read on every call (registration stores them, settings may replace them). */
    private readonly credentials: () => MerchantCredentials = () => ({}),
    /** Where the card/account details of approved payments go (the ledger); none = not kept. */
    private readonly instruments?: InstrumentSink,
  ) {}

  /** Starts the embedded simulator when the settings ask for it. */
  async start(): Promise<void> {
    if (this.settings().backend.mode === 'embedded') await this.ensureSimulator();
  }

  private async ensureSimulator(): Promise<string> {
    const sim = this.simulator ?? (await startSimulator({ dbFile: join(this.dataDir, 'simulator.sqlite'), host: '127.0.0.1', port: 0 }));
    this.simulator = sim;
    return sim.url;
  }

  url(): string {
    const b = this.settings().backend;
    if (b.mode === 'remote') return b.url.replace(/\/+$/, '');
    if (!this.simulator) throw new PosError('BACKEND_UNREACHABLE', 'embedded simulator not started');
    return this.simulator.url;
  }

  /** The base URL a backend setting means, saved or not (starts the embedded simulator if it is asked for). */
  async urlFor(b: Settings['backend']): Promise<string> {
    return b.mode === 'remote' ? b.url.replace(/\/+$/, '') : this.ensureSimulator();
  }

  /** The merchant keys the gateways send (read on every call). */
  merchantCredentials(): MerchantCredentials {
    return this.credentials();
  }

  gateway(): PaymentGateway {
    const s = this.settings();
    const baseUrl = this.url();
    const kakaoApi = s.backend.kakaoApi ?? 'legacy';
    const key = `${s.backend.dialect}|${kakaoApi}|${baseUrl}|${s.paymentTimeoutMs}`;
    if (this.current?.key !== key) {
      const gw = createGateway({ dialect: s.backend.dialect, kakaoApi, baseUrl, timeoutMs: s.paymentTimeoutMs, credentials: this.credentials });
      this.current = { key, gateway: this.instruments ? recordingInstruments(gw, this.instruments) : gw };
    }
    return this.current.gateway;
  }

  async reachable(): Promise<boolean> {
    try {
      await this.gateway().ping();
      return true;
    } catch {
      return false;
    }
  }

  /** A fresh one-time QR of the simulator's demo customer, for developers and tests. */
  async issueDemoQr(): Promise<{ qrText: string; expiresAt: string; walletUrl: string }> {
    if (this.settings().backend.mode !== 'embedded') throw new PosError('SIMULATOR_ONLY');
    const url = await this.ensureSimulator();
    try {
      const res = await axios.post<{ qr_text: string; expires_at: string }>(`${url}/wallet/api/customers/demo/qr`, undefined, { timeout: 5000 });
      return { qrText: res.data.qr_text, expiresAt: res.data.expires_at, walletUrl: `${url}/wallet/demo` };
    } catch (e) {
      throw new PosError('BACKEND_UNREACHABLE', e instanceof Error ? e.message : String(e));
    }
  }

  /** Follows a settings change: starts the embedded simulator, or stops it once the backend is remote. */
  async onSettingsChanged(): Promise<void> {
    this.current = null;
    if (this.settings().backend.mode === 'remote') await this.close();
    await this.start();
  }

  /** Whether the embedded simulator is running (diagnostics, tests). */
  simulatorRunning(): boolean {
    return this.simulator !== null;
  }

  async close(): Promise<void> {
    await this.simulator?.close();
    this.simulator = null;
  }
}
