/**
 * Scanner settings: the serial scanner (port chooser with the core's list, or a typed path; baud, data
 * bits, parity, stop bits, framing by CR/LF or idle gap) and the keyboard-wedge thresholds.
 * Saved in the core (pos.updateScannerSettings); the core reopens the port by itself.
 */
import { useState, type FormEvent } from 'react';
import { SERIAL_BAUD_RATES, type ScannerSettings, type SerialPortList } from '../../../../shared/contract';
import { pos } from '../../api/pos';
import { useScanText } from './scan-text';
import { updateScannerSettings, useScannerSettings } from './useScannerSettings';
import './scan.css';

type Serial = ScannerSettings['serial'];
type Wedge = ScannerSettings['wedge'];

export function ScannerSettingsPanel() {
  const tx = useScanText();
  const { settings, loaded } = useScannerSettings();
  const [open, setOpen] = useState(false);
  const [ports, setPorts] = useState<SerialPortList | null>(null);
  const [serial, setSerial] = useState<Serial | null>(null);
  const [wedge, setWedge] = useState<Wedge | null>(null);
  const [saved, setSaved] = useState<'idle' | 'saved' | 'failed'>('idle');
  const s = serial ?? settings.serial;
  const w = wedge ?? settings.wedge;

  const refresh = () => {
    pos.listSerialPorts({}).then(setPorts, () => setPorts({ ports: [], listError: 'listSerialPorts failed' }));
  };
  const edit = (patch: Partial<Serial>) => {
    setSerial({ ...s, ...patch });
    setSaved('idle');
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    updateScannerSettings({ serial: s, wedge: w }).then(
      () => {
        setSerial(null);
        setWedge(null);
        setSaved('saved');
      },
      () => setSaved('failed'),
    );
  };

  return (
    <details
      className="devices"
      data-testid="scanner-settings"
      open={open}
      onToggle={(e) => {
        const isOpen = e.currentTarget.open;
        setOpen(isOpen);
        if (isOpen) refresh();
      }}
    >
      <summary>{tx('devices.title')}</summary>
      {loaded && (
        <form onSubmit={save}>
          <fieldset>
            <legend>{tx('serial.title')}</legend>
            <label className="devices__inline devices__wide">
              <input type="checkbox" data-testid="serial-enabled" checked={s.enabled} onChange={(e) => edit({ enabled: e.target.checked })} />
              {tx('serial.enabled')}
            </label>
            <label className="devices__wide">
              {tx('serial.port')}
              <select data-testid="serial-port" value={ports?.ports.some((p) => p.path === s.path) ? s.path : ''} onChange={(e) => e.target.value && edit({ path: e.target.value })}>
                <option value="">{tx('serial.portNone')}</option>
                {ports?.ports.map((p) => (
                  <option key={p.path} value={p.path}>
                    {p.path}
                    {p.manufacturer ? ` — ${p.manufacturer}` : ''}
                  </option>
                ))}
              </select>
            </label>
            <label className="devices__wide">
              {tx('serial.path')}
              <input type="text" data-testid="serial-path" value={s.path} spellCheck={false} autoComplete="off" onChange={(e) => edit({ path: e.target.value })} />
            </label>
            {ports?.listError && (
              <p className="devices__note" data-testid="serial-list-error" title={ports.listError}>
                {tx('serial.listError')}
              </p>
            )}
            <label>
              {tx('serial.baud')}
              <select data-testid="serial-baud" value={s.baudRate} onChange={(e) => edit({ baudRate: Number(e.target.value) })}>
                {SERIAL_BAUD_RATES.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {tx('serial.dataBits')}
              <select value={s.dataBits} onChange={(e) => edit({ dataBits: Number(e.target.value) === 7 ? 7 : 8 })}>
                <option value={8}>8</option>
                <option value={7}>7</option>
              </select>
            </label>
            <label>
              {tx('serial.parity')}
              <select value={s.parity} onChange={(e) => edit({ parity: e.target.value as Serial['parity'] })}>
                <option value="none">none</option>
                <option value="even">even</option>
                <option value="odd">odd</option>
              </select>
            </label>
            <label>
              {tx('serial.stopBits')}
              <select value={s.stopBits} onChange={(e) => edit({ stopBits: Number(e.target.value) === 2 ? 2 : 1 })}>
                <option value={1}>1</option>
                <option value={2}>2</option>
              </select>
            </label>
            <label>
              {tx('serial.framing')}
              <select data-testid="serial-framing" value={s.framing} onChange={(e) => edit({ framing: e.target.value === 'timeout' ? 'timeout' : 'crlf' })}>
                <option value="crlf">{tx('serial.framing.crlf')}</option>
                <option value="timeout">{tx('serial.framing.timeout')}</option>
              </select>
            </label>
            <label>
              {tx('serial.idle')}
              <input type="number" min={10} max={2000} value={s.idleTimeoutMs} onChange={(e) => edit({ idleTimeoutMs: Math.round(Number(e.target.value)) || 50 })} />
            </label>
            <button type="button" className="btn btn--small" onClick={refresh}>
              {tx('serial.refresh')}
            </button>
          </fieldset>
          <fieldset>
            <legend>{tx('wedge.title')}</legend>
            <label>
              {tx('wedge.maxGap')}
              <input type="number" data-testid="wedge-max-gap" min={5} max={200} value={w.maxGapMs} onChange={(e) => setWedge({ ...w, maxGapMs: Math.round(Number(e.target.value)) || 40 })} />
            </label>
            <label>
              {tx('wedge.minLength')}
              <input type="number" min={2} max={64} value={w.minLength} onChange={(e) => setWedge({ ...w, minLength: Math.round(Number(e.target.value)) || 8 })} />
            </label>
          </fieldset>
          <div className="devices__actions">
            <button type="submit" className="btn btn--secondary btn--small" data-testid="scanner-save">
              {tx('settings.save')}
            </button>
            {saved === 'saved' && <span data-testid="scanner-saved">{tx('settings.saved')}</span>}
            {saved === 'failed' && <span className="error-text">!</span>}
          </div>
        </form>
      )}
    </details>
  );
}
