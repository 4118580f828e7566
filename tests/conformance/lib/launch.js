'use strict';
// Launches pulumi-resource-entradevices as the engine does and talks to it through the gRPC client
// that @pulumi/pulumi publishes (proto/provider_grpc_pb.js), never through this repository's .proto files.
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const { ResourceProviderClient } = require('@pulumi/pulumi/proto/provider_grpc_pb.js');
const pb = require('@pulumi/pulumi/proto/provider_pb.js');
const { Status } = require('@pulumi/pulumi/proto/status_pb.js');
const { Empty } = require('google-protobuf/google/protobuf/empty_pb.js');
const { REPO, spawnAnnouncing, stopChild } = require('./process');
const { toStruct, fromStruct, secret } = require('./values');

// The plugin `pulumi up` launches (Pulumi.yaml's plugins.providers path, built by src/EntraDevices.Plugin);
// CONFORMANCE_PLUGIN names another build of it, e.g. artifacts/provider/pulumi-resource-entradevices.
const EXECUTABLE = path.resolve(REPO, process.env.CONFORMANCE_PLUGIN || path.join('artifacts', 'plugin', 'pulumi-resource-entradevices'));
const TYPE = 'entradevices:index:DeviceRegistrationPolicy';
const NAME = 'policy';
const URN = `urn:pulumi:dev::entra-device-settings::${TYPE}::${NAME}`;
const ID = 'deviceRegistrationPolicy';
const KIND = Object.fromEntries(Object.entries(pb.PropertyDiff.Kind).map(([k, v]) => [v, k]));
const CHANGES = Object.fromEntries(Object.entries(pb.DiffResponse.DiffChanges).map(([k, v]) => [v, k]));
const CODE = Object.fromEntries(Object.entries(grpc.status).map(([k, v]) => [v, k]));

/** An unsigned JWT (alg "none") with the given application permissions, as the emulator accepts. */
function token(roles) {
  const part = (json) => Buffer.from(JSON.stringify(json)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ roles, iat: now, nbf: now, exp: now + 3600 })}.`;
}

/** An unsigned delegated JWT: a signed-in person with these scopes and directory role template ids (wids). */
function personToken(scopes, wids = []) {
  const part = (json) => Buffer.from(JSON.stringify(json)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: scopes.join(' '), wids, iat: now, nbf: now, exp: now + 3600 })}.`;
}

/** A gRPC error as {code, codeName, message, initFailed?} with ErrorResourceInitFailed decoded from grpc-status-details-bin. */
function describeError(error) {
  const described = { code: error.code, codeName: CODE[error.code], message: error.details ?? error.message };
  const [bin] = error.metadata?.get('grpc-status-details-bin') ?? [];
  if (bin) {
    const status = Status.deserializeBinary(new Uint8Array(bin));
    described.statusDetails = status.getDetailsList().map((any) => any.getTypeUrl());
    for (const any of status.getDetailsList()) {
      if (any.getTypeUrl() === 'type.googleapis.com/pulumirpc.ErrorResourceInitFailed') {
        const detail = pb.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
        described.initFailed = {
          id: detail.getId(),
          properties: fromStruct(detail.getProperties()),
          inputs: fromStruct(detail.getInputs()),
          reasons: detail.getReasonsList(),
        };
      }
    }
  }
  return described;
}

/** Check/Diff/Create/Read/Update/Delete of one resource, addressed as the engine does (urn, name, type, id). */
function resourceClient(rpc, { type, name, id }) {
  const urn = `urn:pulumi:dev::entra-device-settings::${type}::${name}`;
  const address = (r) => { r.setUrn(urn); r.setName(name); r.setType(type); };
  return {
    check: async (news, olds = {}) => {
      const r = new pb.CheckRequest();
      address(r);
      r.setOlds(toStruct(olds));
      r.setNews(toStruct(news));
      r.setRandomseed(new Uint8Array(32));
      const response = await rpc('check', r);
      return { inputs: fromStruct(response.getInputs()), failures: response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })) };
    },

    diff: async (olds, news, oldInputs = {}) => {
      const r = new pb.DiffRequest();
      r.setId(id);
      address(r);
      r.setOlds(toStruct(olds));
      r.setNews(toStruct(news));
      r.setOldInputs(toStruct(oldInputs));
      const response = await rpc('diff', r);
      const detailedDiff = {};
      response.getDetaileddiffMap().forEach((value, key) => { detailedDiff[key] = { kind: KIND[value.getKind()], inputDiff: value.getInputdiff() }; });
      return {
        changes: CHANGES[response.getChanges()],
        replaces: response.getReplacesList(),
        stables: response.getStablesList(),
        deleteBeforeReplace: response.getDeletebeforereplace(),
        diffs: response.getDiffsList(),
        detailedDiff,
        hasDetailedDiff: response.getHasdetaileddiff(),
      };
    },

    create: async (properties, { preview = false, timeout = 0 } = {}) => {
      const r = new pb.CreateRequest();
      address(r);
      r.setProperties(toStruct(properties));
      r.setPreview(preview);
      r.setTimeout(timeout);
      const response = await rpc('create', r);
      return { id: response.getId(), properties: fromStruct(response.getProperties()) };
    },

    read: async (id, properties = {}, inputs = {}) => {
      const r = new pb.ReadRequest();
      r.setId(id);
      address(r);
      r.setProperties(toStruct(properties));
      r.setInputs(toStruct(inputs));
      const response = await rpc('read', r);
      return { id: response.getId(), properties: fromStruct(response.getProperties()), inputs: fromStruct(response.getInputs()) };
    },

    update: async (olds, news, { oldInputs = {}, preview = false, timeout = 0 } = {}) => {
      const r = new pb.UpdateRequest();
      r.setId(id);
      address(r);
      r.setOlds(toStruct(olds));
      r.setNews(toStruct(news));
      r.setOldInputs(toStruct(oldInputs));
      r.setPreview(preview);
      r.setTimeout(timeout);
      const response = await rpc('update', r);
      return { properties: fromStruct(response.getProperties()) };
    },

    delete: async (properties, oldInputs, { timeout = 0 } = {}) => {
      const r = new pb.DeleteRequest();
      r.setId(id);
      address(r);
      r.setProperties(toStruct(properties));
      r.setOldInputs(toStruct(oldInputs));
      r.setTimeout(timeout);
      await rpc('delete', r);
    },

  };
}

