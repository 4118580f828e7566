#!/usr/bin/env bash
# Runs every test of the repository from a fresh clone: build (warnings are errors), format check,
# .NET tests, the provider's conformance tests through @pulumi/pulumi's gRPC client, the workflow checks,
# and (as part of the solution) a build of the benchmarks, which are never run here. It installs what it needs (npm packages) itself.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# infra/ needs the Pulumi NuGet packages. Where the package source does not serve them, say so in one
# line and test everything else; any other restore failure is a real failure.
solution=Stack.sln
if ! dotnet restore Stack.sln >"$scratch/restore.log" 2>&1; then
  if grep -q "NU1101" "$scratch/restore.log" \
    && ! grep "error" "$scratch/restore.log" | grep -v "NU1101" | grep -q . \
    && grep "NU1101" "$scratch/restore.log" | grep -q -E "Unable to find package '?Pulumi"; then
    echo "infra: skipped infra/ and tests/Infra.Tests: this machine's NuGet source does not serve the Pulumi packages ($(grep -o -E "Unable to find package '?Pulumi[A-Za-z.]*'?" "$scratch/restore.log" | sort -u | tr '\n' ' ' | sed 's/ $//'))."
    solution=Core.slnf
    dotnet restore "$solution" >"$scratch/restore.log" 2>&1 || { cat "$scratch/restore.log"; exit 1; }
  else
    cat "$scratch/restore.log"
    exit 1
  fi
fi

dotnet build "$solution" --no-restore -warnaserror -nologo -clp:ErrorsOnly
dotnet format "$solution" --verify-no-changes --no-restore

status=0
dotnet test "$solution" --no-build -nologo 2>&1 | tee "$scratch/dotnet-test.log" || status=1

bash tests/conformance/run.sh 2>&1 | tee "$scratch/conformance.log" || status=1
bash tests/workflows/check.sh || status=1

passed=$(grep -h -o -E "Passed: +[0-9]+" "$scratch/dotnet-test.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -h -o -E "Failed: +[0-9]+" "$scratch/dotnet-test.log" | awk '{s+=$2} END {print s+0}')
node_passed=$(grep -h -o -E "^# pass [0-9]+" "$scratch/conformance.log" | awk '{s+=$3} END {print s+0}')
node_failed=$(grep -h -o -E "^# fail [0-9]+" "$scratch/conformance.log" | awk '{s+=$3} END {print s+0}')
echo "tests: $((passed + node_passed)) passed, $((failed + node_failed)) failed"
exit $status
