'use strict';
// §4 preview: Check(olds = {}, news may hold unknowns) → Create(preview = true) for a new resource;
// Check(olds = old inputs) → Diff → Update(preview = true) for an existing one. Preview never calls Graph.
const { describe, it, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { startStack } = require('../lib/stack');
const { UNKNOWN, isUnknown, at } = require('../lib/values');
const { ID } = require('../lib/launch');
const { GROUP_A } = require('../lib/policy');

describe('preview of a new resource', { timeout: 60000 }, () => {
  let s;
  before(async () => { s = await startStack(); });
  after(async () => s?.stop());
  beforeEach(async () => s.emulator.reset());

  it('Check accepts an unknown group list and Create(preview) promises unknowns without calling Graph', async () => {
    const news = { userDeviceQuota: 20, azureADJoin: { allowedToJoin: { scope: 'selected', groups: UNKNOWN.string } } };
    const checked = await s.provider.check(news, {});
    assert.deepEqual(checked.failures, []);
    assert.ok(isUnknown(at(checked.inputs, 'azureADJoin.allowedToJoin.groups')), JSON.stringify(checked.inputs));

    const { id, properties } = await s.provider.create(checked.inputs, { preview: true });
    assert.equal(id, ID);
    assert.equal(properties.userDeviceQuota, 20);
    assert.equal(at(properties, 'azureADJoin.allowedToJoin.scope'), 'selected');
    assert.ok(isUnknown(at(properties, 'azureADJoin.allowedToJoin.groups')), 'the unknown input stays unknown');
    for (const undeclared of ['multiFactorAuthConfiguration', 'localAdminPassword.isEnabled', 'azureADJoin.localAdmins.enableGlobalAdmins',
      'azureADRegistration.allowedToRegister.scope', 'azureADJoin.isAdminConfigurable', 'originalSettings']) {
      assert.ok(isUnknown(at(properties, undeclared)), `${undeclared} is ${JSON.stringify(at(properties, undeclared))}`);
    }
    assert.equal(properties.onDestroy, 'restoreOriginal');
    assert.deepEqual(await s.emulator.requests(), [], 'preview makes zero Graph calls');
  });

  const typed = [
    ['bool', 'localAdminPassword.isEnabled', { localAdminPassword: { isEnabled: UNKNOWN.bool } }],
    ['number', 'userDeviceQuota', { userDeviceQuota: UNKNOWN.number }],
    ['array', 'azureADJoin.allowedToJoin.users', { azureADJoin: { allowedToJoin: { scope: 'selected', users: UNKNOWN.array } } }],
    ['object (a section)', 'localAdminPassword', { localAdminPassword: UNKNOWN.object }],
    ['object (a membership)', 'azureADJoin.allowedToJoin', { azureADJoin: { allowedToJoin: UNKNOWN.object } }],
    ['string (a scope)', 'azureADJoin.allowedToJoin.scope', { azureADJoin: { allowedToJoin: { scope: UNKNOWN.string } } }],
  ];

  for (const [kind, path, news] of typed) {
    it(`Check and Create(preview) accept the ${kind} unknown at ${path}`, async () => {
      const checked = await s.provider.check(news, {});
      assert.deepEqual(checked.failures, []);
      const { properties } = await s.provider.create(checked.inputs, { preview: true });
      assert.ok(isUnknown(at(properties, path)) || isUnknown(at(properties, `${path}.scope`)) || isUnknown(at(properties, `${path}.isEnabled`)),
        `${path} in ${JSON.stringify(properties)}`);
      assert.deepEqual(await s.emulator.requests(), []);
    });
  }
});

describe('preview of an existing resource', { timeout: 60000 }, () => {
  let s;
  let inputs;
  let outputs;
  before(async () => {
    s = await startStack();
    inputs = (await s.provider.check({ userDeviceQuota: 20, localAdminPassword: { isEnabled: false } })).inputs;
    outputs = (await s.provider.create(inputs)).properties;
  });
  after(async () => s?.stop());
  beforeEach(async () => s.emulator.clearRequests());

  const typed = [
    ['bool', 'localAdminPassword.isEnabled', { localAdminPassword: { isEnabled: UNKNOWN.bool } }],
    ['number', 'userDeviceQuota', { userDeviceQuota: UNKNOWN.number }],
    ['array', 'azureADJoin.allowedToJoin.groups', { azureADJoin: { allowedToJoin: { scope: 'selected', groups: UNKNOWN.array } } }],
    ['object (a section)', 'localAdminPassword', { localAdminPassword: UNKNOWN.object }],
    ['object (a membership)', 'azureADJoin.allowedToJoin', { azureADJoin: { allowedToJoin: UNKNOWN.object } }],
    // The engine marshals every computed value with the string sentinel, whatever its type.
    ['string sentinel at an object', 'azureADJoin.allowedToJoin', { azureADJoin: { allowedToJoin: UNKNOWN.string } }],
  ];

  for (const [kind, path, news] of typed) {
    it(`Diff reports a possible change where the ${kind} unknown sits (${path})`, async () => {
      const checked = await s.provider.check(news, inputs);
      assert.deepEqual(checked.failures, []);
      const diff = await s.provider.diff(outputs, checked.inputs, inputs);
      assert.equal(diff.changes, 'DIFF_SOME', `an unknown input may change ${path}: ${JSON.stringify(diff)}`);
      const keys = Object.keys(diff.detailedDiff);
      assert.ok(keys.some((key) => key === path || key.startsWith(`${path}.`)), `detailedDiff keys ${keys} cover ${path}`);
      assert.deepEqual(diff.replaces, []);
      assert.deepEqual(await s.emulator.requests(), []);
    });

    it(`Update(preview) leaves ${path} unknown for the ${kind} unknown, without calling Graph`, async () => {
      const checked = await s.provider.check(news, inputs);
      const { properties } = await s.provider.update(outputs, checked.inputs, { oldInputs: inputs, preview: true });
      const value = at(properties, path);
      const leavesUnder = value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.values(value).filter((v) => typeof v !== 'object' || v === null)
        : [value];
      assert.ok(leavesUnder.length > 0 && leavesUnder.every(isUnknown), `${path} should be unknown, is ${JSON.stringify(value)}`);
      assert.deepEqual(properties.originalSettings, outputs.originalSettings);
      assert.deepEqual(await s.emulator.requests(), []);
    });
  }
});
