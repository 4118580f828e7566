'use strict';
// Pulumi's property-value encoding inside google.protobuf.Struct (protocol notes §3): plain JSON values,
// secrets as signature objects, unknowns as typed sentinel strings.
const { Struct } = require('google-protobuf/google/protobuf/struct_pb.js');

const SIG = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

const UNKNOWN = Object.freeze({
  string: '04da6b54-80e4-46f7-96ec-b56ff0331ba9',
  bool: '1c4a061d-8072-4f0a-a4cb-0ff528b18fe7',
  number: '3eeb2bf0-c639-47a8-9e75-3b44932eb421',
  array: '6a19a0b0-7e62-4c92-b797-7f8e31da9cc2',
  asset: '030794c1-ac77-496b-92df-f27374a8bd58',
  archive: 'e48ece36-62e2-4504-bad9-02848725956a',
  object: 'dd056dcd-154b-4c76-9bd3-c8f88648b5ff',
});
const UNKNOWNS = new Set(Object.values(UNKNOWN));

const secret = (value) => ({ [SIG]: SECRET_SIG, value });
const isSecret = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && v[SIG] === SECRET_SIG;
const isUnknown = (v) => typeof v === 'string' && UNKNOWNS.has(v);

/** A JS object (secrets and unknowns already encoded) as a protobuf Struct. */
const toStruct = (obj) => Struct.fromJavaScript(obj ?? {});

/** A protobuf Struct (or undefined) as a plain JS object; secret wrappers and sentinels are kept as they are. */
const fromStruct = (struct) => (struct ? struct.toJavaScript() : undefined);

/** The value without any secret wrappers, recursively. */
function reveal(value) {
  if (isSecret(value)) return reveal(value.value);
  if (Array.isArray(value)) return value.map(reveal);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)]));
  }
  return value;
}

/** The raw value at a dotted path (looking through secret wrappers on the way), or undefined. */
function at(obj, path) {
  let current = obj;
  for (const step of path.split('.')) {
    if (isSecret(current)) current = current.value;
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !(step in current)) return undefined;
    current = current[step];
  }
  return current;
}

/** Every leaf path (objects walked, arrays and special values are leaves). */
function leaves(obj, prefix = '') {
  const out = [];
  for (const [key, value] of Object.entries(obj ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(SIG in value)) {
      out.push(...leaves(value, path));
    } else {
      out.push(path);
    }
  }
  return out;
}

module.exports = { SIG, SECRET_SIG, UNKNOWN, secret, isSecret, isUnknown, toStruct, fromStruct, reveal, at, leaves };
