'use strict';
// entradevices:index:AutopilotDevicePreparationPolicy through the engine's call sequences (issue #26): preview makes
// no Graph call and shows every declared leaf; up creates the policy, binds the device group and assigns the user
// group; a second preview shows no change; drift of the device group shows on refresh and up puts it back; an update
// PUTs the whole policy and keeps what the stack does not declare; import adopts; destroy deletes; a group Intune
// refuses is an error that says what to fix, and the created policy is recorded.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startStack } = require('../lib/stack');
const { personToken } = require('../lib/launch');

const POLICIES = '/beta/deviceManagement/configurationPolicies';
const POLICY = { type: 'entradevices:index:AutopilotDevicePreparationPolicy', name: 'device-preparation' };
const MANAGE = 'DeviceManagementConfiguration.ReadWrite.All';
const PROVISIONING_CLIENT = 'f1346770-5b25-470b-88bd-d5744ab7952c';
const SP = '2f0e9d8c-7b6a-4594-8382-71605f4e3d2c';
const [DEVICES, OTHER_DEVICES, DYNAMIC, USERS] = [
  '0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f', '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', '6f5e4d3c-2b1a-4c9d-8e7f-6a5b4c3d2e1f', '3c8ef067-8b96-44de-b2ae-557dfa0f97a0',
];
const APP = '7d1f0c2a-5b4e-4c3d-9a8b-1c2d3e4f5a6b';
const group = (id, more = {}) => ({ id, displayName: `group ${id}`, securityEnabled: true, mailEnabled: false, groupTypes: [], owners: [SP], ...more });

