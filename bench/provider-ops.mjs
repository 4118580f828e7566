// Graph requests per operation, RPC latency and peak RSS of the real provider process.
//
//   node bench/provider-ops.mjs --provider <executable> --emulator <GraphEmulator.dll>
//
// Launches the provider as the engine does (a fake engine's address last), configures it against the Graph
// emulator, and drives one DeviceRegistrationPolicy through the engine's RPC sequences with the gRPC client
// that @pulumi/pulumi publishes (proto/*_pb.js). Graph requests are counted with the emulator's request log
// (GET /_emulator/requests), cleared before each operation. Peak RSS is VmHWM of /proc/<pid>/status, read
// right after the update. Prints one JSON object.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const grpc = require('@grpc/grpc-js');
const { ResourceProviderClient } = require('@pulumi/pulumi/proto/provider_grpc_pb.js');
const { EngineService } = require('@pulumi/pulumi/proto/engine_grpc_pb.js');
const pb = require('@pulumi/pulumi/proto/provider_pb.js');
const { Struct } = require('google-protobuf/google/protobuf/struct_pb.js');
const { Empty } = require('google-protobuf/google/protobuf/empty_pb.js');

const { values } = parseArgs({ options: { provider: { type: 'string' }, emulator: { type: 'string' } } });
if (!values.provider || !values.emulator) {
  console.error('usage: provider-ops.mjs --provider <executable> --emulator <GraphEmulator.dll>');
  process.exit(2);
}

const TYPE = 'entradevices:index:DeviceRegistrationPolicy';
const URN = `urn:pulumi:bench::entra-device-settings::${TYPE}::policy`;
const PROVIDER_URN = 'urn:pulumi:bench::entra-device-settings::pulumi:providers:entradevices::default';
const ID = 'deviceRegistrationPolicy';
const SECRET_SIG = '4dabf18193072939515e22adb298388d';
const SECRET = '1b47061264138c4ac30d75fd1eb44270';

// The realistic declaration the in-process benchmarks use too: every writable field but azureADRegistration
// (Entra locks it wherever Intune is on, as in the emulator's seed tenant), join limited to 10 groups.
const GROUPS = Array.from({ length: 10 }, (_, i) => `6f1c2d3e-4a5b-4c6d-8e7f-${String(i + 1).padStart(12, '0')}`);
const declared = (quota, groups) => ({
  userDeviceQuota: quota,
  multiFactorAuthConfiguration: 'required',
  azureADJoin: {
    allowedToJoin: { scope: 'selected', users: [], groups },
    localAdmins: { enableGlobalAdmins: true, registeringUsers: { scope: 'none', users: [], groups: [] } },
  },
  localAdminPassword: { isEnabled: true },
  onDestroy: 'restoreOriginal',
});

// Credentials a developer's shell may hold are not passed on.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(ARM_|AZURE_|ENTRADEVICES_|ACTIONS_ID_TOKEN_)/.test(name)));
const children = new Set();
process.on('exit', () => { for (const child of children) child.kill('SIGKILL'); });

/** Spawns a process and resolves with it and its first stdout line. */
function spawnAnnouncing(command, args, timeoutMs = 60000) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    let done = false;
    const timer = setTimeout(() => fail(new Error(`${command}: no stdout line within ${timeoutMs} ms`)), timeoutMs);
    const fail = (error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}; stderr: ${stderr.slice(0, 4000)}`));
    };
    child.stdout.on('data', (chunk) => {
      if (done) return;
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      done = true;
      clearTimeout(timer);
      resolve({ child, line: stdout.slice(0, newline).trim(), stderr: () => stderr });
    });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', fail);
    child.on('exit', (code, signal) => fail(new Error(`${command} exited (${code ?? signal}) before its first line`)));
  });
}

/** An unsigned JWT (alg "none") with application permissions, as the emulator accepts it. */
function token(roles) {
  const part = (json) => Buffer.from(JSON.stringify(json)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ roles, iat: now, nbf: now, exp: now + 3600 })}.`;
}

