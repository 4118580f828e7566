'use strict';
// §4 Launch: the engine execs the plugin with its own address last, reads the port from the first stdout
// line, then asks GetPluginInfo; code generation and `pulumi import` ask GetSchema.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startEngine } = require('../lib/engine');
const path = require('node:path');
const { startProvider, TYPE } = require('../lib/launch');
const { REPO } = require('../lib/process');

const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** [path, spec] for every property spec under inputProperties, properties and each type's properties. */
function propertySpecs(schema) {
  const specs = [];
  const walk = (where, properties) => {
    for (const [name, spec] of Object.entries(properties ?? {})) specs.push([`${where}.${name}`, spec]);
  };
  for (const [token, resource] of Object.entries(schema.resources ?? {})) {
    walk(`resources.${token}.inputProperties`, resource.inputProperties);
    walk(`resources.${token}.properties`, resource.properties);
  }
  for (const [token, type] of Object.entries(schema.types ?? {})) walk(`types.${token}.properties`, type.properties);
  walk('config.variables', schema.config?.variables);
  walk('provider.inputProperties', schema.provider?.inputProperties);
  return specs;
}

describe('launch as the engine does', { timeout: 60000 }, () => {
  let engine;
  let provider;
  before(async () => {
    engine = await startEngine();
    provider = await startProvider({ engineAddress: engine.address });
  });
  after(async () => {
    await provider?.stop();
    await engine?.stop();
  });

  it('prints its port as the first stdout line and nothing else on stdout', async () => {
    assert.ok(provider.port > 0 && provider.port < 65536, `port ${provider.port}`);
    await provider.pluginInfo();
    await provider.schema();
    assert.equal(provider.output.stdout, `${provider.port}\n`);
  });

  it('GetPluginInfo returns a semantic version', async () => {
    assert.match(await provider.pluginInfo(), SEMVER);
  });

  it('GetSchema describes entradevices:index:DeviceRegistrationPolicy', async () => {
    const schema = await provider.schema();
    assert.equal(schema.name, 'entradevices');
    assert.match(schema.version, SEMVER);
    const resource = schema.resources[TYPE];
    assert.ok(resource, `resources: ${Object.keys(schema.resources)}`);
    assert.ok(resource.description?.length > 0);
    for (const input of ['userDeviceQuota', 'multiFactorAuthConfiguration', 'azureADJoin', 'azureADRegistration', 'localAdminPassword', 'onDestroy']) {
      assert.ok(resource.inputProperties[input], `inputProperties.${input}`);
    }
    for (const output of ['originalSettings', 'onDestroy', 'azureADJoin', 'azureADRegistration']) {
      assert.ok(resource.properties[output], `properties.${output}`);
    }
    assert.ok(!('originalSettings' in resource.inputProperties), 'originalSettings is an output only');
  });

  it('GetSchema gives every property a description', async () => {
    const specs = propertySpecs(await provider.schema());
    assert.ok(specs.length > 20, `only ${specs.length} property specs found`);
    const missing = specs.filter(([, spec]) => typeof spec.description !== 'string' || spec.description.trim() === '').map(([path]) => path);
    assert.deepEqual(missing, []);
  });

  it('GetSchema references only types it defines', async () => {
    const schema = await provider.schema();
    const refs = JSON.stringify(schema).match(/"\$ref":"#\/types\/[^"]+"/g) ?? [];
    const dangling = refs.map((r) => r.slice('"$ref":"#/types/'.length, -1)).filter((token) => !(token in schema.types));
    assert.deepEqual([...new Set(dangling)], []);
  });

  it('GetSchema marks credential config variables secret', async () => {
    const { variables } = (await provider.schema()).config;
    for (const name of ['clientSecret', 'oidcToken', 'oidcRequestToken', 'accessToken']) {
      assert.equal(variables[name]?.secret, true, `config.variables.${name}.secret`);
    }
    for (const name of ['tenantId', 'clientId', 'environment', 'graphEndpoint']) {
      assert.ok(variables[name], `config.variables.${name}`);
      assert.notEqual(variables[name].secret, true, `config.variables.${name} is not a secret`);
    }
  });
});

describe('launch with the flags the engine may add before its address', { timeout: 60000 }, () => {
  it('still takes the last argument as the engine address and prints only the port', async () => {
    const engine = await startEngine();
    const provider = await startProvider({ engineAddress: engine.address, extraArgs: ['--logtostderr', '-v=9'] });
    try {
      await provider.check({ userDeviceQuota: 0 });
      assert.equal(engine.warnings().length, 1, JSON.stringify(engine.logs));
      assert.equal(provider.output.stdout, `${provider.port}\n`);
    } finally {
      await provider.stop();
      await engine.stop();
    }
  });
});

describe("launch arguments and Handshake, read as Pulumi's SDKs read them", { timeout: 60000 }, () => {
  it('a --tracing value before the address is not taken for the address', async () => {
    const engine = await startEngine();
    const provider = await startProvider({ engineAddress: engine.address, extraArgs: ['--tracing', '127.0.0.1:1', '--logtostderr'] });
    try {
      await provider.check({ userDeviceQuota: 0 });
      assert.equal(engine.warnings().length, 1, JSON.stringify(engine.logs));
    } finally {
      await provider.stop();
      await engine.stop();
    }
  });

  it('Handshake answers the flags Configure answers, and its engine address receives the warnings', async () => {
    const launchEngine = await startEngine();
    const handshakeEngine = await startEngine();
    const provider = await startProvider({ engineAddress: launchEngine.address });
    try {
      const answer = await provider.handshake({ engineAddress: handshakeEngine.address, rootDirectory: REPO, programDirectory: path.join(REPO, 'infra') });
      assert.deepEqual(answer, { acceptSecrets: true, acceptResources: false, acceptOutputs: false });
      await provider.check({ userDeviceQuota: 0 });
      assert.equal(handshakeEngine.warnings().length, 1, JSON.stringify(handshakeEngine.logs));
      assert.equal(launchEngine.warnings().length, 0);
    } finally {
      await provider.stop();
      await Promise.all([launchEngine.stop(), handshakeEngine.stop()]);
    }
  });
});
