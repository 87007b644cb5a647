// Starts the pinned Appium server on loopback and takes its whole process group down
// (Appium, chromedriver, Chromium) as soon as the test run that started it is gone.
// Usage: node serve.mjs --port N [--parent-pid PID] [--log FILE]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const port = opt('port');
const parentPid = Number(opt('parent-pid') ?? 0);
if (!port) {
  console.error('serve.mjs: --port is required');
  process.exit(2);
}

const appium = spawn(process.execPath, [
  path.join(here, 'node_modules', 'appium', 'index.js'), 'server',
  '--address', '127.0.0.1', '--port', port, '--log-no-colors', '--log-timestamp', '--local-timezone',
], { cwd: here, env: { ...process.env, APPIUM_HOME: here }, stdio: ['ignore', 'inherit', 'inherit'] });

const stopGroup = (code) => {
  try { appium.kill('SIGTERM'); } catch { /* already gone */ }
  // Started under setsid: the group is ours alone, so this reaches chromedriver and Chromium too.
  try { process.kill(-process.pid, 'SIGKILL'); } catch { process.exit(code); }
};

appium.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopGroup(0));

if (parentPid > 0) {
  setInterval(() => {
    try { process.kill(parentPid, 0); } catch { stopGroup(0); }
  }, 1000).unref();
}
