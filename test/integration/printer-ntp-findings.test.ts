/**
 * What node-thermal-printer 4.6.1 does with a Korean receipt, measured on the emulator (design.md §5
 * lists the suspicions; this checks each one). If an upgrade fixes one, the test tells us to revisit
 * escpos-encoder.ts. Also where it is right: its ESC/POS constants match ours byte for byte.
 */
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { afterEach, describe, expect, it } from 'vitest';
import { getProfile } from '../../electron/core/services/printer/profiles';
import { GS_R_PAPER } from '../../electron/core/services/printer/status';
import { EscPosPrinterEmulator } from '../emulators/escpos-printer';

const emus: EscPosPrinterEmulator[] = [];
afterEach(async () => {
  for (const e of emus.splice(0)) await e.close();
});
const ntp = (width = 32, iface = 'tcp://127.0.0.1:9') => new ThermalPrinter({ type: PrinterTypes.EPSON, interface: iface, characterSet: CharacterSet.KOREA, width });
const KANJI_ON = Buffer.from([0x1c, 0x26]);

describe('node-thermal-printer 4.6.1, measured', () => {
  it('sends no FS &: Hangul reaches the printer outside double-byte mode', () => {
    const p = ntp();
    p.println('합계');
    const emu = new EscPosPrinterEmulator({ columns: 32 });
    emu.feed(p.getBuffer());
    expect(p.getBuffer().includes(KANJI_ON)).toBe(false);
    expect(emu.errors.filter((e) => e.startsWith('high byte'))).toHaveLength(4);
  });

  it('counts width by .length: a Korean left/right pair overflows 32 columns and wraps', () => {
    const p = ntp();
    p.leftRight('가맹점명', '홍길동 카페');
    const emu = new EscPosPrinterEmulator({ columns: 32 });
    emu.feed(Buffer.concat([KANJI_ON, p.getBuffer()]));
    expect(emu.openLines.length).toBe(2); // one pair became two lines on paper
  });

  it("encodes KOREA with iconv-lite 'EUC-KR' = CP949: 똠 goes out as 8C 63", () => {
    const p = ntp();
    p.print('똠');
    expect(p.getBuffer().toString('hex')).toContain('8c63');
  });

  it('declares the QR length in characters: non-ASCII data desynchronises the parser', () => {
    const p = ntp();
    p.printQR('환불-T1', { cellSize: 6, correction: 'M', model: 2 });
    p.println('OK');
    const emu = new EscPosPrinterEmulator({ columns: 32 });
    emu.feed(Buffer.concat([KANJI_ON, p.getBuffer()]));
    expect(emu.events.some((e) => e.type === 'qr' && e.detail === '환불-T1')).toBe(false);
  });

  it('resets the printer (ESC @) after every cut, dropping ESC R 13 and the double-byte mode', () => {
    const p = ntp();
    p.cut();
    const emu = new EscPosPrinterEmulator({ columns: 32 });
    emu.feed(Buffer.concat([KANJI_ON, p.getBuffer()]));
    expect(emu.resetsAfterCut).toBe(1);
    expect(emu.state).toMatchObject({ kanji: false, intl: 0 });
  });

  it('kicks the drawer with ESC p m and no t1 t2: the next command becomes the pulse times', () => {
    const p = ntp();
    p.openCashDrawer();
    const emu = new EscPosPrinterEmulator({ columns: 32 });
    emu.feed(p.getBuffer());
    expect(emu.drawerKicks[0]).toEqual({ pin: 0, t1: 0x1b, t2: 0x70 });
  });

  it('has no Korean code page command for STAR', () => {
    expect(() => new ThermalPrinter({ type: PrinterTypes.STAR, interface: 'tcp://127.0.0.1:9', characterSet: CharacterSet.KOREA })).toThrow(/Code page not recognized/);
  });

  it('reports success when the bytes are written, even to a printer out of paper', async () => {
    const emu = await EscPosPrinterEmulator.start({ columns: 32, fault: 'paper_out' });
    emus.push(emu);
    const p = ntp(32, emu.url);
    p.println('TEST');
    p.cut();
    await expect(p.execute()).resolves.toBeUndefined();
    expect(emu.receipts).toHaveLength(0);
  });

  it('is right on the ESC/POS constants we share: QR (ASCII data) and GS r 1', () => {
    const p = ntp();
    p.clear();
    const before = p.getBuffer()?.length ?? 0;
    p.printQR('T2026112221182200042', { cellSize: 6, correction: 'M', model: 2 });
    expect(p.getBuffer().subarray(before)).toEqual(getProfile('epson').qr(Buffer.from('T2026112221182200042'), 6));
    const q = ntp();
    const start = q.getBuffer()?.length ?? 0;
    void (q as unknown as { getStatus(): Promise<void> }).getStatus(); // in 4.6.1, missing from its .d.ts
    expect(q.getBuffer().subarray(start)).toEqual(GS_R_PAPER);
  });
});
