'use strict';
// §4 Provider resource: CheckConfig on new config, then Configure (as the current engine sends it).
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startStack } = require('../lib/stack');
const { secret } = require('../lib/values');

describe('provider configuration', { timeout: 60000 }, () => {
  let s;
  before(async () => { s = await startStack({ configure: false }); });
  after(async () => s?.stop());

  it('CheckConfig rejects environment "mars" and names the key', async () => {
    const { failures } = await s.provider.checkConfig({ environment: 'mars' });
    assert.equal(failures.length, 1, JSON.stringify(failures));
    assert.equal(failures[0].property, 'environment');
    assert.match(failures[0].reason, /environment/);
    assert.match(failures[0].reason, /mars/);
  });

  it('CheckConfig rejects a plain-http Graph endpoint that is not loopback', async () => {
    const { failures } = await s.provider.checkConfig({ graphEndpoint: 'http://graph.example.test' });
    assert.deepEqual(failures.map((f) => f.property), ['graphEndpoint']);
  });

  it('CheckConfig accepts a good config and keeps the token secret', async () => {
    const news = { graphEndpoint: s.emulator.baseUrl, accessToken: secret(s.accessToken), environment: 'global' };
    const { inputs, failures } = await s.provider.checkConfig(news);
    assert.deepEqual(failures, []);
    assert.deepEqual(inputs, news);
  });

  it('CheckConfig never echoes a secret config value in a failure', async () => {
    const { failures } = await s.provider.checkConfig({ accessToken: secret({ leak: 'zz-secret-zz' }), clientSecret: secret(987654) });
    assert.ok(failures.length >= 1);
    assert.doesNotMatch(JSON.stringify(failures), /zz-secret-zz|987654/);
  });

  it('a resource operation before Configure fails cleanly and changes nothing', async () => {
    const failure = await s.provider.failure(s.provider.create({ userDeviceQuota: 20, onDestroy: 'restoreOriginal' }));
    assert.ok(!['INTERNAL', 'UNKNOWN', 'DATA_LOSS'].includes(failure.codeName), JSON.stringify(failure));
    assert.match(failure.message, /Configure/);
    assert.deepEqual(await s.emulator.requests(), []);
  });

  it('Configure answers acceptSecrets and supportsPreview', async () => {
    const answer = await s.provider.configure({ graphEndpoint: s.emulator.baseUrl, accessToken: s.accessToken });
    assert.equal(answer.acceptSecrets, true);
    assert.equal(answer.supportsPreview, true);
    // Configure itself signs in lazily: no Graph call yet.
    assert.deepEqual(await s.emulator.requests(), []);
  });
});

describe('provider configuration falling back to the environment', { timeout: 60000 }, () => {
  const { startProvider } = require('../lib/launch');

  it('CheckConfig judges every ARM_* / ENTRADEVICES_* fallback at preview and names each variable', async () => {
    const provider = await startProvider({
      env: { ARM_ENVIRONMENT: 'mars', ARM_USE_OIDC: 'maybe', ARM_TENANT_ID: 'not a tenant!', ENTRADEVICES_GRAPH_ENDPOINT: 'http://graph.example.invalid' },
    });
    try {
      const { failures } = await provider.checkConfig({});
      assert.deepEqual(failures.map((f) => f.property).sort(), ['environment', 'graphEndpoint', 'tenantId', 'useOidc']);
      for (const variable of ['ARM_ENVIRONMENT', 'ARM_USE_OIDC', 'ARM_TENANT_ID', 'ENTRADEVICES_GRAPH_ENDPOINT']) {
        assert.ok(failures.some((f) => f.reason.includes(variable)), `${variable} named in ${JSON.stringify(failures)}`);
      }
    } finally {
      await provider.stop();
    }
  });

  it('CheckConfig fails a misspelled entradevices:* key, naming the closest known key', async () => {
    const provider = await startProvider({});
    try {
      const { failures } = await provider.checkConfig({ tenantID: '3c8ef067-8b96-44de-b2ae-557dfa0f97a0', graphEndpont: 'https://graph.microsoft.com' });
      assert.deepEqual(failures.map((f) => f.property).sort(), ['graphEndpont', 'tenantID']);
      assert.match(failures.find((f) => f.property === 'tenantID').reason, /Did you mean entradevices:tenantId\?/);
      assert.match(failures.find((f) => f.property === 'graphEndpont').reason, /Did you mean entradevices:graphEndpoint\?/);
    } finally {
      await provider.stop();
    }
  });

  it('Configure with a bad fallback is INVALID_ARGUMENT, never UNKNOWN', async () => {
    const provider = await startProvider({ env: { ARM_USE_OIDC: 'maybe' } });
    try {
      const failure = await provider.failure(provider.configure({ graphEndpoint: 'http://127.0.0.1:1', accessToken: 'x' }));
      assert.equal(failure.codeName, 'INVALID_ARGUMENT');
      assert.match(failure.message, /ARM_USE_OIDC/);
    } finally {
      await provider.stop();
    }
  });
});