/** Starts the plugin as the engine does: in the program's folder (`cwd`; the engine's plugin context pwd), its address last. */
async function startProvider({ engineAddress, extraArgs = [], timeoutMs = 60000, env = {}, cwd } = {}) {
  // The engine passes its own address LAST, after any flags.
  const args = [...extraArgs, ...(engineAddress ? [engineAddress] : [])];
  const { child, firstLine, output } = await spawnAnnouncing(EXECUTABLE, args, { name: 'provider', env, ...(cwd ? { cwd } : {}) });
  if (!/^\d+$/.test(firstLine)) throw new Error(`provider's first stdout line is ${JSON.stringify(firstLine)}, not a port`);
  const port = Number(firstLine);
  const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());

  /** Calls one RPC with a deadline; rejects with the gRPC error (see describeError). */
  function rpc(method, request, { deadlineMs = timeoutMs } = {}) {
    return new Promise((resolve, reject) => {
      client[method](request, { deadline: Date.now() + deadlineMs }, (error, response) => (error ? reject(error) : resolve(response)));
    });
  }

  /** Calls one RPC expecting it to fail; resolves with describeError's view of the failure. */
  async function failure(promise) {
    try {
      const response = await promise;
      throw Object.assign(new Error(`expected a gRPC error, got ${JSON.stringify(response?.toObject?.() ?? response)}`), { unexpected: true });
    } catch (error) {
      if (error.unexpected) throw error;
      if (typeof error.code !== 'number') throw error;
      return describeError(error);
    }
  }

  const provider = {
    port,
    output,
    client,
    rpc,
    failure,
    pluginInfo: async () => (await rpc('getPluginInfo', new Empty())).getVersion(),

    /** Handshake as the current engine opens every session: its address and the project's folders. */
    handshake: async ({ engineAddress, rootDirectory, programDirectory }) => {
      const r = new pb.ProviderHandshakeRequest();
      r.setEngineAddress(engineAddress);
      if (rootDirectory) r.setRootDirectory(rootDirectory);
      if (programDirectory) r.setProgramDirectory(programDirectory);
      r.setConfigureWithUrn(true);
      const response = await rpc('handshake', r);
      return { acceptSecrets: response.getAcceptSecrets(), acceptResources: response.getAcceptResources(), acceptOutputs: response.getAcceptOutputs() };
    },
    schema: async () => JSON.parse((await rpc('getSchema', new pb.GetSchemaRequest())).getSchema()),

    checkConfig: async (news, olds = {}) => {
      const r = new pb.CheckRequest();
      r.setUrn('urn:pulumi:dev::entra-device-settings::pulumi:providers:entradevices::default');
      r.setName('default');
      r.setType('pulumi:providers:entradevices');
      r.setOlds(toStruct(olds));
      r.setNews(toStruct(news));
      const response = await rpc('checkConfig', r);
      return { inputs: fromStruct(response.getInputs()), failures: response.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })) };
    },

    /** Configure as the current engine does: secrets and resources accepted, old inputs sent. */
    configure: async ({ graphEndpoint, accessToken, ...more }) => {
      const r = new pb.ConfigureRequest();
      r.setArgs(toStruct({ graphEndpoint, ...(accessToken === undefined ? {} : { accessToken: secret(accessToken) }), ...more }));
      r.setAcceptsecrets(true);
      r.setAcceptresources(true);
      r.setSendsOldInputs(true);
      r.setSendsOldInputsToDelete(true);
      r.setUrn('urn:pulumi:dev::entra-device-settings::pulumi:providers:entradevices::default');
      r.setName('default');
      r.setType('pulumi:providers:entradevices');
      const response = await rpc('configure', r);
      return { acceptSecrets: response.getAcceptsecrets(), supportsPreview: response.getSupportspreview(), acceptResources: response.getAcceptresources() };
    },

    ...resourceClient(rpc, { type: TYPE, name: NAME, id: ID }),
    /** The same calls for another resource type of this provider. */
    resource: (identity) => resourceClient(rpc, identity),

    cancel: () => rpc('cancel', new Empty(), { deadlineMs: 10000 }),

    stop: async () => {
      client.close();
      await stopChild(child);
    },
  };
  return provider;
}

module.exports = { personToken, startProvider, describeError, token, EXECUTABLE, TYPE, NAME, URN, ID };
