/**
 * Checklist point 16 (use a current Electron). Offline, "current" cannot be looked up, so: the
 * installed runtime matches package.json and is not older than the floor below, which is raised
 * with every Electron major upgrade (docs/electron-security.md).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const SUPPORTED_FLOOR_MAJOR = 45;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string>; dependencies: Record<string, string> };
// electron/package.json only: requiring 'electron' itself would try to locate the binary
const installed = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;

describe('Electron version', () => {
  it('package.json asks for a supported major, as a dev dependency (electron-builder bundles the runtime)', () => {
    expect(pkg.dependencies.electron).toBeUndefined();
    const major = Number(/^\^?~?(\d+)\./.exec(pkg.devDependencies.electron ?? '')?.[1]);
    expect(major).toBeGreaterThanOrEqual(SUPPORTED_FLOOR_MAJOR);
  });
  it('the installed runtime matches package.json', () => {
    const wanted = /^\^?~?(\d+)\./.exec(pkg.devDependencies.electron ?? '')?.[1];
    expect(installed.split('.')[0]).toBe(wanted);
    expect(Number(installed.split('.')[0])).toBeGreaterThanOrEqual(SUPPORTED_FLOOR_MAJOR);
  });
});
