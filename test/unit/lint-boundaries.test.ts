/** The process boundaries of design.md §3 are enforced by lint: prove each rule bites. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
async function restricted(file: string, code: string, rules: readonly string[] = ['no-restricted-imports']): Promise<number> {
  const [res] = await eslint.lintText(code, { filePath: file });
  return res!.messages.filter((m) => m.ruleId !== null && rules.includes(m.ruleId)).length;
}
const BOUNDARY_RULES = ['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-globals', 'no-restricted-properties'] as const;

describe('boundary lint rules', () => {
  it('renderer never imports electron, node or main-process code', async () => {
    const code = `import { ipcRenderer } from 'electron';\nimport fs from 'node:fs';\nimport p from 'path';\nimport D from 'better-sqlite3';\nimport { createRouter } from '../../electron/core/router';\nexport const x = [ipcRenderer, fs, p, D, createRouter];\n`;
    expect(await restricted('renderer/src/probe.ts', code)).toBe(5);
    expect(await restricted('renderer/src/probe.ts', `import { z } from 'zod';\nimport { splitVat } from '../../shared/domain/vat';\nexport const x = [z, splitVat];\n`)).toBe(0);
  });
  it('shared imports no Node, DOM framework or Electron runtime', async () => {
    const code = `import { randomBytes } from 'node:crypto';\nimport { app } from 'electron';\nimport React from 'react';\nexport const x = [randomBytes, app, React];\n`;
    expect(await restricted('shared/domain/probe.ts', code)).toBe(3);
  });
  it('the core and the simulator never import electron', async () => {
    expect(await restricted('electron/core/probe.ts', `import { app } from 'electron';\nexport const x = app;\n`)).toBe(1);
    expect(await restricted('electron/simulator/probe.ts', `import { BrowserWindow } from 'electron';\nexport const x = BrowserWindow;\n`)).toBe(1);
    expect(await restricted('electron/core/probe.ts', `import D from 'better-sqlite3';\nexport const x = D;\n`)).toBe(0);
  });
  it('the preload imports only electron and shared/', async () => {
    expect(await restricted('electron/preload/probe.ts', `import fs from 'node:fs';\nimport { createCore } from '../core/core';\nexport const x = [fs, createCore];\n`)).toBe(2);
    expect(await restricted('electron/preload/probe.ts', `import { contextBridge } from 'electron';\nimport { METHOD_NAMES } from '../../shared/contract';\nexport const x = [contextBridge, METHOD_NAMES];\n`)).toBe(0);
  });

  it('the core never loads electron any other way: import(), require(), module.require, import = require', async () => {
    for (const file of ['electron/core/probe.ts', 'electron/simulator/probe.ts']) {
      expect(await restricted(file, `export const x = () => import('electron');\n`, BOUNDARY_RULES), file).toBe(1);
      expect(await restricted(file, `export const x = () => import('electron/main');\n`, BOUNDARY_RULES), file).toBe(1);
      expect(await restricted(file, `export const x = () => require('electron');\n`, BOUNDARY_RULES), file).toBe(1);
      expect(await restricted(file, `export const x = () => module.require('electron');\n`, BOUNDARY_RULES), file).toBe(1);
      expect(await restricted(file, `import e = require('electron');\nexport const x = e;\n`, BOUNDARY_RULES), file).toBeGreaterThanOrEqual(1);
      // other dynamic imports stay allowed
      expect(await restricted(file, `export const x = () => import('better-sqlite3');\nexport const y = () => import('../electron-free');\n`, BOUNDARY_RULES), file).toBe(0);
    }
    expect(await restricted('renderer/src/probe.ts', `export const x = () => import('electron');\n`, BOUNDARY_RULES)).toBe(1);
  });
  it('the renderer never imports benchmarks or tests', async () => {
    const code = `import { degradedSet } from '../../../../bench/scan-degraded-set';\nimport { renderQrScene } from '../../../../test/fixtures/video/qr-synth';\nexport const x = [degradedSet, renderQrScene];\n`;
    expect(await restricted('renderer/src/features/scan/probe.ts', code)).toBe(2);
    // the benchmark page lives in bench/ and may import the renderer's decoders
    expect(await restricted('bench/browser/probe.ts', `import { decodeWasm } from '../../renderer/src/features/scan/camera/decoders';\nexport const x = decodeWasm;\n`)).toBe(0);
  });
  it('shared/ uses no Node globals (process, Buffer, …), also through globalThis', async () => {
    const code = `export const a = process.env.X;\nexport const b = Buffer.from('x');\nexport const c = globalThis.process;\nexport const d = __dirname;\n`;
    expect(await restricted('shared/domain/probe.ts', code, BOUNDARY_RULES)).toBe(4);
    // the same code is fine in the core
    expect(await restricted('electron/core/probe.ts', code, BOUNDARY_RULES)).toBe(0);
    expect(await restricted('shared/domain/probe.ts', `export const t = globalThis.setTimeout;\nexport const n = new TextEncoder();\n`, BOUNDARY_RULES)).toBe(0);
  });
  it('the renderer takes only the bridge type from the preload (import type), nothing else from electron/', async () => {
    const rules = ['no-restricted-imports', '@typescript-eslint/no-restricted-imports'];
    expect(await restricted('renderer/src/api/probe.ts', `import type { PosBridge } from '../../../electron/preload/bridge';\nexport type X = PosBridge;\n`, rules)).toBe(0);
    expect(await restricted('renderer/src/api/probe.ts', `import { createBridge } from '../../../electron/preload/bridge';\nexport const x = createBridge;\n`, rules)).toBe(1);
    expect(await restricted('renderer/src/api/probe.ts', `import '../../../electron/preload/index';\nimport type { Core } from '../../../electron/core/core';\nexport type X = Core;\n`, rules)).toBe(2);
  });
});
