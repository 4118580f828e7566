#!/usr/bin/env bash
# Conformance tests: drives pulumi-resource-entradevices through the gRPC client published in
# @pulumi/pulumi against the Graph emulator. Works from a fresh clone: installs the pinned npm packages,
# builds the plugin exactly as building the program does (src/EntraDevices.Plugin: Native AOT where the machine
# can link it, else ReadyToRun; the first build takes minutes, later ones only hash the sources) and the emulator,
# then runs node's test runner (TAP: "# pass N" / "# fail N").
# CONFORMANCE_PLUGIN=artifacts/provider/pulumi-resource-entradevices runs the same tests against the plain build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  npm ci --prefix tests/conformance --no-audit --no-fund
fi

if [ -n "${CONFORMANCE_PLUGIN:-}" ]; then
  dotnet build src/EntraDevices.Provider -c Debug -nologo -v:q -clp:ErrorsOnly
else
  dotnet build src/EntraDevices.Plugin -nologo -v:q -clp:ErrorsOnly
  echo "plugin under test: $(head -n 1 artifacts/plugin/.built)"
fi
dotnet build tests/GraphEmulator -c Debug -nologo -v:q -clp:ErrorsOnly

# Every test bounds its own waits; this bounds the whole run so a hang can never block CI.
timeout --kill-after=15 600 npm test --prefix tests/conformance
