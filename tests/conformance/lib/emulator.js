'use strict';
// The Graph emulator (tests/GraphEmulator) as a child process, with its control endpoints.
const path = require('node:path');
const { REPO, spawnAnnouncing, stopChild } = require('./process');

const DLL = path.join(REPO, 'tests', 'GraphEmulator', 'bin', 'Debug', 'net10.0', 'GraphEmulator.dll');
const POLICY_PATH = '/v1.0/policies/deviceRegistrationPolicy';

/** With `certificateFile`, the emulator serves https and writes its certificate (PEM) there. */
async function startEmulator({ intune = false, certificateFile } = {}) {
  const args = [DLL, '--until-stdin-closes', ...(intune ? ['--intune'] : []), ...(certificateFile ? ['--https', certificateFile] : [])];
  const { child, firstLine, output } = await spawnAnnouncing('dotnet', args, { name: 'GraphEmulator' });
  const baseUrl = firstLine.trim();
  if (!/^https?:\/\/127\.0\.0\.1:\d+$/.test(baseUrl)) throw new Error(`GraphEmulator printed ${JSON.stringify(firstLine)}, not a base URL`);
  // Node does not trust the https emulator's certificate: it serves sign-in only, with no control endpoints used.
  if (certificateFile) return { baseUrl, output, stop: () => stopChild(child) };

  async function control(method, route, body) {
    const response = await fetch(`${baseUrl}/_emulator/${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10000),
    });
    if (!response.ok) throw new Error(`${method} /_emulator/${route} answered ${response.status}: ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  }

  const seed = await control('GET', 'tenant');
  return {
    baseUrl,
    output,
    /** Graph requests so far: [{method, path, body, status, retryAttempt, hadBearerToken}]. */
    requests: () => control('GET', 'requests'),
    /** The log as "METHOD path" strings, e.g. ["GET /v1.0/policies/deviceRegistrationPolicy"]. */
    calls: async () => (await control('GET', 'requests')).map((r) => `${r.method} ${r.path}`),
    clearRequests: () => control('DELETE', 'requests'),
    fault: (fault) => control('POST', 'faults', fault),
    tenant: () => control('GET', 'tenant'),
    putTenant: (state) => control('PUT', 'tenant', state),
    policy: async () => (await control('GET', 'tenant')).deviceRegistrationPolicy,
    /** Replaces the stored policy: `edit` gets a copy of it and returns (or mutates) the new one. */
    editPolicy: async (edit) => {
      const policy = structuredClone((await control('GET', 'tenant')).deviceRegistrationPolicy);
      return control('PUT', 'tenant', { deviceRegistrationPolicy: edit(policy) ?? policy });
    },
    /** Puts the tenant back as it started, and empties the request log. */
    reset: async () => {
      await control('PUT', 'tenant', seed);
      await control('DELETE', 'requests');
    },
    seed,
    stop: () => stopChild(child),
  };
}

module.exports = { startEmulator, POLICY_PATH };
