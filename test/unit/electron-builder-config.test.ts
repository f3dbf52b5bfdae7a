/**
 * Packaging (electron-builder.yml) checked as far as this machine allows: the configuration is valid
 * for electron-builder (its JSON schema with ajv, and electron-builder's own loader + validator), the
 * targets, icons, asar/asarUnpack, file filters and fuses are what the issue asks for. Packing for
 * real needs an Electron runtime: with ELECTRON_OVERRIDE_DIST_PATH set, `electron-builder --dir`
 * packs into a temp folder and the result is inspected; otherwise that test reports itself skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  directories: { output: string; buildResources: string };
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  nsis: { installerIcon: string; uninstallerIcon: string; oneClick: boolean };
  [key: string]: unknown;
}
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const RENDERER_ONLY = ['react', 'react-dom', 'chart.js', 'react-chartjs-2', 'zxing-wasm', '@zxing/library'];

/** electron-builder's file filter: in when some positive pattern matches and no negation does. */
const packed = (path: string, patterns: readonly string[]): boolean => {
  const pos = patterns.filter((p) => !p.startsWith('!'));
  const neg = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const inNodeModules = path.startsWith('node_modules/');
  return (inNodeModules || pos.some((p) => minimatch(path, p, { dot: true }))) && !neg.some((p) => minimatch(path, p, { dot: true }));
};

