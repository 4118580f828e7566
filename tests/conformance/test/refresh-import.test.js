'use strict';
// §4 refresh: Read(id, properties, inputs) → Diff(olds = read outputs, news = program inputs).
// §4 pulumi import: Read(id only) → Check(olds = read inputs, news = read inputs).
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startStack } = require('../lib/stack');
const { POLICY_PATH } = require('../lib/emulator');
const { ID } = require('../lib/launch');
const { at } = require('../lib/values');
const { fromGraph, WRITABLE_LEAVES, GROUP_A } = require('../lib/policy');

const GET = `GET ${POLICY_PATH}`;

describe('refresh with drift', { timeout: 60000 }, () => {
  let s;
  let inputs;
  let outputs;
  before(async () => {
    s = await startStack();
    inputs = (await s.provider.check({ userDeviceQuota: 20, azureADJoin: { allowedToJoin: { scope: 'selected', groups: [GROUP_A] } } })).inputs;
    outputs = (await s.provider.create(inputs)).properties;
  });
  after(async () => s?.stop());

  let read;
  it('Read makes one GET and returns the live values, originalSettings and the given inputs', async () => {
    await s.emulator.editPolicy((policy) => { policy.userDeviceQuota = 40; });
    await s.emulator.clearRequests();
    read = await s.provider.read(ID, outputs, inputs);
    assert.deepEqual(await s.emulator.calls(), [GET]);
    assert.equal(read.id, ID);
    assert.equal(read.properties.userDeviceQuota, 40);
    assert.deepEqual(read.properties.originalSettings, outputs.originalSettings);
    assert.deepEqual(read.inputs, inputs);
    assert.deepEqual(read.properties, { ...fromGraph(await s.emulator.policy()), onDestroy: 'restoreOriginal', originalSettings: outputs.originalSettings });
  });

  it('Diff(olds = read outputs, news = program inputs) shows the drifted userDeviceQuota only', async () => {
    const diff = await s.provider.diff(read.properties, inputs, read.inputs);
    assert.equal(diff.changes, 'DIFF_SOME');
    assert.deepEqual(Object.keys(diff.detailedDiff), ['userDeviceQuota']);
    assert.deepEqual(diff.replaces, []);
  });

  it('drift in an undeclared field is recorded but is no change to make', async () => {
    await s.emulator.editPolicy((policy) => { policy.localAdminPassword.isEnabled = true; });
    const again = await s.provider.read(ID, read.properties, inputs);
    assert.equal(at(again.properties, 'localAdminPassword.isEnabled'), true);
    const diff = await s.provider.diff(again.properties, inputs, inputs);
    assert.deepEqual(Object.keys(diff.detailedDiff), ['userDeviceQuota']);
  });
});

describe('import', { timeout: 60000 }, () => {
  let s;
  before(async () => { s = await startStack(); });
  after(async () => s?.stop());

  let imported;
  it('Read(id, {}, {}) makes one GET and returns inputs declaring every writable field', async () => {
    imported = await s.provider.read(ID, {}, {});
    assert.deepEqual(await s.emulator.calls(), [GET]);
    assert.equal(imported.id, ID);
    const seed = fromGraph(s.emulator.seed.deviceRegistrationPolicy);
    for (const leaf of WRITABLE_LEAVES) {
      assert.notEqual(at(imported.inputs, leaf), undefined, `inputs.${leaf}`);
      assert.deepEqual(at(imported.inputs, leaf), at(seed, leaf), `inputs.${leaf}`);
    }
    assert.equal(at(imported.inputs, 'azureADJoin.isAdminConfigurable'), undefined, 'read-only flags are not inputs');
    assert.equal(at(imported.inputs, 'azureADRegistration.isAdminConfigurable'), undefined, 'read-only flags are not inputs');
    assert.equal(imported.inputs.originalSettings, undefined);
    assert.deepEqual(imported.properties.originalSettings, seed);
  });

  it('Check(olds = read inputs, news = read inputs) has no failures', async () => {
    const { failures } = await s.provider.check(imported.inputs, imported.inputs);
    assert.deepEqual(failures, []);
  });

  it('Diff of the imported inputs against the read outputs is DIFF_NONE', async () => {
    const { inputs } = await s.provider.check(imported.inputs, imported.inputs);
    const diff = await s.provider.diff(imported.properties, inputs, imported.inputs);
    assert.equal(diff.changes, 'DIFF_NONE', JSON.stringify(diff.detailedDiff));
  });

  it('Read with another id fails cleanly and names deviceRegistrationPolicy', async () => {
    await s.emulator.clearRequests();
    const failure = await s.provider.failure(s.provider.read('somethingElse', {}, {}));
    assert.ok(!['INTERNAL', 'UNKNOWN', 'DATA_LOSS'].includes(failure.codeName), JSON.stringify(failure));
    assert.match(failure.message, /deviceRegistrationPolicy/);
    assert.deepEqual(await s.emulator.requests(), []);
  });
});
