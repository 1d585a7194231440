// Runs a command as a whole process and measures its wall time and peak RSS.
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`, the largest process of the tree) when it is
// installed, else from polling /proc/<pid>/status VmHWM (may miss the last few milliseconds).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export const rssMethod = hasGnuTime() ? 'GNU time -f %M (max RSS of the largest process)' : '/proc/<pid>/status VmHWM, polled every 5 ms';

function hasGnuTime() {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr);
}

/**
 * Runs `command args` in `cwd`; resolves `{ seconds, rssMb, status, stdout, stderr }`.
 * stdout is read through a pipe for every command alike (the cost of printing is part of the run).
 */
export function measure(command, args, { cwd, env } = {}) {
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const gnu = rssMethod.startsWith('GNU');
  const [file, argv] = gnu ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    let peakKb = 0;
    const poll = gnu ? null : setInterval(() => (peakKb = Math.max(peakKb, vmHwmKb(child.pid))), 5);
    child.on('error', reject);
    child.on('close', (status) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (poll) clearInterval(poll);
      if (gnu) {
        try {
          peakKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
        } catch {
          peakKb = NaN;
        }
        rmSync(rssFile, { force: true });
      }
      resolve({ seconds, rssMb: peakKb / 1024, status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

function vmHwmKb(pid) {
  try {
    const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
