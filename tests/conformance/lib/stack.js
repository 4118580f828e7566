'use strict';
// One fake engine, one Graph emulator and one configured provider process, stopped together.
const { startEngine } = require('./engine');
const { startEmulator } = require('./emulator');
const { startProvider, token } = require('./launch');

const WRITE_ROLE = 'Policy.ReadWrite.DeviceConfiguration';
const READ_ROLE = 'Policy.Read.DeviceConfiguration';

/** `accessToken` (e.g. a person's, from personToken) replaces the app-only token made from `roles`. */
async function startStack({ roles = [WRITE_ROLE], accessToken, intune = false, configure = true, config = {}, cwd } = {}) {
  const stack = { accessToken: accessToken ?? token(roles) };
  try {
    stack.engine = await startEngine();
    stack.emulator = await startEmulator({ intune });
    stack.provider = await startProvider({ engineAddress: stack.engine.address, cwd });
    if (configure) {
      stack.configured = await stack.provider.configure({ graphEndpoint: stack.emulator.baseUrl, accessToken: stack.accessToken, ...config });
    }
  } catch (error) {
    await stopStack(stack);
    throw error;
  }
  stack.stop = () => stopStack(stack);
  return stack;
}

async function stopStack(stack) {
  await Promise.allSettled([stack.provider?.stop(), stack.emulator?.stop(), stack.engine?.stop()]);
}

/** Runs `body` with its own stack (so injected faults and Cancel cannot leak into another case), then stops it. */
async function withStack(options, body) {
  const s = await startStack(options);
  try {
    return await body(s);
  } finally {
    await s.stop();
  }
}

module.exports = { startStack, withStack, WRITE_ROLE, READ_ROLE };
