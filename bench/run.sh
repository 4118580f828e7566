#!/usr/bin/env bash
# Benchmarks of pulumi-resource-entradevices (issues #6 and #16). Prints one markdown table on stdout; progress goes to
# stderr and build logs to artifacts/bench/logs/. Works from a fresh clone; see bench/README.md.
#
#   bash bench/run.sh
#
#   BENCH_RUNS=20   spawn -> port launches per candidate (interleaved; at least 20 for the published figures)
#
# What it builds: the plugin exactly as building the program does (src/EntraDevices.Plugin: artifacts/plugin/,
# Native AOT where a C toolchain links it, else ReadyToRun; the default path, #17), the plain Debug build
# (artifacts/provider/), a self-contained, trimmed, composite ReadyToRun publish (artifacts/provider-publish/), an
# empty provider on Pulumi's .NET provider SDK (bench/EmptyPulumiProvider, where the Pulumi package restores), the
# Graph emulator, and a Release build of bench/EntraDevices.Benchmarks. The publishes and the Release builds keep
# their intermediate and output folders under artifacts/bench/ (--artifacts-path, OutDir), so they never touch the
# obj/ folders or artifacts/provider/ that other builds of this tree use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

runs="${BENCH_RUNS:-20}"
provider=pulumi-resource-entradevices
out="$repo/artifacts/bench"
results="$out/results"
mkdir -p "$out/logs"
rm -rf "$results"
mkdir -p "$results"
started=$(date +%s)

say() { printf 'bench: %s\n' "$*" >&2; }
# quiet NAME COMMAND...: runs COMMAND with its output in artifacts/bench/logs/NAME.log, shown only on failure.
quiet() {
  local name=$1
  shift
  if ! "$@" >"$out/logs/$name.log" 2>&1; then
    tail -n 40 "$out/logs/$name.log" >&2
    say "$name failed; full log: artifacts/bench/logs/$name.log"
    return 1
  fi
}

# --- npm packages: @pulumi/pulumi (the Node.js host and the gRPC stubs), pinned by bench/package-lock.json --
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  say "npm ci --prefix bench"
  quiet npm npm ci --prefix bench --no-audit --no-fund
fi
pulumi_version=$(node -p "require('./bench/node_modules/@pulumi/pulumi/package.json').version")

# --- builds -------------------------------------------------------------------------------------------------
say "building the provider (Debug, artifacts/provider/) and the Graph emulator"
quiet build-provider dotnet build src/EntraDevices.Provider -nologo -v:q -clp:ErrorsOnly
quiet build-emulator dotnet build tests/GraphEmulator -nologo -v:q -clp:ErrorsOnly

# ReadyToRun alone (framework-dependent) starts barely faster than the plain build: the time goes into JIT of
# generics that span the framework's assemblies. Self-contained, trimmed and compiled as one composite image
# with the framework, it does start faster and maps far less (bench/README.md).
say "publishing self-contained, trimmed, composite ReadyToRun (artifacts/provider-publish/)"
rm -rf artifacts/provider-publish
quiet publish-r2r dotnet publish src/EntraDevices.Provider -c Release -r linux-x64 --self-contained true \
  -p:PublishTrimmed=true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
  -p:TrimmerSingleWarn=false -p:ILLinkTreatWarningsAsErrors=false \
  --artifacts-path "$out/r2r" -p:OutDir="$out/r2r/out/" -o artifacts/provider-publish -nologo

# The default path (#17): what building the program leaves at Pulumi.yaml's path, built exactly as building infra/
# builds it (src/EntraDevices.Plugin picks Native AOT where a C toolchain links it, else ReadyToRun, and says why).
say "building the plugin as building the program does (artifacts/plugin/)"
quiet build-plugin dotnet build src/EntraDevices.Plugin -nologo -v:m
default_flavour=$(head -n 1 artifacts/plugin/.built)
say "default plugin: $default_flavour"
if [ "${default_flavour%%:*}" = aot ]; then
  # The native compile (and its warnings) only reruns when something changed; keep the list of the last one.
  native_object=artifacts/plugin-build/aot/obj/EntraDevices.Provider/release_linux-x64/native/$provider.o
  if [ -f "$native_object" ] && [ "$(stat -c %Y "$native_object")" -ge "$started" ]; then
    grep -oE 'warning IL[0-9]{4}: [^ (]+' "$out/logs/build-plugin.log" | sort -u >"$out/aot-warnings.txt" || true
  fi
fi

# The yardstick of #17: an empty provider on Pulumi's own .NET provider SDK. It needs the Pulumi package.
empty_skipped=""
say "building bench/EmptyPulumiProvider (Release; needs the Pulumi package)"
if ! quiet build-empty dotnet build bench/EmptyPulumiProvider -c Release --artifacts-path "$out/empty" -p:OutDir="$out/empty/out/" -nologo -v:q -clp:ErrorsOnly; then
  empty_skipped="it does not build here: $(grep -m1 -oE 'error [A-Z]+[0-9]+: .{0,160}' "$out/logs/build-empty.log" || echo 'see artifacts/bench/logs/build-empty.log')"
  say "empty Pulumi .NET provider row skipped: $empty_skipped"
fi

say "building bench/EntraDevices.Benchmarks (Release)"
quiet build-benchmarks dotnet build bench/EntraDevices.Benchmarks -c Release --artifacts-path "$out/bdn" \
  -p:OutDir="$out/bdn/out/" -nologo -v:q -clp:ErrorsOnly

