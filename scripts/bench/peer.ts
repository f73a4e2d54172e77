// The peer of the side-by-side: the same release notes on stock Starlight,
// built from a folder outside the repository (BENCH_PEER_DIR, by default
// ../shared/peer-starlight beside it). It is copied into .tmp/ (ignored by
// git), where its node_modules are kept from one run to the next and
// reinstalled only when its lockfile changes. Nothing of it is committed.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PEER_SOURCE = process.env.BENCH_PEER_DIR ?? '../shared/peer-starlight';
const WORK_DIR = '.tmp/bench-peer';
/** What the copy keeps between runs, besides the files copied afresh. */
const KEPT = new Set(['node_modules']);
const INSTALLED_LOCK = join(WORK_DIR, 'node_modules', '.bench-installed-lock.json');

/** The source's own files are read-only; the copy must be writable to be replaced next run. */
function makeWritable(path: string): void {
  const info = statSync(path);
  chmodSync(path, info.mode | 0o200);
  if (info.isDirectory()) for (const name of readdirSync(path)) makeWritable(join(path, name));
}

/** Runs a command in the peer's folder, without this project's npm settings (npm passes them down as npm_* variables). */
function run(command: string, args: string[], cwd: string): Promise<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolvePromise(output) : reject(new Error(`${command} ${args.join(' ')} in ${cwd} failed (exit ${code}):\n${output.slice(-4000)}`)),
    );
  });
}

export interface PeerBuild {
  /** The built site. */
  dist: string;
  buildSeconds: number;
  installed: boolean;
}

/** Copies, installs (when needed) and builds the peer; undefined when its folder is absent. */
export async function buildPeer(): Promise<PeerBuild | undefined> {
  if (!existsSync(join(PEER_SOURCE, 'package.json'))) return undefined;
  mkdirSync(WORK_DIR, { recursive: true });
  for (const name of readdirSync(WORK_DIR)) if (!KEPT.has(name)) rmSync(join(WORK_DIR, name), { recursive: true, force: true });
  for (const name of readdirSync(PEER_SOURCE)) {
    if (KEPT.has(name) || name === 'dist' || name === '.astro') continue;
    cpSync(join(PEER_SOURCE, name), join(WORK_DIR, name), { recursive: true });
    makeWritable(join(WORK_DIR, name));
  }
  const lock = readFileSync(join(WORK_DIR, 'package-lock.json'), 'utf8');
  const installed = !existsSync(INSTALLED_LOCK) || readFileSync(INSTALLED_LOCK, 'utf8') !== lock;
  if (installed) {
    // `npm install`, not `npm ci`: the registry here serves only the linux-x64 builds of optional platform packages.
    await run('npm', ['install', '--no-audit', '--no-fund'], WORK_DIR);
    writeFileSync(INSTALLED_LOCK, lock);
  }
  const started = performance.now();
  await run('npm', ['run', 'build'], WORK_DIR);
  return { dist: resolve(WORK_DIR, 'dist'), buildSeconds: (performance.now() - started) / 1000, installed };
}