const toStruct = (object) => Struct.fromJavaScript(object);
const fromStruct = (struct) => (struct ? struct.toJavaScript() : {});

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { vmHwmKb: kb('VmHWM'), vmRssKb: kb('VmRSS'), rssAnonKb: kb('RssAnon'), rssFileKb: kb('RssFile') };
}

/** Graph SDK and Identity assemblies mapped into the process (none before the first Graph call, if lazy). */
function graphAssemblies(pid) {
  const names = readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n')
    .map((line) => /\/((?:Microsoft\.Graph|Microsoft\.Kiota|Azure\.Identity|Azure\.Core|Microsoft\.Identity)[^/]*\.dll)$/.exec(line)?.[1])
    .filter(Boolean);
  return [...new Set(names)].sort();
}

// --- fake engine: only Engine/Log -----------------------------------------------------------------------
const engineLogs = [];
const engine = new grpc.Server();
const unimplemented = (call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: 'not part of the fake engine' });
engine.addService(EngineService, {
  log(call, callback) { engineLogs.push(call.request.getMessage()); callback(null, new Empty()); },
  getRootResource: unimplemented,
  setRootResource: unimplemented,
  startDebugging: unimplemented,
  requirePulumiVersion: unimplemented,
});
const enginePort = await new Promise((resolve, reject) =>
  engine.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))));

// --- Graph emulator ---------------------------------------------------------------------------------------
const emulator = await spawnAnnouncing('dotnet', [values.emulator, '--until-stdin-closes']);
const graph = emulator.line;
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(graph)) throw new Error(`the emulator printed ${JSON.stringify(graph)}, not a base URL`);
async function control(method, route) {
  const response = await fetch(`${graph}/_emulator/${route}`, { method, signal: AbortSignal.timeout(10000) });
  if (!response.ok) throw new Error(`${method} /_emulator/${route}: ${response.status}`);
  return response.status === 204 ? undefined : response.json();
}

// --- the provider, launched as the engine does ------------------------------------------------------------
const spawnedAt = process.hrtime.bigint();
const provider = await spawnAnnouncing(values.provider, [`127.0.0.1:${enginePort}`]);
const spawnToPortMs = Number(process.hrtime.bigint() - spawnedAt) / 1e6;
if (!/^\d+$/.test(provider.line)) throw new Error(`the provider's first stdout line is ${JSON.stringify(provider.line)}, not a port`);
const client = new ResourceProviderClient(`127.0.0.1:${provider.line}`, grpc.credentials.createInsecure());
const rpc = (method, request) => new Promise((resolve, reject) =>
  client[method](request, { deadline: Date.now() + 60000 }, (error, response) => (error ? reject(new Error(`${method}: ${error.details ?? error.message}`)) : resolve(response))));

function resourceRequest(Type, fields) {
  const r = new Type();
  r.setUrn(URN);
  r.setType(TYPE);
  r.setName('policy');
  for (const [setter, value] of Object.entries(fields)) r[setter](value);
  return r;
}
const check = async (news, olds = {}) => {
  const response = await rpc('check', resourceRequest(pb.CheckRequest, { setOlds: toStruct(olds), setNews: toStruct(news), setRandomseed: new Uint8Array(32) }));
  const failures = response.getFailuresList().map((f) => `${f.getProperty()}: ${f.getReason()}`);
  if (failures.length > 0) throw new Error(`Check failed: ${failures.join('; ')}`);
  return fromStruct(response.getInputs());
};
const diff = async (olds, news, oldInputs) => {
  const response = await rpc('diff', resourceRequest(pb.DiffRequest, { setId: ID, setOlds: toStruct(olds), setNews: toStruct(news), setOldInputs: toStruct(oldInputs) }));
  return response.getDiffsList();
};
const create = async (properties, preview) =>
  fromStruct((await rpc('create', resourceRequest(pb.CreateRequest, { setProperties: toStruct(properties), setPreview: preview }))).getProperties());
