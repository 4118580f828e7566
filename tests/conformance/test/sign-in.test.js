'use strict';
// A person signs in with a device code (signIn: deviceCode) against the emulator's sign-in endpoints (https, as
// Microsoft's sign-in library requires; the plugin trusts its certificate through SSL_CERT_FILE). The prompt reaches
// the person through the engine's Log service, and the next plugin process of the same machine does not ask again.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startEngine } = require('../lib/engine');
const { startEmulator } = require('../lib/emulator');
const { startProvider, ID } = require('../lib/launch');

describe('a person signs in with a device code', { timeout: 120000 }, () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'entradevices-signin-'));
  const certificateFile = path.join(scratch, 'emulator.pem');
  const config = { tenantId: '3c8ef067-8b96-44de-b2ae-557dfa0f97a0', clientId: '0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f', signIn: 'deviceCode' };
  // Where the plugin keeps the token cache and the authentication record: a home of its own for this test.
  const env = { SSL_CERT_FILE: certificateFile, HOME: scratch, XDG_DATA_HOME: path.join(scratch, 'data') };
  let signIn;
  let graph;
  before(async () => {
    signIn = await startEmulator({ certificateFile });
    graph = await startEmulator();
  });
  after(async () => {
    await Promise.allSettled([signIn?.stop(), graph?.stop()]);
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  async function readAsAPerson() {
    const engine = await startEngine();
    const provider = await startProvider({ engineAddress: engine.address, env });
    try {
      await provider.configure({ graphEndpoint: graph.baseUrl, authorityHost: signIn.baseUrl, ...config });
      const read = await provider.read(ID, {}, {});
      return { read, prompts: engine.warnings().map((w) => w.message) };
    } finally {
      await provider.stop();
      await engine.stop();
    }
  }

  it('CheckConfig accepts the device code sign-in and refuses another kind, naming what is accepted', async () => {
    const provider = await startProvider({ env });
    try {
      assert.deepEqual((await provider.checkConfig(config)).failures, []);
      const { failures } = await provider.checkConfig({ ...config, signIn: 'browser' });
      assert.deepEqual(failures.map((f) => f.property), ['signIn']);
      assert.match(failures[0].reason, /deviceCode/);
    } finally {
      await provider.stop();
    }
  });

  it('the first plugin process sends the sign-in prompt through the engine and reads with the person\'s token', async () => {
    const { read, prompts } = await readAsAPerson();
    assert.equal(read.properties.userDeviceQuota, 2);
    assert.equal(prompts.length, 1, JSON.stringify(prompts));
    assert.match(prompts[0], /devicelogin/);
    assert.ok((await graph.requests()).every((r) => r.hadBearerToken));
  });

  it('the next plugin process signs in from the cache without asking again', async () => {
    const { read, prompts } = await readAsAPerson();
    assert.equal(read.properties.userDeviceQuota, 2);
    assert.deepEqual(prompts, []);
  });

  it('in a pipeline (CI=true) with no application sign-in, a person\'s signIn fails at once instead of waiting for a code', async () => {
    const engine = await startEngine();
    const provider = await startProvider({ engineAddress: engine.address, env: { ...env, CI: 'true' } });
    try {
      await provider.configure({ graphEndpoint: graph.baseUrl, authorityHost: signIn.baseUrl, ...config });
      await assert.rejects(provider.read(ID, {}, {}), (error) => {
        assert.match(error.message, /pipeline \(CI=true\)/);
        assert.match(error.message, /nobody can enter a device code/);
        return true;
      });
      assert.deepEqual(engine.warnings().filter((w) => /devicelogin/.test(w.message)), []);
    } finally {
      await provider.stop();
      await engine.stop();
    }
  });
});
