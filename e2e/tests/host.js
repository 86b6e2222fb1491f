// A second static host for tests that need one they can stop or change: the
// project's own static server (`cargo xtask static`, the same real-host
// behaviour as the main one), run as its own process on a free port.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Serves `dir` under `prefix`; resolves to { url, close() }. */
export async function startHost(dir, prefix = '/lambda-lab/') {
  const exe = process.env.LAMBDA_LAB_XTASK;
  if (!exe) throw new Error('LAMBDA_LAB_XTASK is not set (cargo xtask test sets it)');
  const child = spawn(exe, ['static', dir, '--public-url', prefix, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the static server did not start')), 15_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the static server exited (${code})`)); });
  });
  const exited = new Promise((r) => child.on('exit', r));
  return { url, close: async () => { child.kill(); await exited; } };
}

/** A private copy of the built site, which a test may change. */
export function copyOfSite() {
  const dist = process.env.LAMBDA_LAB_DIST;
  if (!dist) throw new Error('LAMBDA_LAB_DIST is not set (cargo xtask test sets it)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-lab-site-'));
  fs.cpSync(dist, dir, { recursive: true });
  return dir;
}
