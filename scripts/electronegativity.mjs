#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security scanner) over the Electron sources, offline.
//   node scripts/electronegativity.mjs        exit 0 only when every finding is reviewed in
//                                             electronegativity.allow.json, no allow entry is stale,
//                                             and every file parsed.
// What is scanned: electron/ (main, preload, core, simulator), renderer/ (index.html and src) and
// package.json, copied together into test-results/electronegativity/scan so the global checks see
// the whole app at once. Sources, not the electron-vite output: the bundle rewrites
// `new BrowserWindow(...)` into `new electron.BrowserWindow(...)`, which the window checks do not
// recognise (they found nothing in out/main), and it inlines dependencies that are not ours.
// Offline: Electronegativity fetches translations from S3 at every start (and crashes in got's retry
// when there is no network), so its i18n loader is replaced by the bundled en-US strings; the
// AvailableSecurityFixesGlobalCheck needs GitHub's release list and is not run (docs/electron-security.md, point 16).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const base = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const scanDir = join(root, 'test-results', 'electronegativity', 'scan');
const allowFile = join(root, 'electronegativity.allow.json');
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

function stage() {
  rmSync(scanDir, { recursive: true, force: true });
  mkdirSync(scanDir, { recursive: true });
  cpSync(join(root, 'electron'), join(scanDir, 'electron'), { recursive: true });
  mkdirSync(join(scanDir, 'renderer'));
  cpSync(join(root, 'renderer', 'index.html'), join(scanDir, 'renderer', 'index.html'));
  cpSync(join(root, 'renderer', 'src'), join(scanDir, 'renderer', 'src'), { recursive: true });
  cpSync(join(root, 'package.json'), join(scanDir, 'package.json'));
}

function offlineI18n() {
  const i18nModule = join(base, 'dist', 'locales', 'i18n.js');
  const i18n = require(require.resolve('i18n', { paths: [base] }));
  const load = async () => {
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: dirname(i18nModule), updateFiles: false, objectNotation: true, retryInDefaultLocale: true, register: globalThis });
    i18n.setLocale('en-US');
  };
  require.cache[i18nModule] = { id: i18nModule, filename: i18nModule, loaded: true, exports: load };
}

const rel = (f) => String(f).replace(/\\/g, '/').replace(/^\.?\//, '');
const sampleOf = (issue) => (typeof issue.sample === 'string' ? issue.sample : issue.properties?.CSPstring ?? '');

async function main() {
  stage();
  offlineI18n();
  const run = require(join(base, 'dist', 'runner.js'));
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const result = await run({
    input: scanDir,
    isRelative: true,
    excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  const allow = JSON.parse(readFileSync(allowFile, 'utf8')).allow;
  const used = new Set();
  const rows = result.issues.map((issue) => {
    const file = rel(issue.file);
    const sample = sampleOf(issue);
    const i = allow.findIndex((a) => a.check === issue.id && a.file === file && (!a.match || sample.includes(a.match)));
    if (i >= 0) used.add(i);
    return { check: issue.id, file, at: `${issue.location.line}:${issue.location.column}`, severity: issue.severity?.name ?? '', reviewed: i >= 0, sample: sample.slice(0, 90) };
  });
  const stale = allow.filter((_, i) => !used.has(i));
  const fatal = result.errors.filter((e) => !e.tolerable);

  console.log(`electronegativity ${JSON.parse(readFileSync(join(base, 'package.json'), 'utf8')).version}: ${result.globalChecks} global + ${result.atomicChecks} atomic checks (not run: ${EXCLUDED_CHECKS.join(', ')}), Electron ${electronVersion}`);
  for (const r of rows) console.log(`  ${r.reviewed ? 'reviewed' : 'NEW     '} ${r.check.padEnd(40)} ${`${r.file}:${r.at}`.padEnd(44)} ${r.severity.padEnd(13)} ${r.sample}`);
  for (const s of stale) console.log(`  STALE    allow-list entry matches nothing any more: ${s.check} ${s.file}${s.match ? ` (${s.match})` : ''}`);
  for (const e of fatal) console.log(`  PARSE    ${rel(e.file)}: ${e.message}`);
  writeFileSync(join(root, 'test-results', 'electronegativity', 'findings.json'), JSON.stringify({ rows, stale, errors: result.errors }, null, 2));

  const unreviewed = rows.filter((r) => !r.reviewed);
  if (unreviewed.length || stale.length || fatal.length) {
    console.log(`FAILED: ${unreviewed.length} unreviewed finding(s), ${stale.length} stale allow-list entr(y/ies), ${fatal.length} file(s) not parsed. Fix the code, or review the finding and add it with its reason to electronegativity.allow.json.`);
    process.exit(1);
  }
  console.log(`OK: ${rows.length} finding(s), all reviewed in electronegativity.allow.json`);
}

if (!existsSync(allowFile)) {
  console.error('electronegativity.allow.json is missing');
  process.exit(1);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