# --- which providers are measured ---------------------------------------------------------------------------
node -e '
  const [file, defaultFlavour, emptySkipped, emptyPath, provider] = process.argv.slice(1);
  const flavour = defaultFlavour.split(":")[0];
  const variants = {
    build: { label: "plain Debug build (artifacts/provider, what the tests and Pulumi.yaml used before #17)", short: "build", path: `artifacts/provider/${provider}` },
    r2r: { label: "self-contained trimmed composite ReadyToRun publish (artifacts/provider-publish)", short: "R2R", path: `artifacts/provider-publish/${provider}` },
    default: { label: `default: what building the program leaves at Pulumi.yaml'"'"'s path (artifacts/plugin), ${defaultFlavour}`, short: `default (${flavour})`, native: flavour === "aot", isDefault: true, path: `artifacts/plugin/${provider}` },
  };
  const empty = emptySkipped ? { skipped: emptySkipped } : { path: emptyPath };
  require("fs").writeFileSync(file, JSON.stringify(variants, null, 2));
  require("fs").writeFileSync(file.replace("variants.json", "empty.json"), JSON.stringify(empty, null, 2));
' "$results/variants.json" "$default_flavour" "$empty_skipped" "$out/empty/out/pulumi-resource-empty" "$provider"

# --- spawn -> port, interleaved, launched from the repository root as `pulumi up` launches plugins ---------
candidates=$(node -e '
  const variants = require(process.argv[1]);
  const empty = require(process.argv[1].replace("variants.json", "empty.json"));
  const list = [{ label: "node", command: process.execPath, args: ["bench/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js"] }];
  if (!empty.skipped) list.push({ label: "empty", command: empty.path });
  for (const [name, v] of Object.entries(variants)) if (!v.skipped) list.push({ label: name, command: v.path });
  // What-ifs: the same binaries with ASP.NET Core'"'"'s reload-on-change watcher of the content root turned off.
  const off = { DOTNET_hostBuilder__reloadConfigOnChange: "false" };
  for (const name of ["build", "default"]) if (variants[name] && !variants[name].skipped) list.push({ label: `${name}-nowatch`, command: variants[name].path, env: off });
  console.log(JSON.stringify(list));
' "$results/variants.json")
say "spawn -> port: $runs interleaved launches per candidate"
node bench/spawn-timing.mjs --runs "$runs" --engine 127.0.0.1:1 --candidates "$candidates" >"$results/spawn.json"

# --- Graph requests, RSS and cold calls: the real process over gRPC, against the emulator -------------------
emulator=tests/GraphEmulator/bin/Debug/net10.0/GraphEmulator.dll
for variant in build r2r default; do
  path=$(node -p "require('$results/variants.json')['$variant'].path ?? ''")
  [ -n "$path" ] || continue
  say "operations over gRPC: $variant"
  node bench/provider-ops.mjs --provider "$path" --emulator "$emulator" >"$results/ops-$variant.json" 2>"$out/logs/ops-$variant.log" \
    || { cat "$out/logs/ops-$variant.log" >&2; say "provider-ops failed for $variant"; exit 1; }
done

# --- Memory under load: 200 update cycles in one process (issue #24, 14) ---------------------------------------
for variant in build default; do
  path=$(node -p "require('$results/variants.json')['$variant'].path ?? ''")
  [ -n "$path" ] || continue
  say "update cycles over gRPC: $variant"
  node bench/update-cycles.mjs --provider "$path" --emulator "$emulator" --cycles 200 --every 25 >"$results/cycles-$variant.json" 2>"$out/logs/cycles-$variant.log" \
    || { cat "$out/logs/cycles-$variant.log" >&2; say "update-cycles failed for $variant"; exit 1; }
done

# --- AutopilotDevices at scale: the real process over gRPC, against the emulator (10,000 devices per build) ---
for variant in build r2r default; do
  path=$(node -p "require('$results/variants.json')['$variant'].path ?? ''")
  [ -n "$path" ] || continue
  sizes=10000
  [ "$variant" = build ] && sizes=500,1000,10000
  say "AutopilotDevices over gRPC: $variant ($sizes devices)"
  node bench/device-ops.mjs --provider "$path" --emulator "$emulator" --sizes "$sizes" >"$results/devices-$variant.json" 2>"$out/logs/devices-$variant.log" \
    || { cat "$out/logs/devices-$variant.log" >&2; say "device-ops failed for $variant"; exit 1; }
done

# --- the no-op build of the program that every pulumi preview pays first (#17) -----------------------------
say "no-op dotnet build of infra/ (5 runs)"
node bench/noop-build.mjs --runs 5 >"$results/noop-build.json" 2>"$out/logs/noop-build.log" \
  || { cat "$out/logs/noop-build.log" >&2; say "noop-build failed"; exit 1; }

# --- in-process latency (BenchmarkDotNet, short in-process job) --------------------------------------------
say "BenchmarkDotNet: Check, Diff, Update (in-process, short job)"
quiet benchmarks dotnet "$out/bdn/out/EntraDevices.Benchmarks.dll" --artifacts "$out/BenchmarkDotNet.Artifacts" \
  --summary-file "$results/bdn-summary.tsv"

# --- the table --------------------------------------------------------------------------------------------
dotnet_version=$(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}')
node -e '
  const [file, caption, pulumiVersion] = process.argv.slice(1);
  require("fs").writeFileSync(file, JSON.stringify({ caption, pulumiVersion }));
' "$results/meta.json" \
  "bench/run.sh, $(date -u +%Y-%m-%d), $(nproc) cores, Node $(node --version), .NET $dotnet_version; providers launched from the repository root, as \`pulumi up\` launches plugins here ($(find . -type d | wc -l) directories beneath it, $(find . -type d -path '*/node_modules/*' | wc -l) of them in node_modules)" \
  "$pulumi_version"
node bench/report.mjs "$results" | tee "$results/table.md"
say "done in $(($(date +%s) - started)) s; results in artifacts/bench/results/"
