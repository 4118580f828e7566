'use strict';
// §4 up: Check → Create(preview = false) for a new resource; Check(olds = old inputs) → Diff →
// Update(preview) → Update for a changed one. Undeclared fields are never changed; Diff never replaces.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startStack } = require('../lib/stack');
const { POLICY_PATH } = require('../lib/emulator');
const { ID } = require('../lib/launch');
const { fromGraph, GROUP_A, GROUP_B, USER_A } = require('../lib/policy');

const GET = `GET ${POLICY_PATH}`;
const PUT = `PUT ${POLICY_PATH}`;
const PROGRAM_V1 = { userDeviceQuota: 20, azureADJoin: { allowedToJoin: { scope: 'selected', groups: [GROUP_A] } } };
const PROGRAM_V2 = {
  userDeviceQuota: 30,
  multiFactorAuthConfiguration: 'required',
  azureADJoin: { allowedToJoin: { scope: 'selected', groups: [GROUP_A, GROUP_B] } },
};

function assertNoReplace(diff) {
  assert.deepEqual(diff.replaces, []);
  assert.equal(diff.deleteBeforeReplace, false);
  for (const [path, { kind }] of Object.entries(diff.detailedDiff)) assert.ok(!kind.endsWith('_REPLACE'), `${path}: ${kind}`);
}

