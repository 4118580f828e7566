// Spawn -> port: how long a provider plugin takes from spawn until its first stdout line (the port) arrives,
// launched the way the Pulumi engine launches plugins (the engine address is the last argument).
//
//   node bench/spawn-timing.mjs --runs 20 --engine 127.0.0.1:1 --candidates '<json>'
//
// <json> is a list of {"label", "command", "args", "env"?}; the engine address is appended to args. Candidates run
// interleaved (round r starts at candidate r mod n, so none always goes first), one process at a time: each
// child is stopped and reaped before the next spawn. One unmeasured warm-up run per candidate comes first.
// Prints one JSON object: {label: {runs, median, p10, p90, min, max, samples}} in milliseconds.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    engine: { type: 'string', default: '127.0.0.1:1' },
    candidates: { type: 'string' },
    'timeout-ms': { type: 'string', default: '30000' },
  },
});
const runs = Number(values.runs);
const timeoutMs = Number(values['timeout-ms']);
const candidates = JSON.parse(values.candidates ?? '[]');
if (!Number.isInteger(runs) || runs < 1 || candidates.length === 0) {
  console.error('usage: spawn-timing.mjs --runs N [--engine host:port] --candidates \'[{"label","command","args"}]\'');
  process.exit(2);
}

// Credentials a developer's shell may hold are not passed on.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(ARM_|AZURE_|ENTRADEVICES_|ACTIONS_ID_TOKEN_)/.test(name)));

/** One launch: resolves with the milliseconds from spawn until the first complete stdout line. */
function launchOnce({ label, command, args = [], env: extra = {} }) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, [...args, values.engine], { env: { ...env, ...extra }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let elapsed;
    let failure;
    const timer = setTimeout(() => {
      failure = new Error(`${label}: no stdout line within ${timeoutMs} ms; stderr: ${stderr.slice(0, 2000)}`);
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      if (elapsed !== undefined) return;
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      const line = stdout.slice(0, newline).trim();
      if (!/^\d+$/.test(line)) failure = new Error(`${label}: first stdout line is ${JSON.stringify(line)}, not a port`);
      // The engine kills plugins when it is done with them; do the same, then wait for the exit.
      child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', (error) => { failure = error; });
    child.on('close', () => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else if (elapsed === undefined) reject(new Error(`${label}: exited before printing a port; stderr: ${stderr.slice(0, 2000)}`));
      else resolve(elapsed);
    });
  });
}

/** Linear-interpolated percentile of sorted samples. */
function percentile(sorted, p) {
  const index = (sorted.length - 1) * p;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  return sorted[low] + (sorted[high] - sorted[low]) * (index - low);
}

const samples = Object.fromEntries(candidates.map((c) => [c.label, []]));
for (const candidate of candidates) await launchOnce(candidate); // warm-up: page cache, first-run costs
for (let round = 0; round < runs; round++) {
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[(round + i) % candidates.length];
    samples[candidate.label].push(await launchOnce(candidate));
  }
}

const round2 = (x) => Math.round(x * 100) / 100;
const result = {};
for (const [label, list] of Object.entries(samples)) {
  const sorted = [...list].sort((a, b) => a - b);
  result[label] = {
    runs: sorted.length,
    median: round2(percentile(sorted, 0.5)),
    p10: round2(percentile(sorted, 0.1)),
    p90: round2(percentile(sorted, 0.9)),
    min: round2(sorted[0]),
    max: round2(sorted[sorted.length - 1]),
    samples: list.map(round2),
  };
}
console.log(JSON.stringify(result));
