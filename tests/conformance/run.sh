#!/usr/bin/env bash
# Conformance tests: drives pulumi-resource-entradevices through the gRPC client published in
# @pulumi/pulumi against the Graph emulator. Works from a fresh clone: installs the pinned npm packages,
# builds the provider and the emulator, then runs node's test runner (TAP: "# pass N" / "# fail N").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  npm ci --prefix tests/conformance --no-audit --no-fund
fi

dotnet build src/EntraDevices.Provider -c Debug -nologo -v:q -clp:ErrorsOnly
dotnet build tests/GraphEmulator -c Debug -nologo -v:q -clp:ErrorsOnly

# Every test bounds its own waits; this bounds the whole run so a hang can never block CI.
timeout --kill-after=15 600 npm test --prefix tests/conformance