function assertDiffInvariants(diff) {
  assert.equal(diff.hasDetailedDiff, true);
  const tops = Object.keys(diff.detailedDiff).map((path) => path.split(/[.[]/)[0]);
  assert.deepEqual([...diff.diffs].sort(), [...new Set(tops)].sort(), 'diffs are exactly the top-level keys of detailedDiff');
}

describe('up: create, then update', { timeout: 90000 }, () => {
  let s;
  let inputsV1;
  let outputsV1;
  before(async () => { s = await startStack(); });
  after(async () => s?.stop());

  it('Check fills defaults: onDestroy and empty lists of a declared membership', async () => {
    const { inputs, failures } = await s.provider.check(PROGRAM_V1, {});
    assert.deepEqual(failures, []);
    assert.deepEqual(inputs, {
      userDeviceQuota: 20,
      azureADJoin: { allowedToJoin: { scope: 'selected', groups: [GROUP_A], users: [] } },
      onDestroy: 'restoreOriginal',
    });
    inputsV1 = inputs;
  });

  it('Create makes one GET then one PUT carrying every writable field, and leaves undeclared fields as they were', async () => {
    const seed = s.emulator.seed.deviceRegistrationPolicy;
    await s.emulator.clearRequests();
    const { id, properties } = await s.provider.create(inputsV1);
    outputsV1 = properties;
    assert.equal(id, ID);

    const requests = await s.emulator.requests();
    assert.deepEqual(requests.map((r) => `${r.method} ${r.path}`), [GET, PUT]);
    assert.ok(requests.every((r) => r.hadBearerToken && r.status === 200), JSON.stringify(requests));
    const body = JSON.parse(requests[1].body);
    assert.equal(body.userDeviceQuota, 20);
    assert.equal(body.multiFactorAuthConfiguration, seed.multiFactorAuthConfiguration);
    assert.deepEqual(body.azureADJoin.allowedToJoin.groups, [GROUP_A]);
    assert.equal(body.azureADJoin.localAdmins.enableGlobalAdmins, seed.azureADJoin.localAdmins.enableGlobalAdmins);
    assert.deepEqual(body.azureADJoin.localAdmins.registeringUsers, seed.azureADJoin.localAdmins.registeringUsers);
    assert.deepEqual(body.azureADRegistration.allowedToRegister, seed.azureADRegistration.allowedToRegister);
    assert.equal(body.localAdminPassword.isEnabled, seed.localAdminPassword.isEnabled);

    const live = fromGraph(await s.emulator.policy());
    const original = fromGraph(seed);
    assert.equal(live.userDeviceQuota, 20);
    assert.deepEqual(live.azureADJoin.allowedToJoin, { scope: 'selected', users: [], groups: [GROUP_A] });
    assert.deepEqual(live.azureADJoin.localAdmins, original.azureADJoin.localAdmins);
    assert.deepEqual(live.azureADRegistration, original.azureADRegistration);
    assert.deepEqual(live.localAdminPassword, original.localAdminPassword);
    assert.equal(live.multiFactorAuthConfiguration, original.multiFactorAuthConfiguration);
  });

  it('Create returns the effective settings, the read-only flags and originalSettings equal to the seed', async () => {
    const seed = fromGraph(s.emulator.seed.deviceRegistrationPolicy);
    const live = fromGraph(await s.emulator.policy());
    assert.deepEqual(outputsV1, { ...live, onDestroy: 'restoreOriginal', originalSettings: seed });
  });

  it('Diff of the unchanged program is DIFF_NONE', async () => {
    const { inputs } = await s.provider.check(PROGRAM_V1, inputsV1);
    const diff = await s.provider.diff(outputsV1, inputs, inputsV1);
    assert.equal(diff.changes, 'DIFF_NONE');
    assert.deepEqual(diff.detailedDiff, {});
    assertNoReplace(diff);
    assertDiffInvariants(diff);
  });

  it('Diff compares id lists as sets (order and letter case do not matter)', async () => {
    const outputs = structuredClone(outputsV1);
    outputs.azureADJoin.allowedToJoin.groups = [GROUP_A, GROUP_B];
    const program = { ...PROGRAM_V1, azureADJoin: { allowedToJoin: { scope: 'selected', groups: [GROUP_B.toUpperCase(), GROUP_A] } } };
    const { inputs } = await s.provider.check(program, inputsV1);
    const diff = await s.provider.diff(outputs, inputs, inputsV1);
    assert.equal(diff.changes, 'DIFF_NONE', JSON.stringify(diff.detailedDiff));
  });

  let inputsV2;
  it('Diff lists exactly the changed leaves, as updates, and never a replacement', async () => {
    const checked = await s.provider.check(PROGRAM_V2, inputsV1);
    assert.deepEqual(checked.failures, []);
    inputsV2 = checked.inputs;
    const diff = await s.provider.diff(outputsV1, inputsV2, inputsV1);
    assert.equal(diff.changes, 'DIFF_SOME');
    assert.deepEqual(Object.keys(diff.detailedDiff).sort(), ['azureADJoin.allowedToJoin.groups', 'multiFactorAuthConfiguration', 'userDeviceQuota']);
    for (const { kind } of Object.values(diff.detailedDiff)) assert.ok(['UPDATE', 'ADD'].includes(kind), kind);
    assertNoReplace(diff);
    assertDiffInvariants(diff);
  });

  it('Update(preview) shows the new values and makes no Graph call', async () => {
    await s.emulator.clearRequests();
    const { properties } = await s.provider.update(outputsV1, inputsV2, { oldInputs: inputsV1, preview: true });
    assert.equal(properties.userDeviceQuota, 30);
    assert.equal(properties.multiFactorAuthConfiguration, 'required');
    assert.deepEqual(properties.originalSettings, outputsV1.originalSettings);
    assert.deepEqual(await s.emulator.requests(), []);
  });

  it('Update makes one GET then one PUT and keeps originalSettings', async () => {
    await s.emulator.clearRequests();
    const { properties } = await s.provider.update(outputsV1, inputsV2, { oldInputs: inputsV1 });
    assert.deepEqual(await s.emulator.calls(), [GET, PUT]);
    const live = fromGraph(await s.emulator.policy());
    assert.equal(live.userDeviceQuota, 30);
    assert.equal(live.multiFactorAuthConfiguration, 'required');
    assert.deepEqual([...live.azureADJoin.allowedToJoin.groups].sort(), [GROUP_A, GROUP_B].sort());
    assert.deepEqual(live.azureADJoin.localAdmins, fromGraph(s.emulator.seed.deviceRegistrationPolicy).azureADJoin.localAdmins);
    assert.deepEqual(properties, { ...live, onDestroy: 'restoreOriginal', originalSettings: outputsV1.originalSettings });

    const again = await s.provider.diff(properties, inputsV2, inputsV2);
    assert.equal(again.changes, 'DIFF_NONE', JSON.stringify(again.detailedDiff));
  });

  it('Diff of a newly declared field is a change at that leaf only', async () => {
    const outputs = (await s.provider.read(ID, outputsV1, inputsV2)).properties;
    const { inputs } = await s.provider.check({ ...PROGRAM_V2, azureADJoin: { ...PROGRAM_V2.azureADJoin, localAdmins: { registeringUsers: { scope: 'selected', users: [USER_A] } } } }, inputsV2);
    const diff = await s.provider.diff(outputs, inputs, inputsV2);
    assert.deepEqual(Object.keys(diff.detailedDiff), ['azureADJoin.localAdmins.registeringUsers.users']);
    assertDiffInvariants(diff);
  });

  it('Update with nothing to change reads once and writes nothing', async () => {
    await s.emulator.clearRequests();
    const outputs = (await s.provider.read(ID, outputsV1, inputsV2)).properties;
    await s.emulator.clearRequests();
    const { properties } = await s.provider.update(outputs, inputsV2, { oldInputs: inputsV2 });
    assert.deepEqual(await s.emulator.calls(), [GET]);
    assert.deepEqual(properties, outputs);
  });
});

describe('up: only onDestroy changes', { timeout: 60000 }, () => {
  let s;
  before(async () => { s = await startStack(); });
  after(async () => s?.stop());

  it('Diff shows onDestroy, and Update records it without writing to Graph', async () => {
    const inputs1 = (await s.provider.check({ userDeviceQuota: 20 }, {})).inputs;
    const outputs1 = (await s.provider.create(inputs1)).properties;
    const inputs2 = (await s.provider.check({ userDeviceQuota: 20, onDestroy: 'restoreDefaults' }, inputs1)).inputs;
    const diff = await s.provider.diff(outputs1, inputs2, inputs1);
    assert.deepEqual(Object.keys(diff.detailedDiff), ['onDestroy']);
    await s.emulator.clearRequests();
    const { properties } = await s.provider.update(outputs1, inputs2, { oldInputs: inputs1 });
    assert.deepEqual(await s.emulator.calls(), [GET]);
    assert.deepEqual(properties, { ...outputs1, onDestroy: 'restoreDefaults' });
  });
});

describe('up: create when the tenant already matches', { timeout: 60000 }, () => {
  let s;
  before(async () => { s = await startStack(); });
  after(async () => s?.stop());

  it('reads once, writes nothing, and records the policy as found', async () => {
    const { inputs } = await s.provider.check({ userDeviceQuota: 2, multiFactorAuthConfiguration: 'notRequired' }, {});
    const { properties } = await s.provider.create(inputs);
    assert.deepEqual(await s.emulator.calls(), [GET]);
    assert.deepEqual(properties.originalSettings, fromGraph(s.emulator.seed.deviceRegistrationPolicy));
  });
});
