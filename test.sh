#!/usr/bin/env bash
# Runs every test of the repository from a fresh clone: build (warnings are errors), format check,
# .NET tests, the provider's conformance tests through @pulumi/pulumi's gRPC client (against the plugin that
# building the program leaves at Pulumi.yaml's path: its first build takes minutes), the workflow checks,
# and (as part of the solution) a build of the benchmarks, which are never run here. It installs what it
# needs (npm packages, and Node.js 22 through npm where the machine has an older one) itself.
# Prints one line per suite and the total; each suite's full output is kept in artifacts/test-logs/.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

logs=artifacts/test-logs
rm -rf "$logs"
mkdir -p "$logs"
status=0
passed=0
failed=0

# A step that must succeed for anything after it to mean something: on failure, show where and stop.
must() {
  local name="$1" log="$logs/$1.log"
  shift
  if "$@" >"$log" 2>&1; then
    echo "$name: ok"
  else
    echo "$name: FAILED ($log); its last lines:"
    tail -n 40 "$log" | sed 's/^/  /'
    echo "tests: $passed passed, $((failed + 1)) failed"
    exit 1
  fi
}

# Adds a suite's counts to the total and prints its line; a suite that exits non-zero without counting a failure
# still counts as one failure.
count() {
  local name="$1" log="$2" exit_code="$3" p="$4" f="$5"
  if [ "$exit_code" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$f" -gt 0 ]; then
    status=1
    echo "$name: $p passed, $f failed ($log)"
    grep -E "^\s+Failed |^not ok|^\s+not ok|^FAIL |error" "$log" | head -n 20 | sed 's/^/  /'
  else
    echo "$name: $p passed, $f failed"
  fi
}

node_major() { node -e 'process.stdout.write(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 22 ]; then
  # @pulumi/pulumi asks for Node.js >= 22; npm serves Node.js itself as a package (installed once, then reused).
  export PATH="$PWD/artifacts/node/node_modules/.bin:$PATH"
  if [ "$(node_major)" -lt 22 ]; then
    must node-install npm install --prefix artifacts/node --no-audit --no-fund --loglevel=error node@22.23.3
  fi
fi
echo "node: $(node --version)"

# infra/ and sdk/dotnet need the Pulumi NuGet packages. Where the package source does not serve them, say so in one
# line and test everything else; any other restore failure is a real failure.
# Locked mode: every project with a packages.lock.json restores exactly what it pins, or the restore fails (NU1004) and
# says which lock file is out of date (README, "Package versions").
solution=Stack.sln
if ! dotnet restore Stack.sln --locked-mode >"$logs/restore.log" 2>&1; then
  if grep -q "NU1101" "$logs/restore.log" \
    && ! grep "error" "$logs/restore.log" | grep -v "NU1101" | grep -q . \
    && grep "NU1101" "$logs/restore.log" | grep -q -E "Unable to find package '?Pulumi"; then
    echo "infra: skipped infra/, sdk/dotnet and tests/Infra.Tests: this machine's NuGet source does not serve the Pulumi packages ($(grep -o -E "Unable to find package '?Pulumi([A-Za-z.]*[A-Za-z])?" "$logs/restore.log" | sed -E "s/Unable to find package '?//" | sort -u | paste -sd ',' - | sed 's/,/, /g'); see $logs/restore.log)."
    solution=Core.slnf
    # The release dry run (tests/workflows/check-release.mjs) cannot pack the SDK package either: it says so.
    export PULUMI_PACKAGES_SERVED=false
    must restore-without-infra dotnet restore "$solution" --locked-mode
  else
    echo "restore: FAILED ($logs/restore.log)"
    tail -n 40 "$logs/restore.log" | sed 's/^/  /'
    echo "tests: 0 passed, 1 failed"
    exit 1
  fi
fi

must build dotnet build "$solution" --no-restore -warnaserror -nologo -clp:ErrorsOnly
must format dotnet format "$solution" --verify-no-changes --no-restore

# What the tests may not touch: the tracked files, and anything outside artifacts/ and the build's bin/, obj/ and
# node_modules/ folders (ignored or not), nor the sign-in folders of the home of whoever runs them.
tree_before="$logs/tree-before.txt"
git status --porcelain --untracked-files=all >"$tree_before"
touch "$logs/tests-started"
tree_written() {
  find . \( -path ./.git -o -path ./artifacts -o -name bin -o -name obj -o -name node_modules \) -prune -o \
    -type f -newer "$logs/tests-started" -print
  local data="${XDG_DATA_HOME:-$HOME/.local/share}"
  find "$data/.IdentityService" "$data/entradevices" -type f -newer "$logs/tests-started" 2>/dev/null
  git status --porcelain --untracked-files=all | diff "$tree_before" - | grep '^>' | sed 's/^> /changed in git status: /'
}

dotnet test "$solution" --no-build -nologo >"$logs/dotnet-test.log" 2>&1
dotnet_exit=$?
while read -r line; do
  suite=$(sed -E 's/.* - ([A-Za-z.]+)\.dll.*/\1/' <<<"$line")
  p=$(grep -o -E "Passed: +[0-9]+" <<<"$line" | awk '{print $2}')
  f=$(grep -o -E "Failed: +[0-9]+" <<<"$line" | awk '{print $2}')
  count "$suite" "$logs/dotnet-test.log" 0 "${p:-0}" "${f:-0}"
done < <(grep -E "^(Passed|Failed)! " "$logs/dotnet-test.log")
if [ "$dotnet_exit" -ne 0 ] && ! grep -q -E "^Failed! " "$logs/dotnet-test.log"; then
  count "dotnet test" "$logs/dotnet-test.log" "$dotnet_exit" 0 0
fi

bash tests/conformance/run.sh >"$logs/conformance.log" 2>&1
conformance_exit=$?
count conformance "$logs/conformance.log" "$conformance_exit" \
  "$(grep -h -o -E "^# pass [0-9]+" "$logs/conformance.log" | awk '{s+=$3} END {print s+0}')" \
  "$(grep -h -o -E "^# fail [0-9]+" "$logs/conformance.log" | awk '{s+=$3} END {print s+0}')"
# The conformance tests drive the plugin `pulumi up` launches; say which flavour this machine built (and why).
grep -m1 "^plugin under test: " "$logs/conformance.log" || true

# That plugin's publish restored a graph of its own (the SDK's ILCompiler/ILLink packs added), which locked mode
# cannot restore: hold it to the committed lock files instead.
flavour=$(sed -n '1s/:.*//p' artifacts/plugin/.built 2>/dev/null)
plugin_obj=artifacts/plugin-build/$flavour/obj
node .github/scripts/published-as-locked.mjs \
  src/EntraDevices.Provider/packages.lock.json "$plugin_obj/EntraDevices.Provider/project.assets.json" \
  src/EntraDevices.Graph/packages.lock.json "$plugin_obj/EntraDevices.Graph/project.assets.json" >"$logs/published-as-locked.log" 2>&1
locked_exit=$?
# One check: passed when the script exits 0; count() turns a non-zero exit into the failure.
count "plugin graph as locked" "$logs/published-as-locked.log" "$locked_exit" "$((locked_exit == 0 ? 1 : 0))" 0

bash tests/workflows/check.sh >"$logs/workflows.log" 2>&1
workflows_exit=$?
# Every check prints PASS or FAIL on a line of its own (the per-kind subtotals leave some out).
count "workflow checks" "$logs/workflows.log" "$workflows_exit" \
  "$(grep -c -E "^PASS " "$logs/workflows.log")" \
  "$(grep -c -E "^FAIL " "$logs/workflows.log")"

# A test leaves nothing behind in the working tree (a token cache was once committed from one).
tree_written >"$logs/tree.log" 2>&1
sed -i 's/^/FAIL written by the tests: /' "$logs/tree.log"
count "working tree untouched by tests" "$logs/tree.log" 0 "$([ -s "$logs/tree.log" ] && echo 0 || echo 1)" "$([ -s "$logs/tree.log" ] && echo 1 || echo 0)"

echo "full logs: $logs/"
echo "tests: $passed passed, $failed failed"
exit $status