function png(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex'), file).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder\'s JSON schema (app-builder-lib/scheme.json, ajv)', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(config), ajv.errorsText(validate.errors)).toBe(true);
    // and the check can fail: a misspelt option is refused
    expect(validate({ ...config, linux: { ...config.linux, targett: ['AppImage'] } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } })).toBe(false);
  });

  it('passes electron-builder\'s own loader and validator (merged with package.json)', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<BuilderConfig>;
      validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await getConfig(process.cwd(), null, null);
    expect(loaded.appId).toBe('kr.qrpos.terminal');
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...loaded, nsis: { ...loaded.nsis, oneclick: false } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/);
  });

  it('targets AppImage and deb on Linux, an NSIS installer on Windows', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis.oneClick).toBe(false);
  });

  it('has real icons: a Linux set with 512 and 256 px PNGs, and a Windows .ico with a 256 px image', () => {
    expect(statSync(config.linux.icon).isDirectory()).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(png(join(config.linux.icon, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    expect(png('resources/icon.png')).toEqual({ width: 512, height: 512 });
    for (const f of [config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon]) expect(f).toBe('resources/icon.ico');
    const ico = readFileSync('resources/icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type 1 = icon
    const entries = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const e = 6 + 16 * i;
      return { size: ico[e] || 256, bpp: ico.readUInt16LE(e + 6), length: ico.readUInt32LE(e + 8), offset: ico.readUInt32LE(e + 12) };
    });
    expect(entries.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const e of entries) {
      expect(e.bpp).toBe(32);
      expect(e.offset + e.length).toBeLessThanOrEqual(ico.length);
      const data = ico.subarray(e.offset, e.offset + e.length);
      if (e.size === 256) expect(data.subarray(1, 4).toString('ascii')).toBe('PNG');
      else expect([data.readUInt32LE(0), data.readInt32LE(4), data.readInt32LE(8)]).toEqual([40, e.size, e.size * 2]); // BITMAPINFOHEADER
    }
  });

  it('packs the build output into asar, never the sources, tests, maps or renderer-only packages', () => {
    expect(config.asar).toBe(true);
    for (const f of ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html', 'out/renderer/assets/index-abc.js', 'package.json', 'node_modules/better-sqlite3/lib/index.js'])
      expect(packed(f, config.files), f).toBe(true);
    for (const f of [
      'electron/main/index.ts',
      'electron/core/core.ts',
      'renderer/src/App.tsx',
      'shared/contract.ts',
      'test/unit/vat.test.ts',
      'bench/scan-bench.ts',
      'scripts/test-all.mjs',
      'out/main/index.js.map',
      'node_modules/react-dom/index.js',
      'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm',
      'node_modules/@zxing/library/umd/index.min.js',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
      'node_modules/node-thermal-printer/node-thermal-printer.js', // issue 10: comparison test and bench only
    ])
      expect(packed(f, config.files), f).toBe(false);
  });

  it('node-thermal-printer is a devDependency, so electron-builder does not add it to the production node_modules', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain('node-thermal-printer');
    expect(Object.keys(pkg.devDependencies)).toContain('node-thermal-printer');
  });

  it('the main process imports none of the packages left out of the package', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
    const offenders = [...files('electron'), ...files('shared')].filter((f) => {
      const src = readFileSync(f, 'utf8');
      return RENDERER_ONLY.some((p) => new RegExp(`(from|import\\(|require\\()\\s*['"]${p.replace(/[.]/g, '\\.')}(/[^'"]*)?['"]`).test(src));
    });
    expect(offenders).toEqual([]);
  });

  it('unpacks the native modules from asar', () => {
    const unpacked = (f: string) => config.asarUnpack.some((p) => minimatch(f, p, { dot: true }));
    for (const f of [
      'node_modules/better-sqlite3/prebuilds/linux-x64.node',
      'node_modules/better-sqlite3/prebuilds/win32-x64.node',
      'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
      'node_modules/@serialport/bindings-cpp/prebuilds/win32-x64/@serialport+bindings-cpp.node',
    ])
      expect(unpacked(f), f).toBe(true);
    expect(unpacked('out/main/index.js')).toBe(false);
  });

  it('flips the Electron fuses (checklist point 19)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('the ledger lives in userData, `npm run dist` exists and the README documents it', () => {
    expect(readFileSync('electron/main/index.ts', 'utf8')).toMatch(/app\.getPath\('userData'\)/);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.scripts.dist).toMatch(/electron-vite build && electron-builder/);
    expect(pkg.main).toBe('out/main/index.js');
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toMatch(/npm run dist/);
    expect(readme).toMatch(/internet/i);
  });

  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  it.skipIf(!dist)(
    `electron-builder --dir packs the app${dist ? '' : ' (skipped: ELECTRON_OVERRIDE_DIST_PATH is not set, no Electron runtime on this machine)'}`,
    async () => {
      const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
      const out = mkdtempSync(join(tmpdir(), 'pos-pack-'));
      try {
        expect(spawnSync(npx, ['electron-vite', 'build'], { stdio: 'inherit' }).status).toBe(0);
        const r = spawnSync(npx, ['electron-builder', '--dir', '--publish', 'never', `-c.electronDist=${dist}`, `-c.directories.output=${out}`], { stdio: 'inherit' });
        expect(r.status).toBe(0);
        const appDir = readdirSync(out).map((d) => join(out, d)).find((d) => /unpacked$/.test(d) && statSync(d).isDirectory());
        expect(appDir).toBeDefined();
        const resources = join(appDir!, 'resources');
        expect(existsSync(join(resources, 'app.asar'))).toBe(true);
        expect(existsSync(join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3'))).toBe(true);
        expect(existsSync(join(resources, 'app.asar.unpacked', 'node_modules', '@serialport', 'bindings-cpp'))).toBe(true);
        const { listPackage } = require('@electron/asar') as { listPackage(p: string, o: object): string[] };
        const entries = listPackage(join(resources, 'app.asar'), {}).map((e) => e.replace(/\\/g, '/'));
        expect(entries).toContain('/out/main/index.js');
        expect(entries.filter((e) => /^\/(electron|renderer|shared|test)\//.test(e) || e.startsWith('/node_modules/react-dom/'))).toEqual([]);
        const exe = join(appDir!, process.platform === 'win32' ? 'QR POS Terminal.exe' : 'qr-pos-terminal');
        const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as typeof import('@electron/fuses');
        const wire = (await getCurrentFuseWire(exe)) as unknown as Record<number, number>;
        const DISABLE = 48;
        const ENABLE = 49;
        expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLE);
        expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
        expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLE);
        expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
        expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ENABLE);
        expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLE);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    600_000,
  );
});
