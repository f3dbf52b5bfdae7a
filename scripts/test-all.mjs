#!/usr/bin/env node
// `npm test`: every suite; the skipped count on its own line, then the last line "N passed, N failed".
//   static checks (typecheck node + web, lint, electronegativity against its reviewed allow-list)
//   count one test each;
//   vitest (unit + integration) and Playwright (web e2e; Electron e2e under xvfb-run when
//   ELECTRON_OVERRIDE_DIST_PATH is set, otherwise reported skipped) count their own tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
mkdirSync('test-results', { recursive: true });

function run(cmd, args, env = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: r.status === 0, seconds: (Date.now() - t0) / 1000 };
}
function check(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = run(cmd, args);
  totals[r.ok ? 'passed' : 'failed']++;
  rows.push(`${name.padEnd(22)} ${r.ok ? '1 passed' : '1 FAILED'} (${r.seconds.toFixed(1)} s)`);
  return r.ok;
}
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
function suite(name, cmd, args, jsonFile, count, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  rmSync(jsonFile, { force: true });
  const r = run(cmd, args, env);
  const c = existsSync(jsonFile) ? count(readJson(jsonFile)) : null;
  if (!c) {
    totals.failed++;
    rows.push(`${name.padEnd(22)} runner failed before reporting (exit ${r.ok ? 0 : 'non-zero'})`);
    return;
  }
  if (!r.ok && c.failed === 0) c.failed = 1; // the runner failed outside any test
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  rows.push(`${name.padEnd(22)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (${r.seconds.toFixed(1)} s)`);
}
function vitestCount(j) {
  if (!j) return null;
  // a file that failed to load has no failed assertion but must still count as a failure
  const brokenFiles = (j.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  return { passed: j.numPassedTests, failed: j.numFailedTests + brokenFiles, skipped: j.numPendingTests + j.numTodoTests };
}
const pwCount = (j) => j && { passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected + (j.errors?.length ?? 0), skipped: j.stats.skipped };

const t0 = Date.now();
check('typecheck (node)', npx, ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
check('typecheck (web)', npx, ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
check('lint (boundaries)', npx, ['eslint', '.', '--max-warnings=0']);
check('electronegativity', process.execPath, ['scripts/electronegativity.mjs']);
check('build (renderer)', npx, ['vite', 'build', '--config', 'vite.web.config.mts', '--logLevel', 'warn']);
suite('vitest', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json'], 'test-results/vitest.json', vitestCount);
suite('playwright (web)', npx, ['playwright', 'test', '--project=web'], 'test-results/playwright-web.json', pwCount, { PW_JSON_OUTPUT: 'test-results/playwright-web.json' });
if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  const build = check('build (electron)', npx, ['electron-vite', 'build']);
  const xvfb = process.platform === 'linux' && !process.env.DISPLAY ? ['xvfb-run', ['-a', npx, 'playwright', 'test', '--project=electron']] : [npx, ['playwright', 'test', '--project=electron']];
  if (build) suite('playwright (electron)', xvfb[0], xvfb[1], 'test-results/playwright-electron.json', pwCount, { PW_JSON_OUTPUT: 'test-results/playwright-electron.json' });
} else {
  console.log('\n=== playwright (electron): the Electron runtime is not on this machine (ELECTRON_OVERRIDE_DIST_PATH unset): its tests report themselves skipped');
  suite('playwright (electron)', npx, ['playwright', 'test', '--project=electron'], 'test-results/playwright-electron.json', pwCount, { PW_JSON_OUTPUT: 'test-results/playwright-electron.json' });
}

console.log('\n=== summary');
for (const r of rows) console.log(`  ${r}`);
console.log(`  total time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${totals.skipped} skipped (each says why in its suite above)`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
