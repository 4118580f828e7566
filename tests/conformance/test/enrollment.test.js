'use strict';
// entradevices:index:AutomaticIntuneEnrollment through the engine's call sequences, signed in as a person
// (Graph has no application permission for it): preview makes no Graph call and shows each group on its own
// line, up adopts and adds each group with its own $ref, an update sends only the difference, refresh shows a
// group added in the portal, import declares what it finds, destroy puts scope and groups back, and an app-only
// credential is refused before any Graph call.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startStack, withStack } = require('../lib/stack');
const { personToken, token } = require('../lib/launch');

const APP = '0000000a-0000-0000-c000-000000000000';
const MDM = `/beta/policies/mobileDeviceManagementPolicies/${APP}`;
const MAM = `/beta/policies/mobileAppManagementPolicies/${APP}`;
const ENROLLMENT = { type: 'entradevices:index:AutomaticIntuneEnrollment', name: 'automatic-intune-enrollment', id: APP };
const CLOUD_DEVICE_ADMINISTRATOR = '7698a772-787b-4ac8-901f-60d6b08affd2';
const PERSON = personToken(['Policy.ReadWrite.MobilityManagement'], [CLOUD_DEVICE_ADMINISTRATOR]);
const [A, B, C, D] = ['0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f', '3c8ef067-8b96-44de-b2ae-557dfa0f97a0',
  '5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', '6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f'];

/** The MDM policy as Graph shows it to the person (through the emulator's Graph routes, not a back door). */
async function mdm(s) {
  const response = await fetch(`${s.emulator.baseUrl}${MDM}?$expand=includedGroups`, { headers: { authorization: `Bearer ${PERSON}` } });
  assert.equal(response.status, 200);
  const policy = await response.json();
  return { appliesTo: policy.appliesTo, groups: policy.includedGroups.map((g) => g.id).sort() };
}

const methods = async (s) => (await s.emulator.requests()).map((q) => `${q.method} ${q.path.replace(/\/includedGroups.*$/, '/includedGroups…')}`);

