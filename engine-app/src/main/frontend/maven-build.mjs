// Called by Maven (exec-maven-plugin, phase generate-resources): installs the locked dependencies
// with `npm ci` when node_modules is missing or older than package-lock.json, then builds the app
// into target/classes/static/workbench with `npm run build` unless the build there is newer than
// every source. FORCE_FRONTEND_BUILD=true (or CI=true) always builds. Only Node and npm are needed.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const out = join(here, '../../../target/classes/static/workbench/index.html');
const force = process.env.FORCE_FRONTEND_BUILD === 'true' || process.env.CI === 'true';

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);
const newest = (path) => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
};
const run = (command) => {
  console.log(`[workbench] ${command}`);
  execSync(command, { cwd: here, stdio: 'inherit' });
};

const lock = join(here, 'package-lock.json');
if (force || mtime(join(here, 'node_modules/.package-lock.json')) < mtime(lock)) {
  run('npm ci --no-audit --no-fund --ignore-scripts');
}
const sources = ['src', 'index.html', 'public', 'package-lock.json', 'vite.config.ts', 'tsconfig.json', 'maven-build.mjs']
  .map((name) => join(here, name))
  .filter(existsSync);
if (force || mtime(out) < Math.max(...sources.map(newest))) {
  const started = Date.now();
  run('npm run build');
  console.log(`[workbench] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} else {
  console.log('[workbench] up to date (target/classes/static/workbench)');
}
