'use strict';
// Issue #24, 9: a value the program marks secret stays secret in every output, failure, warning and status line of
// every object resource. Each input is marked secret in turn, and each runs through a create that succeeds, a create
// Graph refuses, and a create whose assignment Graph refuses after the object was made (messages name the object and
// the group); the secret's text must appear nowhere the provider writes, and its output must come back secret.
const { describe, it, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { startStack } = require('../lib/stack');
const { personToken } = require('../lib/launch');
const { secret, isSecret } = require('../lib/values');

const A = '0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f';
const MANAGE = 'DeviceManagementServiceConfig.ReadWrite.All';
const POLICY = 'Policy.ReadWrite.DeviceConfiguration';
const RESOURCES = [
  {
    name: 'AutopilotDeploymentProfile',
    address: { type: 'entradevices:index:AutopilotDeploymentProfile', name: 'profile' },
    inputs: { displayName: 'Sales-zz-secret-name', description: 'zz-secret-description', locale: 'en-GB', deviceNameTemplate: 'ZZQ-%SERIAL%', assignments: { groups: [A] } },
    leaves: [['displayName'], ['description'], ['locale'], ['deviceNameTemplate'], ['assignments', 'groups', 0]],
    assignment: '/assignments',
  },
  {
    name: 'EnrollmentStatusPage',
    address: { type: 'entradevices:index:EnrollmentStatusPage', name: 'page' },
    inputs: { displayName: 'ESP-zz-secret-name', description: 'zz-secret-description', customErrorMessage: 'zz-secret-message', assignments: [A] },
    leaves: [['displayName'], ['description'], ['customErrorMessage'], ['assignments', 0]],
    assignment: '/assign',
  },
  {
    name: 'DefaultEnrollmentStatusPage',
    address: { type: 'entradevices:index:DefaultEnrollmentStatusPage', name: 'default-page', id: 'defaultEnrollmentStatusPage' },
    inputs: { customErrorMessage: 'zz-secret-default-message', installProgressTimeoutInMinutes: 77 },
    leaves: [['customErrorMessage'], ['installProgressTimeoutInMinutes']],
    write: 'PATCH',
  },
  {
    name: 'AutomaticIntuneEnrollment',
    address: { type: 'entradevices:index:AutomaticIntuneEnrollment', name: 'enrollment', id: '0000000a-0000-0000-c000-000000000000' },
    // Graph lets only a person change it: a person's token, with the Cloud Device Administrator role.
    stack: { accessToken: personToken(['Policy.ReadWrite.MobilityManagement'], ['7698a772-787b-4ac8-901f-60d6b08affd2']) },
    inputs: { mdm: { appliesTo: 'selected', includedGroups: [A], termsOfUseUrl: 'https://contoso.example/zz-secret-terms' } },
    leaves: [['mdm', 'includedGroups', 0], ['mdm', 'termsOfUseUrl']],
    write: 'PATCH',
    reads: 2,
  },
  {
    name: 'DeviceRegistrationPolicy',
    address: { type: 'entradevices:index:DeviceRegistrationPolicy', name: 'policy', id: 'deviceRegistrationPolicy' },
    inputs: { userDeviceQuota: 37, azureADJoin: { allowedToJoin: { scope: 'selected', groups: [A] } } },
    leaves: [['userDeviceQuota'], ['azureADJoin', 'allowedToJoin', 'groups', 0]],
    write: 'PUT',
  },
];

function withSecret(inputs, path) {
  const copy = structuredClone(inputs);
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step];
  const last = path[path.length - 1];
  const text = node[last];
  node[last] = secret(text);
  return { inputs: copy, text };
}

// What a reader sees: a value the provider sent back wrapped as a secret is not shown by the engine.
function shown(value) {
  if (isSecret(value)) return '[wrapped]';
  if (Array.isArray(value)) return value.map(shown);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shown(v)]));
  return value;
}

// Whether a line shows the secret: a short one (a number, say) only where it stands as a word of its own, as the
// provider's redaction treats it, so that a request-id that happens to hold its digits is not taken for it.
function shows(line, text) {
  if (text.length >= 6) return line.includes(text);
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w@.-])${escaped}(?![\\w@.-])`).test(line);
}

function valueAt(properties, path) {
  let node = properties;
  for (const step of path) {
    if (isSecret(node)) return node;
    node = node?.[step];
  }
  return node;
}

describe('secret inputs stay secret everywhere the provider writes', { timeout: 240000 }, () => {
  let shared;
  before(async () => { shared = await startStack({ roles: [MANAGE, POLICY] }); });
  after(async () => shared?.stop());
  beforeEach(async () => { await shared.emulator.reset(); shared.engine.clearLogs(); });

  for (const resource of RESOURCES) {
    for (const path of resource.leaves) {
      it(`${resource.name}: ${path.join('.')} marked secret`, async () => {
        // A setting's tenant object outlives the emulator's reset: each such case gets a tenant of its own.
        const own = resource.write ? await startStack(resource.stack ?? { roles: [MANAGE, POLICY] }) : null;
        const s = own ?? shared;
        try {
          const r = s.provider.resource(resource.address);
          const { inputs, text } = withSecret(resource.inputs, path);
          const written = [];

          const checked = await r.check(inputs, {});
          assert.deepEqual(checked.failures, []);
          written.push(JSON.stringify(checked.failures));

          const preview = await r.create(checked.inputs, { preview: true });
          assert.ok(isSecret(valueAt(preview.properties, path)), `preview: ${JSON.stringify(preview.properties)}`);

          const created = await r.create(checked.inputs);
          assert.ok(isSecret(valueAt(created.properties, path)), `create: ${JSON.stringify(created.properties)}`);
          // A setting is put back as found, so the next creates have something to write.
          if (resource.write) await r.delete(created.properties, checked.inputs);
          await s.emulator.reset();

          // Graph refuses the create's write (an object's POST, a setting's PUT or PATCH).
          await s.emulator.fault({ method: resource.write ?? 'POST', status: 400, times: 1 });
          written.push(JSON.stringify(shown(await s.provider.failure(r.create(checked.inputs)))));
          await s.emulator.reset();

          if (resource.assignment) {
            await s.emulator.fault({ method: 'POST', pathContains: resource.assignment, status: 400, times: 1 });
            const partly = await s.provider.failure(r.create(checked.inputs));
            assert.ok(partly.initFailed, 'the object was made: it is recorded');
            // The group whose assignment was refused is not recorded at all; anything recorded at the path is secret.
            const recorded = valueAt(partly.initFailed.properties, path);
            assert.ok(recorded === undefined || isSecret(recorded), `recorded: ${JSON.stringify(shown(partly.initFailed.properties))}`);
            written.push(JSON.stringify(shown(partly)));
          } else {
            // A write that applied and whose answer was lost, with a re-read that cannot be understood: state unknown.
            await s.emulator.fault({ method: resource.write, applyThenDrop: true, times: 1 });
            await s.emulator.fault({ method: 'GET', skip: resource.reads ?? 1, applyThenBody: '{"id":"x"}', times: 1 });
            written.push(JSON.stringify(shown(await s.provider.failure(r.create(checked.inputs)))));
          }

          written.push(JSON.stringify(s.engine.logs));
          for (const line of written) {
            assert.ok(!shows(line, String(text)), `'${text}' shown in: ${line.slice(0, 2000)}`);
          }
        } finally {
          await own?.stop();
        }
      });
    }
  }
});
