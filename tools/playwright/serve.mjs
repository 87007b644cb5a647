// A remote Playwright browser server on loopback, from the Playwright driver bundled with the .NET package,
// for trying Web:WsEndpoint the way a team's browser grid would be used.
// Usage: node serve.mjs <path to .playwright/package> <port> [parent pid]
import { createRequire } from 'node:module';
import path from 'node:path';

const [pkg, port, parentPid] = process.argv.slice(2);
if (!pkg || !port) {
  console.error('usage: node serve.mjs <.playwright/package> <port> [parent pid]');
  process.exit(2);
}

const { chromium } = createRequire(import.meta.url)(path.resolve(pkg));
const server = await chromium.launchServer({
  executablePath: process.env.KYCE2E_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  host: '127.0.0.1',
  port: Number(port),
  wsPath: 'kyce2e',
});
console.log(`Playwright server listening on ${server.wsEndpoint()}`);

const stop = async () => { await server.close(); process.exit(0); };
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
if (Number(parentPid) > 0) {
  setInterval(() => { try { process.kill(Number(parentPid), 0); } catch { stop(); } }, 1000).unref();
}
