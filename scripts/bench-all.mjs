#!/usr/bin/env node
// `npm run bench`: every "bench:*" script of package.json in turn (each prints its figures and writes
// bench/results/<name>.json), then bench:summary: one table of figure / goal / met, and
// bench/results/summary.json.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts).filter((s) => s.startsWith('bench:') && s !== 'bench:summary');
let failed = 0;
for (const s of scripts) {
  console.log(`\n=== ${s}`);
  const r = spawnSync(npm, ['run', '--silent', s], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
console.log(`\n${scripts.length - failed} benchmarks ran, ${failed} failed; results in bench/results/`);
spawnSync(npm, ['run', '--silent', 'bench:summary'], { stdio: 'inherit' });
process.exit(failed ? 1 : 0);
