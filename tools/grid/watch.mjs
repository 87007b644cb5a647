// Runs one process of the local Selenium Grid (the hub, a node, a node's Appium) in this process group, its output
// in a log file, and takes the whole group down when it is told to stop (SIGTERM, SIGINT, SIGHUP), when the process
// ends, or when the runner that started it is gone (so nothing outlives `./e2e grid up` or a run's Grid).
// Usage: setsid node watch.mjs --log FILE [--parent-pid PID] -- COMMAND ARG...
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const own = split >= 0 ? args.slice(0, split) : args;
const command = split >= 0 ? args.slice(split + 1) : [];
const opt = (name) => { const i = own.indexOf(`--${name}`); return i >= 0 ? own[i + 1] : undefined; };
const log = opt('log');
const parentPid = Number(opt('parent-pid') ?? 0);
if (!log || command.length === 0) {
  console.error('watch.mjs: use --log FILE [--parent-pid PID] -- COMMAND ARG...');
  process.exit(2);
}

const out = fs.openSync(log, 'a');
const child = spawn(command[0], command.slice(1), { stdio: ['ignore', out, out] });

// Started under setsid: the group is ours alone, so this reaches what the command started too (chromedriver, Chromium).
const killGroup = () => { try { process.kill(-process.pid, 'SIGKILL'); } catch { /* already gone */ } };
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  // Java and Appium shut down cleanly on SIGTERM (a node tells the hub it leaves); what is left after 5 s is killed.
  try { child.kill('SIGTERM'); } catch { killGroup(); }
  setTimeout(killGroup, 5000);
};

child.on('error', (e) => { fs.writeSync(out, `watch.mjs: ${command[0]} did not start: ${e.message}\n`); process.exit(1); });
child.on('exit', (code, signal) => {
  fs.writeSync(out, `watch.mjs: ${command[0]} ended (${signal ?? code})\n`);
  killGroup();
  process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);

if (parentPid > 0) {
  setInterval(() => {
    try { process.kill(parentPid, 0); } catch { stop(); }
  }, 1000).unref();
}
