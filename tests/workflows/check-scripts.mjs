// Checks of the scripts the workflows run (.github/scripts), against lock and assets files written here, so that
// each check can be seen both to pass and to fail. Prints PASS/FAIL lines and "scripts: N passed, M failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const script = path.join('.github', 'scripts', 'published-as-locked.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'published-as-locked-'));
const write = (name, json) => {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(json));
  return file;
};
const lock = write('packages.lock.json', {
  version: 1,
  dependencies: {
    'net10.0': {
      'Azure.Identity': { type: 'Direct', requested: '[1.21.0, )', resolved: '1.21.0', dependencies: { 'Azure.Core': '1.50.0' } },
      'Azure.Core': { type: 'Transitive', resolved: '1.50.0' },
      'EntraDevices.Graph': { type: 'Project' },
    },
  },
});
const assets = (libraries) => write(`assets-${Object.keys(libraries).join('-').replace(/[^A-Za-z0-9.-]/g, '_')}.json`, { libraries });
const same = assets({
  'Azure.Identity/1.21.0': { type: 'package' },
  'azure.core/1.50.0': { type: 'package' },
  'Microsoft.DotNet.ILCompiler/10.0.12': { type: 'package' },
  'EntraDevices.Graph/1.0.0': { type: 'project' },
});
const drifted = assets({ 'Azure.Identity/1.21.0': { type: 'package' }, 'Azure.Core/1.51.0': { type: 'package' } });

let passed = 0;
let failed = 0;
const check = (name, ok, detail) => {
  console.log(`${ok ? 'PASS' : 'FAIL'} script published-as-locked: ${name}${ok ? '' : ` (${detail})`}`);
  if (ok) passed++;
  else failed++;
};
const run = (...args) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

const ok = run(lock, same);
check('a publish at the locked versions passes and lists what it added',
  ok.status === 0 && ok.stdout.includes('added by the publish: Microsoft.DotNet.ILCompiler 10.0.12'), ok.stdout + ok.stderr);
const bad = run(lock, drifted);
check('a package at another version fails, naming both versions',
  bad.status === 1 && /^FAIL .*Azure\.Core 1\.51\.0, but/m.test(bad.stderr) && bad.stderr.includes('pins 1.50.0'), bad.stdout + bad.stderr);
const floating = write('floating.lock.json', {
  version: 1,
  dependencies: {
    'net10.0': {
      'Microsoft.Graph.Core': { type: 'Transitive', resolved: '4.0.1', dependencies: { 'Microsoft.Kiota.Abstractions': '2.0.0' } },
      'Microsoft.Kiota.Abstractions': { type: 'Transitive', resolved: '2.0.1' },
    },
  },
});
const drift = run(floating, assets({ 'Microsoft.Graph.Core/4.0.1': { type: 'package' }, 'Microsoft.Kiota.Abstractions/2.0.1': { type: 'package' } }));
check('a lock entry at a version no dependent asks for fails, on a FAIL line that names it and the pin to add',
  drift.status === 1 && /^FAIL .*Microsoft\.Kiota\.Abstractions 2\.0\.1 .*ask 2\.0\.0.*Directory\.Packages\.props/m.test(drift.stderr), drift.stdout + drift.stderr);
const usage = run(lock);
check('an odd number of files is a usage error', usage.status === 2, usage.stdout + usage.stderr);

// The pins the deployment guide lists are the pins the check holds the workflows to: every one, at its release and commit.
const pins = JSON.parse(readFileSync(path.join('tests', 'workflows', 'pinned-actions.json'), 'utf8')).actions;
const guide = readFileSync(path.join('docs', 'deploying-from-github-actions.md'), 'utf8');
const missing = Object.entries(pins).filter(([name, pin]) => !guide.includes(`| \`${name}\` | ${pin.version} | \`${pin.sha}\` |`)).map(([name]) => name);
console.log(`${missing.length === 0 ? 'PASS' : 'FAIL'} docs: the guide's "Pinned today" table lists every pinned action at its release and commit`
  + `${missing.length === 0 ? '' : ` (missing or different: ${missing.join(', ')})`}`);
if (missing.length === 0) passed++;
else failed++;

rmSync(dir, { recursive: true, force: true });
console.log(`scripts: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