const update = async (olds, news, oldInputs, preview) =>
  fromStruct((await rpc('update', resourceRequest(pb.UpdateRequest, { setId: ID, setOlds: toStruct(olds), setNews: toStruct(news), setOldInputs: toStruct(oldInputs), setPreview: preview }))).getProperties());
const read = async (properties, inputs) => {
  const response = await rpc('read', resourceRequest(pb.ReadRequest, { setId: ID, setProperties: toStruct(properties), setInputs: toStruct(inputs) }));
  return { properties: fromStruct(response.getProperties()), inputs: fromStruct(response.getInputs()) };
};
const destroy = (properties, oldInputs) =>
  rpc('delete', resourceRequest(pb.DeleteRequest, { setId: ID, setProperties: toStruct(properties), setOldInputs: toStruct(oldInputs) }));

/** Runs one operation with an empty request log; returns its result, Graph requests and wall time. */
const operations = {};
async function operation(name, body) {
  await control('DELETE', 'requests');
  const started = process.hrtime.bigint();
  const result = await body();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const requests = (await control('GET', 'requests')).map((r) => `${r.method} ${r.status}`);
  operations[name] = { graphRequests: requests.length, requests, ms: Math.round(ms * 100) / 100 };
  return result;
}

try {
  const configure = new pb.ConfigureRequest();
  configure.setArgs(toStruct({ graphEndpoint: graph, accessToken: { [SECRET_SIG]: SECRET, value: token(['Policy.ReadWrite.DeviceConfiguration']) } }));
  configure.setAcceptsecrets(true);
  configure.setAcceptresources(true);
  configure.setSendsOldInputs(true);
  configure.setSendsOldInputsToDelete(true);
  configure.setUrn(PROVIDER_URN);
  configure.setName('default');
  configure.setType('pulumi:providers:entradevices');
  await rpc('configure', configure);
  const loadedAfterConfigure = graphAssemblies(provider.child.pid);

  const first = declared(20, GROUPS);
  const second = declared(25, [...GROUPS.slice(1), '6f1c2d3e-4a5b-4c6d-8e7f-0000000000aa']);

  // pulumi preview of a new stack: Check, then Create with preview=true.
  await operation('preview', async () => create(await check(first), true));
  const loadedAfterPreview = graphAssemblies(provider.child.pid);
  // pulumi up, first time: Check, Create (adopts: GET, then PUT).
  const inputs1 = await check(first);
  const outputs1 = await operation('up/create', async () => create(await check(first), false));
  // pulumi preview of a change: Check, Diff, Update with preview=true.
  await operation('preview (update)', async () => {
    const news = await check(second, inputs1);
    await diff(outputs1, news, inputs1);
    return update(outputs1, news, inputs1, true);
  });
  // pulumi up with a change: Check, Diff, Update (GET, then PUT).
  const inputs2 = await check(second, inputs1);
  const outputs2 = await operation('up/update', async () => {
    const news = await check(second, inputs1);
    const changed = await diff(outputs1, news, inputs1);
    if (changed.length === 0) throw new Error('Diff found no change for the update');
    return update(outputs1, news, inputs1, false);
  });
  const afterUpdate = memory(provider.child.pid);
  // The write must have gone through the SDK's serializer and back (the Native AOT question): the tenant and
  // the outputs hold the declared change, and the original settings are kept.
  const live = (await control('GET', 'tenant')).deviceRegistrationPolicy;
  const problems = [];
  const expect = (what, actual, wanted) => { if (JSON.stringify(actual) !== JSON.stringify(wanted)) problems.push(`${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`); };
  expect('tenant userDeviceQuota', live.userDeviceQuota, second.userDeviceQuota);
  expect('tenant allowedToJoin.groups', [...(live.azureADJoin.allowedToJoin.groups ?? [])].sort(), [...second.azureADJoin.allowedToJoin.groups].sort());
  expect('tenant multiFactorAuthConfiguration', live.multiFactorAuthConfiguration, 'required');
  expect('tenant localAdminPassword.isEnabled', live.localAdminPassword.isEnabled, true);
  expect('outputs userDeviceQuota', outputs2.userDeviceQuota, second.userDeviceQuota);
  expect('outputs originalSettings.userDeviceQuota', outputs2.originalSettings?.userDeviceQuota, outputs1.originalSettings?.userDeviceQuota);
  if (process.env.BENCH_SMAPS) {
    // Diagnostics: the largest resident mappings after the update.
    const rows = [];
    let current;
    for (const line of readFileSync(`/proc/${provider.child.pid}/smaps`, 'utf8').split('\n')) {
      const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (head) { current = { name: head[1] || '[anon]', rss: 0 }; rows.push(current); continue; }
      const rss = /^Rss:\s+(\d+) kB/.exec(line);
      if (rss && current) current.rss += Number(rss[1]);
    }
    const byName = {};
    for (const row of rows) byName[row.name] = (byName[row.name] ?? 0) + row.rss;
    console.error(Object.entries(byName).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([n, kb]) => `${(kb / 1024).toFixed(1)} MB  ${n}`).join('\n'));
  }
  // pulumi refresh: Read with the state's properties and inputs.
  await operation('refresh', () => read(outputs2, inputs2));
  // pulumi import: Read with only the id.
  await operation('import', () => read({}, {}));
  // pulumi destroy: Delete (puts the declared fields back as found).
  await operation('destroy', () => destroy(outputs2, inputs2));
  const restored = (await control('GET', 'tenant')).deviceRegistrationPolicy;
  expect('tenant userDeviceQuota after destroy', restored.userDeviceQuota, outputs1.originalSettings?.userDeviceQuota);
  if (problems.length > 0) throw new Error(`the provider did not write what was declared: ${problems.join('; ')}`);
  const atEnd = memory(provider.child.pid);

  console.log(JSON.stringify({
    provider: values.provider,
    spawnToPortMs: Math.round(spawnToPortMs * 100) / 100,
    operations,
    peakRssAfterUpdateMb: Math.round(afterUpdate.vmHwmKb / 1024 * 10) / 10,
    rssAfterUpdateMb: Math.round(afterUpdate.vmRssKb / 1024 * 10) / 10,
    // What the resident pages are: anonymous (heaps, JIT'd code, stacks) or file-backed (mapped assemblies, libraries).
    rssAnonAfterUpdateMb: Math.round(afterUpdate.rssAnonKb / 1024 * 10) / 10,
    rssFileAfterUpdateMb: Math.round(afterUpdate.rssFileKb / 1024 * 10) / 10,
    peakRssAtEndMb: Math.round(atEnd.vmHwmKb / 1024 * 10) / 10,
    engineWarnings: engineLogs.length,
    // The tenant and the outputs held the declared change after the update, and the original after destroy.
    writesVerified: true,
    // Graph/Identity assemblies mapped after Configure and after a preview (expected: none; a Native AOT
    // binary has no separate assemblies to map), and after the whole sequence.
    graphAssembliesAfterConfigure: loadedAfterConfigure,
    graphAssembliesAfterPreview: loadedAfterPreview,
    graphAssembliesAtEnd: graphAssemblies(provider.child.pid),
  }));
} catch (error) {
  console.error(`${error.message}\nprovider stderr: ${provider.stderr().slice(0, 4000)}`);
  process.exitCode = 1;
} finally {
  client.close();
  provider.child.kill('SIGTERM');
  emulator.child.stdin.end();
  engine.forceShutdown();
  setTimeout(() => { for (const child of children) child.kill('SIGKILL'); process.exit(); }, 3000).unref();
}
