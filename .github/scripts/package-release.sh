#!/usr/bin/env bash
# Packages a release the way Pulumi finds it. release.yml calls it for every platform and for the SDK; test.sh runs it
# as a dry run (tests/workflows/check-release.mjs) on the plugin it built, so the layout is tested before any tag.
#
#   package-release.sh plugin <tag> <rid> <owner/repo> <out dir> [<binary>]
#       Publishes the plugin as Native AOT for <rid> with the tag's version and the repository's releases as its
#       pluginDownloadURL, holds the published graph to the lock files, and archives it as
#       pulumi-resource-entradevices-<tag>-<os>-<arch>.tar.gz with the binary at the archive's root: the name and layout
#       `pulumi plugin install resource entradevices <tag> --server github://api.github.com/<owner/repo>` downloads.
#       With <binary>, archives that file instead of publishing (the dry run).
#   package-release.sh sdk <tag> <owner/repo> <out dir>
#       Packs Pulumi.EntraDevices <version> with content/pulumi-plugin.json (name, version, server), where the .NET
#       language host looks for it in a referenced package to install the plugin a program needs.
#   package-release.sh checksums <tag> <dir>
#       Writes pulumi-resource-entradevices-<tag>-checksums.txt: the SHA-256 of every archive and package in <dir>.
# Prints the path of what it wrote, last.
set -euo pipefail
cd "$(dirname "$0")/../.."

fail() { echo "package-release.sh: $*" >&2; exit 2; }
tag_version() {
  [[ "$1" =~ ^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] || fail "the tag is '$1'; accepted: v<major>.<minor>.<patch>, e.g. v1.2.3"
  echo "${1#v}"
}
server() {
  [[ "$1" =~ ^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$ ]] || fail "the repository is '$1'; accepted: <owner>/<name>"
  echo "github://api.github.com/$1"
}

command="${1:-}"
shift || true
case "$command" in
  plugin)
    [ $# -ge 4 ] || fail "usage: package-release.sh plugin <tag> <rid> <owner/repo> <out dir> [<binary>]"
    tag="$1" rid="$2" repository="$3" out="$4" binary="${5:-}"
    version="$(tag_version "$tag")"
    download="$(server "$repository")"
    case "$rid" in
      linux-x64) platform=linux-amd64 exe="" ;;
      linux-arm64) platform=linux-arm64 exe="" ;;
      osx-x64) platform=darwin-amd64 exe="" ;;
      osx-arm64) platform=darwin-arm64 exe="" ;;
      win-x64) platform=windows-amd64 exe=".exe" ;;
      *) fail "the runtime is '$rid'; accepted: linux-x64, linux-arm64, osx-x64, osx-arm64, win-x64" ;;
    esac
    mkdir -p "$out"
    if [ -z "$binary" ]; then
      dotnet publish src/EntraDevices.Provider -c Release -r "$rid" -p:PublishAot=true -p:Version="$version" \
        -p:PluginDownloadUrl="$download" -o "$out/publish-$rid" >&2
      node .github/scripts/published-as-locked.mjs \
        src/EntraDevices.Provider/packages.lock.json src/EntraDevices.Provider/obj/project.assets.json \
        src/EntraDevices.Graph/packages.lock.json src/EntraDevices.Graph/obj/project.assets.json >&2
      binary="$out/publish-$rid/pulumi-resource-entradevices$exe"
    fi
    [ -f "$binary" ] || fail "no plugin binary at $binary"
    stage="$(mktemp -d)"
    trap 'rm -rf "$stage"' EXIT
    cp "$binary" "$stage/pulumi-resource-entradevices$exe"
    chmod 755 "$stage/pulumi-resource-entradevices$exe"
    archive="$out/pulumi-resource-entradevices-$tag-$platform.tar.gz"
    tar -czf "$archive" -C "$stage" "pulumi-resource-entradevices$exe"
    echo "$archive"
    ;;
  sdk)
    [ $# -eq 3 ] || fail "usage: package-release.sh sdk <tag> <owner/repo> <out dir>"
    tag="$1" repository="$2" out="$3"
    version="$(tag_version "$tag")"
    download="$(server "$repository")"
    dotnet pack sdk/dotnet -c Release -p:Version="$version" -p:PluginDownloadUrl="$download" -o "$out" >&2
    echo "$out/Pulumi.EntraDevices.$version.nupkg"
    ;;
  checksums)
    [ $# -eq 2 ] || fail "usage: package-release.sh checksums <tag> <dir>"
    tag="$1" dir="$2"
    tag_version "$tag" >/dev/null
    sums="pulumi-resource-entradevices-$tag-checksums.txt"
    shopt -s nullglob
    files=("$dir"/*.tar.gz "$dir"/*.nupkg)
    [ ${#files[@]} -gt 0 ] || fail "nothing to sum in $dir"
    (cd "$dir" && sha256sum -- "${files[@]##*/}" >"$sums")
    echo "$dir/$sums"
    ;;
  *)
    fail "usage: package-release.sh plugin|sdk|checksums …"
    ;;
esac
