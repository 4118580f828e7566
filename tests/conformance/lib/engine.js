'use strict';
// A fake Pulumi engine: only pulumirpc.Engine/Log, served with @pulumi/pulumi's generated service
// definition. The provider gets its address as the last launch argument and logs warnings to it.
const grpc = require('@grpc/grpc-js');
const { EngineService } = require('@pulumi/pulumi/proto/engine_grpc_pb.js');
const enginePb = require('@pulumi/pulumi/proto/engine_pb.js');
const { Empty } = require('google-protobuf/google/protobuf/empty_pb.js');

const SEVERITY = enginePb.LogSeverity;

async function startEngine() {
  const logs = [];
  const server = new grpc.Server();
  const unimplemented = (call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: 'not part of the fake engine' });
  server.addService(EngineService, {
    log(call, callback) {
      const r = call.request;
      logs.push({ severity: r.getSeverity(), message: r.getMessage(), urn: r.getUrn(), streamId: r.getStreamid(), ephemeral: r.getEphemeral() });
      callback(null, new Empty());
    },
    getRootResource: unimplemented,
    setRootResource: unimplemented,
    startDebugging: unimplemented,
    requirePulumiVersion: unimplemented,
  });
  const port = await new Promise((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  return {
    address: `127.0.0.1:${port}`,
    /** Log calls so far: [{severity, message, urn, streamId, ephemeral}]. */
    logs,
    warnings: () => logs.filter((l) => l.severity === SEVERITY.WARNING),
    clearLogs: () => logs.splice(0, logs.length),
    stop: () => new Promise((resolve) => {
      const timer = setTimeout(() => { server.forceShutdown(); resolve(); }, 3000);
      server.tryShutdown(() => { clearTimeout(timer); resolve(); });
    }),
  };
}

module.exports = { startEngine, SEVERITY };
