'use strict';
// Starting the child processes the tests drive (provider, emulator) with bounded waits.
const { spawn } = require('node:child_process');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..', '..');

// Credentials a developer's shell may hold must not reach the processes under test.
// A pipeline's own variables (CI, GITHUB_ACTIONS, TF_BUILD) too: a test that wants a pipeline run sets them itself.
const SCRUBBED = /^(ARM_|AZURE_|ENTRADEVICES_|ACTIONS_ID_TOKEN_|MSI_|IDENTITY_)|^(CI|GITHUB_ACTIONS|TF_BUILD)$/;

// Children still running when this test process ends (normally, or killed by a runner's timeout) are
// killed too, so a failed run never leaves a provider or emulator behind.
const live = new Set();
const killAll = () => { for (const child of live) child.kill('SIGKILL'); };
process.on('exit', killAll);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    killAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !SCRUBBED.test(name)));
}

/**
 * Spawns a process that announces itself with its first stdout line. Resolves with the child, that line,
 * and live views of the rest of stdout and of stderr; rejects (and kills the child) after `timeoutMs`.
 */
function spawnAnnouncing(command, args, { timeoutMs = 30000, name = command, env = {}, cwd = REPO } = {}) {
  const child = spawn(command, args, { cwd, env: { ...cleanEnv(), ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk) => { output.stdout += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk) => { output.stderr += chunk; });

  return new Promise((resolve, reject) => {
    const fail = (why) => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`${name} ${why}; stderr:\n${output.stderr.slice(-4000)}`));
    };
    const timer = setTimeout(() => fail(`printed no first line within ${timeoutMs} ms`), timeoutMs);
    const onData = () => {
      const newline = output.stdout.indexOf('\n');
      if (newline < 0) return;
      cleanup();
      resolve({ child, firstLine: output.stdout.slice(0, newline).replace(/\r$/, ''), output });
    };
    const onExit = (code, signal) => fail(`exited (code ${code}, signal ${signal}) before its first line`);
    const onError = (error) => fail(`could not start: ${error.message}`);
    function cleanup() {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
    }
    child.stdout.on('data', onData);
    child.on('exit', onExit);
    child.on('error', onError);
  });
}

/** Ends a child: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
function stopChild(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin.end();
    child.kill('SIGTERM');
  });
}

/** Runs a command to its end (a person's command, not a plugin): resolves with its exit code, stdout and stderr. */
function runToEnd(command, args, { timeoutMs = 60000, env = {}, cwd = REPO } = {}) {
  const child = spawn(command, args, { cwd, env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk) => { output.stdout += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk) => { output.stderr += chunk; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.basename(command)} ${args.join(' ')} did not end within ${timeoutMs} ms; stderr: ${output.stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      live.delete(child);
      resolve({ code, ...output });
    });
  });
}

module.exports = { runToEnd, REPO, spawnAnnouncing, stopChild };
