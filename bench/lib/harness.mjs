// What the benchmarks that drive the real provider process share: launching processes as the engine does, a fake
// engine (Engine/Log only), the Graph emulator and its control endpoints, app-only tokens, and /proc memory figures.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const grpc = require('@grpc/grpc-js');
const { ResourceProviderClient } = require('@pulumi/pulumi/proto/provider_grpc_pb.js');
const { EngineService } = require('@pulumi/pulumi/proto/engine_grpc_pb.js');
export const pb = require('@pulumi/pulumi/proto/provider_pb.js');
const { Struct } = require('google-protobuf/google/protobuf/struct_pb.js');
const { Empty } = require('google-protobuf/google/protobuf/empty_pb.js');

export const SECRET_SIG = '4dabf18193072939515e22adb298388d';
export const SECRET = '1b47061264138c4ac30d75fd1eb44270';
export const toStruct = (object) => Struct.fromJavaScript(object);
export const fromStruct = (struct) => (struct ? struct.toJavaScript() : {});

// Credentials a developer's shell may hold are not passed on.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(ARM_|AZURE_|ENTRADEVICES_|ACTIONS_ID_TOKEN_)/.test(name)));
export const children = new Set();
process.on('exit', () => { for (const child of children) child.kill('SIGKILL'); });

/** Spawns a process and resolves with it and its first stdout line. */
export function spawnAnnouncing(command, args, timeoutMs = 60000) {
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
export function token(roles) {
  const part = (json) => Buffer.from(JSON.stringify(json)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ roles, iat: now, nbf: now, exp: now + 3600 })}.`;
}

export function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { vmHwmKb: kb('VmHWM'), vmRssKb: kb('VmRSS'), rssAnonKb: kb('RssAnon'), rssFileKb: kb('RssFile') };
}

/** A fake engine serving only Engine/Log; its logs are kept as {message, ephemeral}. */
export async function startEngine() {
  const logs = [];
  const server = new grpc.Server();
  const unimplemented = (call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: 'not part of the fake engine' });
  server.addService(EngineService, {
    log(call, callback) { logs.push({ message: call.request.getMessage(), ephemeral: call.request.getEphemeral() }); callback(null, new Empty()); },
    getRootResource: unimplemented,
    setRootResource: unimplemented,
    startDebugging: unimplemented,
    requirePulumiVersion: unimplemented,
  });
  const port = await new Promise((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  return { address: `127.0.0.1:${port}`, logs, stop: () => server.forceShutdown() };
}

/** The stand-alone Graph emulator, with its control endpoints (/_emulator/…). */
export async function startEmulator(dll) {
  const emulator = await spawnAnnouncing('dotnet', [dll, '--until-stdin-closes']);
  const baseUrl = emulator.line;
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl)) throw new Error(`the emulator printed ${JSON.stringify(baseUrl)}, not a base URL`);
  async function control(method, route, body) {
    const response = await fetch(`${baseUrl}/_emulator/${route}`, {
      method, signal: AbortSignal.timeout(60000), headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} /_emulator/${route}: ${response.status}`);
    return response.status === 204 ? undefined : response.json();
  }
  return { baseUrl, control, stop: () => emulator.child.stdin.end() };
}

/** The provider, launched as the engine does (the engine's address last), with a promise-based RPC call. */
export async function startProvider(executable, engineAddress, { deadlineMs = 60000 } = {}) {
  const spawnedAt = process.hrtime.bigint();
  const provider = await spawnAnnouncing(executable, [engineAddress]);
  const spawnToPortMs = Number(process.hrtime.bigint() - spawnedAt) / 1e6;
  if (!/^\d+$/.test(provider.line)) throw new Error(`the provider's first stdout line is ${JSON.stringify(provider.line)}, not a port`);
  const client = new ResourceProviderClient(`127.0.0.1:${provider.line}`, grpc.credentials.createInsecure(), {
    'grpc.max_receive_message_length': 64 * 1024 * 1024, 'grpc.max_send_message_length': 64 * 1024 * 1024,
  });
  const rpc = (method, request) => new Promise((resolve, reject) =>
    client[method](request, { deadline: Date.now() + deadlineMs }, (error, response) => (error ? reject(new Error(`${method}: ${error.details ?? error.message}`)) : resolve(response))));
  return {
    child: provider.child,
    stderr: provider.stderr,
    spawnToPortMs,
    rpc,
    /** Configure as the engine does: secrets and resources accepted, old inputs sent. */
    configure: async (args) => {
      const configure = new pb.ConfigureRequest();
      configure.setArgs(toStruct(args));
      configure.setAcceptsecrets(true);
      configure.setAcceptresources(true);
      configure.setSendsOldInputs(true);
      configure.setSendsOldInputsToDelete(true);
      configure.setUrn('urn:pulumi:bench::entra-device-settings::pulumi:providers:entradevices::default');
      configure.setName('default');
      configure.setType('pulumi:providers:entradevices');
      await rpc('configure', configure);
    },
    stop: () => { client.close(); provider.child.kill('SIGTERM'); },
  };
}

/** A resource RPC's request of protobuf type `Type` for one resource, with the given setters called. */
export function resourceRequest(Type, { urn, type, name }, fields) {
  const r = new Type();
  r.setUrn(urn);
  r.setType(type);
  r.setName(name);
  for (const [setter, value] of Object.entries(fields)) r[setter](value);
  return r;
}
