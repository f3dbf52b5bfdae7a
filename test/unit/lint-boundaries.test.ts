/** The process boundaries of design.md §3 are enforced by lint: prove each rule bites. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
async function restricted(file: string, code: string): Promise<number> {
  const [res] = await eslint.lintText(code, { filePath: file });
  return res!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

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
});