describe('AutopilotDevicePreparationPolicy', { timeout: 120000 }, () => {
  let s;
  let id;
  let inputs;
  let outputs;
  const declared = {
    name: 'Sales laptops',
    description: 'first',
    timeoutMinutes: 90,
    allowSkip: true,
    allowedApps: [{ id: APP, type: 'win32LobApp' }],
    deviceGroup: DEVICES,
    userGroups: [USERS],
  };
  const resource = () => s.provider.resource({ ...POLICY, id });
  const graph = async (method, path, body) => {
    const response = await fetch(`${s.emulator.baseUrl}${POLICIES}${path}`, {
      method,
      headers: { authorization: `Bearer ${s.accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, json: response.status === 204 ? undefined : await response.json() };
  };
  const boundGroup = async () => (await graph('POST', `/${id}/retrieveEnrollmentTimeDeviceMembershipTarget`)).json.enrollmentTimeDeviceMembershipTargetValidationStatuses[0]?.targetId;

  before(async () => {
    // Binding a user-driven policy's device group fails for an application (graph-device-preparation.md §5): a person signs in.
    s = await startStack({ accessToken: personToken([MANAGE]) });
    await s.emulator.putTenant({
      directory: {
        servicePrincipals: [{ id: SP, appId: PROVISIONING_CLIENT, displayName: 'Intune Provisioning Client' }],
        groups: [group(DEVICES), group(OTHER_DEVICES), group(DYNAMIC, { groupTypes: ['DynamicMembership'] })],
      },
    });
  });
  after(async () => s?.stop());

  it('Check names each bad input and what is accepted', async () => {
    const { failures } = await s.provider.resource(POLICY).check({
      name: 'Sales laptops',
      timeoutMinutes: 5,
      joinType: 'hybridJoined',
      allowedApps: [{ id: 'notepad', type: 'win32LobApp' }],
      deviceGroup: DEVICES,
      userGroups: [DEVICES],
    });
    assert.deepEqual(failures.map((f) => f.property).sort(), ['allowedApps[0].id', 'joinType', 'timeoutMinutes', 'userGroups']);
  });

  it('preview of the new policy makes no Graph call and shows every declared leaf', async () => {
    await s.emulator.clearRequests();
    ({ inputs } = await s.provider.resource(POLICY).check(declared));
    const { id: previewId, properties } = await s.provider.resource(POLICY).create(inputs, { preview: true });
    assert.equal(previewId, '');
    for (const [key, value] of Object.entries(declared)) assert.deepEqual(properties[key], value, key);
    assert.deepEqual(await s.emulator.calls(), []);
  });

  it('up creates the policy, binds the device group and assigns the user group; a second preview shows no change', async () => {
    await s.emulator.clearRequests();
    ({ id, properties: outputs } = await s.provider.resource(POLICY).create(inputs));
    assert.deepEqual((await s.emulator.calls()).filter((c) => !c.startsWith('GET')), [
      `POST ${POLICIES}`, `POST ${POLICIES}/${id}/setEnrollmentTimeDeviceMembershipTarget`, `POST ${POLICIES}/${id}/assign`,
    ]);
    assert.equal(await boundGroup(), DEVICES);
    assert.deepEqual((await graph('GET', `/${id}/assignments`)).json.value.map((a) => a.target.groupId), [USERS]);
    const read = await resource().read(id, outputs, inputs);
    assert.equal((await resource().diff(read.properties, inputs)).changes, 'DIFF_NONE');
    assert.equal(read.properties.userAccountType, 'standardUser');
  });

  it('refresh shows the device group changed in the admin center, and up binds the declared one again', async () => {
    const body = { enrollmentTimeDeviceMembershipTargets: [{ targetType: 'staticSecurityGroup', targetId: OTHER_DEVICES }] };
    assert.equal((await graph('POST', `/${id}/setEnrollmentTimeDeviceMembershipTarget`, body)).status, 200);
    const read = await resource().read(id, outputs, inputs);
    assert.equal(read.properties.deviceGroup, OTHER_DEVICES);
    const diff = await resource().diff(read.properties, inputs);
    assert.deepEqual(Object.keys(diff.detailedDiff), ['deviceGroup']);
    ({ properties: outputs } = await resource().update(read.properties, inputs));
    assert.equal(await boundGroup(), DEVICES);
  });

  it('an update PUTs the whole policy and keeps the settings the stack no longer declares', async () => {
    const { inputs: news } = await resource().check({ name: 'Sales laptops', description: 'second' });
    await s.emulator.clearRequests();
    await resource().update(outputs, news, { preview: true });
    assert.deepEqual(await s.emulator.calls(), []);
    ({ properties: outputs } = await resource().update(outputs, news));
    const put = (await s.emulator.requests()).filter((r) => r.method === 'PUT');
    assert.equal(put.length, 1);
    const settings = JSON.parse(put[0].body).settings.map((x) => x.settingInstance);
    const value = (name) => settings.find((i) => i.settingDefinitionId === `enrollment_autopilot_dpp_${name}`);
    assert.equal(value('allowskip').choiceSettingValue.value, 'enrollment_autopilot_dpp_allowskip_1');
    assert.equal(value('timeout').simpleSettingValue.value, 90);
    assert.ok(value('allowedappids'), 'the allowed apps are sent back');
    assert.equal(outputs.deviceGroup, DEVICES);
    inputs = news;
  });

  it('import declares the policy as found, and then diffs clean', async () => {
    const read = await resource().read(id);
    assert.equal(read.inputs.deviceGroup, DEVICES);
    assert.deepEqual(read.inputs.allowedApps, [{ id: APP, type: 'win32LobApp' }]);
    const checked = await resource().check(read.inputs);
    assert.deepEqual(checked.failures, []);
    assert.equal((await resource().diff(read.properties, checked.inputs)).changes, 'DIFF_NONE');
  });

  it('a dynamic device group is refused with what to fix, and the created policy is recorded', async () => {
    const { inputs: dynamic } = await s.provider.resource(POLICY).check({ name: 'Dynamic', deviceGroup: DYNAMIC });
    const failure = await s.provider.failure(s.provider.resource(POLICY).create(dynamic));
    assert.ok(failure.initFailed, JSON.stringify(failure));
    assert.ok(failure.initFailed.id, 'the created policy is recorded with its id');
    assert.match(failure.initFailed.reasons.join(' '), /dynamic membership/);
    await s.provider.resource({ ...POLICY, id: failure.initFailed.id }).delete({}, dynamic);
  });

  it('destroy deletes the policy; refresh then drops it from state', async () => {
    await s.emulator.clearRequests();
    await resource().delete(outputs, inputs);
    assert.deepEqual((await s.emulator.calls()).filter((c) => c.startsWith('DELETE')), [`DELETE ${POLICIES}/${id}`]);
    const read = await resource().read(id, outputs, inputs);
    assert.equal(read.id, '');
  });
});
