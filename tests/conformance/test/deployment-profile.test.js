'use strict';
// entradevices:index:AutopilotDeploymentProfile through the engine's call sequences: preview makes no Graph call,
// up creates the profile then one assignment per target, a change of groups is previewed one group per line and
// reconciled (drift repaired), a change of deviceType is a replacement, refresh of a deleted profile drops it,
// import declares the assignments, destroy removes the assignments then the profile, and a second all-devices
// profile is refused naming the one that holds it.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startStack } = require('../lib/stack');

const PROFILES = '/beta/deviceManagement/windowsAutopilotDeploymentProfiles';
const PROFILE = { type: 'entradevices:index:AutopilotDeploymentProfile', name: 'autopilot-deployment-profile' };
const MANAGE = 'DeviceManagementServiceConfig.ReadWrite.All';
const [A, B, C] = ['0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f', '3c8ef067-8b96-44de-b2ae-557dfa0f97a0', '5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d'];

describe('AutopilotDeploymentProfile', { timeout: 90000 }, () => {
  let s;
  let r;
  let id;
  let inputs;
  let outputs;
  const graph = async (method, path, body) => {
    const response = await fetch(`${s.emulator.baseUrl}${PROFILES}${path}`, {
      method,
      headers: { authorization: `Bearer ${s.accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, json: response.status === 204 ? undefined : await response.json() };
  };
  const assigned = async () => (await graph('GET', `/${id}/assignments`)).json.value.map((a) => a.target.groupId).sort();
  const resource = () => s.provider.resource({ ...PROFILE, id });

  before(async () => {
    s = await startStack({ roles: [MANAGE] });
  });
  after(async () => s?.stop());

  it('Check names each bad input and what is accepted', async () => {
    const { failures } = await s.provider.resource(PROFILE).check({
      displayName: 'Sales',
      deviceNameTemplate: 'CONTOSO-LAPTOP-%SERIAL%',
      locale: 'english',
      assignments: { allDevices: true, excludedGroups: [A] },
    });
    assert.deepEqual(failures.map((f) => f.property).sort(), ['assignments.excludedGroups', 'deviceNameTemplate', 'locale']);
  });

  it('preview of the new profile makes no Graph call', async () => {
    await s.emulator.clearRequests();
    ({ inputs } = await s.provider.resource(PROFILE).check({ displayName: 'Sales', deviceNameTemplate: 'PC-%SERIAL%', assignments: { groups: [A, B] } }));
    const { id: previewId, properties } = await s.provider.resource(PROFILE).create(inputs, { preview: true });
    assert.equal(previewId, '');
    assert.deepEqual(properties.assignments.groups, [A, B]);
    assert.deepEqual(await s.emulator.calls(), []);
  });

  it('up creates the profile, then one assignment per group', async () => {
    await s.emulator.clearRequests();
    ({ id, properties: outputs } = await s.provider.resource(PROFILE).create(inputs));
    assert.deepEqual(await s.emulator.calls(), [`POST ${PROFILES}`, `POST ${PROFILES}/${id}/assignments`, `POST ${PROFILES}/${id}/assignments`]);
    assert.deepEqual(await assigned(), [A, B]);
    assert.equal(outputs.deviceNameTemplate, 'PC-%SERIAL%');
  });

  it('a change of groups is previewed one group per line with no Graph call, then reconciled', async () => {
    const { inputs: news } = await resource().check({ displayName: 'Sales', deviceNameTemplate: 'PC-%SERIAL%', assignments: { groups: [B, C] } });
    await s.emulator.clearRequests();
    const diff = await resource().diff(outputs, news);
    assert.deepEqual(diff.replaces, []);
    assert.ok(Object.keys(diff.detailedDiff).length > 0 && Object.keys(diff.detailedDiff).every((k) => k.startsWith('assignments.groups[')), JSON.stringify(diff.detailedDiff));
    await resource().update(outputs, news, { preview: true });
    assert.deepEqual(await s.emulator.calls(), []);

    ({ properties: outputs } = await resource().update(outputs, news));
    assert.deepEqual(await assigned(), [B, C]);
    inputs = news;
  });

  it('refresh shows an assignment removed in the portal, and up puts it back', async () => {
    assert.equal((await graph('DELETE', `/${id}/assignments/${id}_${C}`)).status, 204);
    const read = await resource().read(id, outputs, inputs);
    assert.deepEqual(read.properties.assignments.groups, [B]);
    const diff = await resource().diff(read.properties, inputs);
    assert.deepEqual(Object.entries(diff.detailedDiff).map(([k, v]) => [k, v.kind]), [['assignments.groups[1]', 'ADD']]);
    ({ properties: outputs } = await resource().update(read.properties, inputs));
    assert.deepEqual(await assigned(), [B, C]);
  });

  it('a change of deviceType is a replacement, deleted first', async () => {
    const { inputs: news } = await resource().check({ ...inputs, deviceType: 'holoLens' });
    const diff = await resource().diff(outputs, news);
    assert.deepEqual(diff.replaces, ['deviceType']);
    assert.equal(diff.deleteBeforeReplace, true);
  });

  it('import declares the profile and its assignments, and then diffs clean', async () => {
    const read = await resource().read(id);
    assert.deepEqual(read.inputs.assignments.groups.sort(), [B, C]);
    const checked = await resource().check(read.inputs);
    assert.deepEqual(checked.failures, []);
    assert.equal((await resource().diff(read.properties, checked.inputs)).changes, 'DIFF_NONE');
  });

  it('a second all-devices profile is refused naming the profile that holds it, and is recorded', async () => {
    const { inputs: everyone } = await s.provider.resource(PROFILE).check({ displayName: 'Everyone', assignments: { allDevices: true } });
    await s.provider.resource(PROFILE).create(everyone);
    const { inputs: again } = await s.provider.resource(PROFILE).check({ displayName: 'Everyone again', assignments: { allDevices: true } });
    const failure = await s.provider.failure(s.provider.resource(PROFILE).create(again));
    assert.ok(failure.initFailed, JSON.stringify(failure));
    assert.ok(failure.initFailed.id, 'the created profile is recorded with its id');
    assert.match(failure.initFailed.reasons.join(' '), /'Everyone'/);
  });

  it('destroy removes the assignments, then the profile; refresh then drops it from state', async () => {
    await s.emulator.clearRequests();
    await resource().delete(outputs, inputs);
    const deletes = (await s.emulator.calls()).filter((c) => c.startsWith('DELETE'));
    assert.deepEqual(deletes.slice(0, 2).sort(), [`DELETE ${PROFILES}/${id}/assignments/${id}_${B}`, `DELETE ${PROFILES}/${id}/assignments/${id}_${C}`]);
    assert.deepEqual(deletes.slice(2), [`DELETE ${PROFILES}/${id}`]);
    const read = await resource().read(id, outputs, inputs);
    assert.equal(read.id, '');
  });
});
