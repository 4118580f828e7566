'use strict';
// entradevices:index:EnrollmentStatusPage and DefaultEnrollmentStatusPage through the engine's call sequences:
// preview makes no Graph call, up creates the page and assigns the whole list once, a change of groups is previewed
// one group per line, priority moves only through setPriority and a gap is a clear error, refresh of a deleted page
// drops it, import declares groups and priority; the default page is adopted, restored on destroy, never deleted.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startStack } = require('../lib/stack');

const PAGES = '/beta/deviceManagement/deviceEnrollmentConfigurations';
const PAGE = { type: 'entradevices:index:EnrollmentStatusPage', name: 'enrollment-status-page' };
const DEFAULT = { type: 'entradevices:index:DefaultEnrollmentStatusPage', name: 'default-enrollment-status-page', id: 'defaultEnrollmentStatusPage' };
const DEFAULT_ID = '00000000-0000-0000-0000-0000000000aa_DefaultWindows10EnrollmentCompletionPageConfiguration';
const [A, B] = ['0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f', '3c8ef067-8b96-44de-b2ae-557dfa0f97a0'];

describe('EnrollmentStatusPage and DefaultEnrollmentStatusPage', { timeout: 90000 }, () => {
  let s;
  const graph = async (method, path) => {
    const response = await fetch(`${s.emulator.baseUrl}${PAGES}${path}`, { method, headers: { authorization: `Bearer ${s.accessToken}` } });
    return response.status === 204 ? undefined : response.json();
  };
  const create = async (inputs) => {
    const r = s.provider.resource(PAGE);
    const { inputs: checked } = await r.check(inputs);
    const { id, properties } = await r.create(checked);
    return { id, properties, inputs: checked, r: s.provider.resource({ ...PAGE, id }) };
  };

  before(async () => {
    s = await startStack({ roles: ['DeviceManagementServiceConfig.ReadWrite.All'] });
  });
  after(async () => s?.stop());

  it('Check names bad inputs: the timeout range, an empty message the page would show, a priority of 0', async () => {
    const { failures } = await s.provider.resource(PAGE).check({
      displayName: 'ESP', installProgressTimeoutInMinutes: 0, showInstallationProgress: true, customErrorMessage: '', priority: 0,
    });
    assert.deepEqual(failures.map((f) => f.property).sort(), ['customErrorMessage', 'installProgressTimeoutInMinutes', 'priority']);
  });

  it('preview makes no Graph call; up creates the page, then one assign of the whole list', async () => {
    await s.emulator.clearRequests();
    const { inputs } = await s.provider.resource(PAGE).check({ displayName: 'First', assignments: [A, B] });
    await s.provider.resource(PAGE).create(inputs, { preview: true });
    assert.deepEqual(await s.emulator.calls(), []);

    const page = await create({ displayName: 'First', assignments: [A, B], installProgressTimeoutInMinutes: 90 });
    const calls = await s.emulator.calls();
    assert.deepEqual(calls, [`POST ${PAGES}`, `POST ${PAGES}/${page.id}/assign`]);
    assert.equal(page.properties.priority, 1);
    assert.deepEqual((await graph('GET', `/${page.id}/assignments`)).value.map((a) => a.target.groupId).sort(), [A, B]);
  });

  it('a change of groups is previewed one group per line, and priority moves only through setPriority', async () => {
    const first = await create({ displayName: 'Alpha' });
    const second = await create({ displayName: 'Beta' });
    const { inputs: news } = await second.r.check({ displayName: 'Beta', assignments: [A], priority: first.properties.priority });
    const diff = await second.r.diff({ ...second.properties, assignments: [] }, news);
    assert.ok('assignments[0]' in diff.detailedDiff, JSON.stringify(diff.detailedDiff));
    await s.emulator.clearRequests();

    const { properties } = await second.r.update(second.properties, news);
    const calls = await s.emulator.calls();
    assert.ok(calls.includes(`POST ${PAGES}/${second.id}/setPriority`), calls.join('\n'));
    assert.ok(!calls.some((c) => c.startsWith('PATCH')), calls.join('\n'));
    assert.equal(properties.priority, first.properties.priority);
    assert.equal((await graph('GET', `/${first.id}`)).priority, second.properties.priority);
  });

  it('a priority in a gap left by a deleted page is refused naming the priorities that exist', async () => {
    const doomed = await create({ displayName: 'Doomed' });
    const last = await create({ displayName: 'Last' });
    await doomed.r.delete(doomed.properties, doomed.inputs);
    const { inputs: news } = await last.r.check({ displayName: 'Last', priority: doomed.properties.priority });
    const failure = await s.provider.failure(last.r.update(last.properties, news));
    assert.match(failure.message, new RegExp(`no other page holds ${doomed.properties.priority}`));
    assert.match(failure.message, /Nothing was changed/);
  });

  it('refresh of a page deleted outside Pulumi drops it; import declares groups and priority', async () => {
    const page = await create({ displayName: 'Imported', assignments: [B] });
    const imported = await page.r.read(page.id);
    assert.deepEqual(imported.inputs.assignments, [B]);
    assert.equal(imported.inputs.priority, page.properties.priority);
    await graph('DELETE', `/${page.id}`);
    assert.equal((await page.r.read(page.id, page.properties, page.inputs)).id, '');
  });

  it('the default page is adopted, changed only where declared, restored on destroy, never deleted', async () => {
    const r = s.provider.resource(DEFAULT);
    const { inputs } = await r.check({ customErrorMessage: 'Call the service desk.' });
    await s.emulator.clearRequests();
    await r.create(inputs, { preview: true });
    assert.deepEqual(await s.emulator.calls(), []);

    const { id, properties } = await r.create(inputs);
    assert.equal(id, DEFAULT.id);
    assert.equal(properties.originalSettings.customErrorMessage, '');
    assert.equal((await graph('GET', `/${DEFAULT_ID}`)).customErrorMessage, 'Call the service desk.');

    await r.delete(properties, inputs);
    const after = await graph('GET', `/${DEFAULT_ID}`);
    assert.equal(after.customErrorMessage, '');
    assert.ok(!(await s.emulator.calls()).some((c) => c.startsWith('DELETE')));
  });
});