describe('AutomaticIntuneEnrollment', { timeout: 90000 }, () => {
  let s;
  let r;
  let inputs;
  let outputs;
  before(async () => {
    s = await startStack({ accessToken: PERSON });
    r = s.provider.resource(ENROLLMENT);
  });
  after(async () => s?.stop());

  it('the schema describes the resource, says it is delegated only, and describes every property', async () => {
    const schema = await s.provider.schema();
    const spec = schema.resources[ENROLLMENT.type];
    assert.match(spec.description, /no application permission/);
    assert.deepEqual(Object.keys(spec.inputProperties).sort(), ['mam', 'mdm']);
    for (const [name, property] of Object.entries(schema.types['entradevices:index:MobilityUserScope'].properties)) {
      assert.ok(property.description, `${name} has a description`);
    }
  });

  it('Check names each bad input and what is accepted', async () => {
    const { failures } = await r.check({
      mdm: { appliesTo: 'selected', includedGroups: [A, 'sales'], termsOfUseUrl: 'http://contoso.example/terms' },
      mam: { appliesTo: 'all', includedGroups: [B] },
    });
    assert.deepEqual(failures.map((f) => f.property).sort(), ['mam.includedGroups', 'mdm.includedGroups[1]', 'mdm.termsOfUseUrl']);
    assert.match(failures.find((f) => f.property === 'mdm.termsOfUseUrl').reason, /https URL/);
  });

  it('preview of the new resource makes no Graph call', async () => {
    await s.emulator.clearRequests();
    ({ inputs } = await r.check({ mdm: { appliesTo: 'selected', includedGroups: [A, B] } }));
    const { id, properties } = await r.create(inputs, { preview: true });
    assert.equal(id, APP);
    assert.equal(properties.mdm.appliesTo, 'selected');
    assert.deepEqual(await s.emulator.calls(), []);
  });

  it('up adopts both scopes and adds each group with its own $ref', async () => {
    await s.emulator.clearRequests();
    ({ properties: outputs } = await r.create(inputs));
    assert.deepEqual(await methods(s), [`GET ${MDM}`, `GET ${MAM}`, `POST ${MDM}/includedGroups…`, `POST ${MDM}/includedGroups…`, `GET ${MDM}`]);
    assert.deepEqual(await mdm(s), { appliesTo: 'selected', groups: [A, B] });
    assert.equal(outputs.originalSettings.mdm.appliesTo, 'none');
    assert.deepEqual(outputs.mdm.includedGroups.sort(), [A, B]);
  });

  it('a change of groups is previewed one group per line, with no Graph call, and sends only the difference', async () => {
    const { inputs: news } = await r.check({ mdm: { appliesTo: 'selected', includedGroups: [B, C] } });
    await s.emulator.clearRequests();
    const diff = await r.diff(outputs, news);
    assert.deepEqual(Object.keys(diff.detailedDiff).sort(), ['mdm.includedGroups[0]', 'mdm.includedGroups[1]']);
    assert.deepEqual(diff.replaces, []);
    await r.update(outputs, news, { preview: true });
    assert.deepEqual(await s.emulator.calls(), []);

    ({ properties: outputs } = await r.update(outputs, news));
    assert.deepEqual(await methods(s), [`GET ${MDM}`, `GET ${MAM}`, `POST ${MDM}/includedGroups…`, `DELETE ${MDM}/includedGroups…`, `GET ${MDM}`]);
    assert.deepEqual(await mdm(s), { appliesTo: 'selected', groups: [B, C] });
    inputs = news;
  });

  it('refresh shows a group added in the portal as one group to remove', async () => {
    const added = await fetch(`${s.emulator.baseUrl}${MDM}/includedGroups/$ref`, {
      method: 'POST',
      headers: { authorization: `Bearer ${PERSON}`, 'content-type': 'application/json' },
      body: JSON.stringify({ '@odata.id': `https://graph.microsoft.com/beta/groups/${D}` }),
    });
    assert.equal(added.status, 204);
    await s.emulator.clearRequests();
    const read = await r.read(APP, outputs, inputs);
    assert.deepEqual(await s.emulator.calls(), [`GET ${MDM}`, `GET ${MAM}`]);
    assert.deepEqual(read.properties.mdm.includedGroups.sort(), [B, C, D].sort());
    const diff = await r.diff(read.properties, inputs);
    assert.deepEqual(Object.entries(diff.detailedDiff).map(([k, v]) => [k, v.kind]), [['mdm.includedGroups[2]', 'DELETE']]);
    outputs = read.properties;
  });

  it('import reads both policies and declares what it finds', async () => {
    await s.emulator.clearRequests();
    const read = await r.read(APP);
    assert.equal((await s.emulator.calls()).length, 2);
    assert.equal(read.inputs.mdm.appliesTo, 'selected');
    assert.deepEqual(read.inputs.mdm.includedGroups.sort(), [B, C, D].sort());
    const checked = await r.check(read.inputs);
    assert.deepEqual(checked.failures, []);
    assert.equal((await r.diff(read.properties, checked.inputs)).changes, 'DIFF_NONE');
  });

  it('destroy puts the scope and the groups back as found', async () => {
    await s.emulator.clearRequests();
    await r.delete(outputs, inputs);
    assert.deepEqual(await mdm(s), { appliesTo: 'none', groups: [] });
    const patch = (await s.emulator.requests()).find((q) => q.method === 'PATCH');
    assert.deepEqual(JSON.parse(patch.body), { appliesTo: 'none' });
  });

  it('an app-only credential is refused before any Graph call, saying what to do', async () => {
    await withStack({ accessToken: token(['Policy.ReadWrite.MobilityManagement']) }, async (app) => {
      const enrollment = app.provider.resource(ENROLLMENT);
      const { inputs: declared } = await enrollment.check({ mdm: { appliesTo: 'all' } });
      // One call at a time: each is started only when the one before has failed.
      for (const call of [() => enrollment.create(declared), () => enrollment.read(APP), () => enrollment.delete({ ...outputs }, declared)]) {
        const failure = await app.provider.failure(call());
        assert.equal(failure.codeName, 'PERMISSION_DENIED', JSON.stringify(failure));
        assert.match(failure.message, /only a signed-in person/);
        assert.match(failure.message, /ENTRADEVICES_SIGN_IN=deviceCode/);
        assert.match(failure.message, /Nothing was changed/);
      }
      assert.deepEqual(await app.emulator.calls(), []);
    });
  });
});
