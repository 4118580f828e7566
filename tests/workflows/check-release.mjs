// The release's packaging (.github/scripts/package-release.sh, which release.yml calls) run as a dry run: the plugin
// test.sh built is archived as a release archive, summed, and (where the Pulumi packages restore) the SDK package is
// packed, and each is checked against what `pulumi plugin install` and the .NET language host look for.
// Prints PASS/FAIL lines (SKIP where this machine cannot pack the SDK) and "release: N passed, M failed".
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const script = path.join('.github', 'scripts', 'package-release.sh');
const plugin = path.join('artifacts', 'plugin', process.platform === 'win32' ? 'pulumi-resource-entradevices.exe' : 'pulumi-resource-entradevices');
const out = mkdtempSync(path.join(tmpdir(), 'entradevices-release-'));
const tag = 'v0.1.0';
const repository = 'contoso/entradevices';
let passed = 0;
let failed = 0;
const check = (name, ok, detail) => {
  console.log(`${ok ? 'PASS' : 'FAIL'} release: ${name}${ok ? '' : ` (${detail})`}`);
  if (ok) passed++;
  else failed++;
};
const run = (command, ...args) => spawnSync(command, args, { encoding: 'utf8' });
const hostRid = `${process.platform === 'darwin' ? 'osx' : process.platform === 'win32' ? 'win' : 'linux'}-${process.arch === 'x64' ? 'x64' : 'arm64'}`;
const platform = { 'linux-x64': 'linux-amd64', 'linux-arm64': 'linux-arm64', 'osx-x64': 'darwin-amd64', 'osx-arm64': 'darwin-arm64', 'win-x64': 'windows-amd64' }[hostRid];

try {
  if (!existsSync(plugin)) {
    check('the plugin archive', false, `no plugin at ${plugin}: build it first (dotnet build src/EntraDevices.Plugin)`);
  } else {
    const packed = run('bash', script, 'plugin', tag, hostRid, repository, out, plugin);
    const archive = path.join(out, `pulumi-resource-entradevices-${tag}-${platform}.tar.gz`);
    check(`the plugin archive is named as pulumi plugin install downloads it (pulumi-resource-entradevices-${tag}-${platform}.tar.gz)`,
      packed.status === 0 && packed.stdout.trim().endsWith(archive) && existsSync(archive), packed.stdout + packed.stderr);
    const listing = run('tar', '-tzvf', archive);
    const entries = listing.stdout.trim().split('\n').filter(Boolean);
    check('the archive holds the executable binary alone, at its root',
      entries.length === 1 && /^-rwxr-xr-x /.test(entries[0]) && entries[0].endsWith(' pulumi-resource-entradevices'), listing.stdout + listing.stderr);
    const extracted = spawnSync('tar', ['-xzOf', archive, 'pulumi-resource-entradevices'], { maxBuffer: 1 << 30 });
    check('the archived binary is the plugin byte for byte',
      extracted.status === 0 && sha256(extracted.stdout) === sha256(readFileSync(plugin)), String(extracted.stderr));

    const sums = run('bash', script, 'checksums', tag, out);
    const sumsFile = path.join(out, `pulumi-resource-entradevices-${tag}-checksums.txt`);
    const expected = `${sha256(readFileSync(archive))}  pulumi-resource-entradevices-${tag}-${platform}.tar.gz`;
    check('the checksum file sums the archive as sha256sum -c reads it',
      sums.status === 0 && existsSync(sumsFile) && readFileSync(sumsFile, 'utf8').split('\n').includes(expected), sums.stdout + sums.stderr);
  }

  for (const [name, args] of [['a tag that is not v<major>.<minor>.<patch>', ['plugin', '1.0', hostRid, repository, out, plugin]],
    ['a tag with a leading zero (NuGet would name the package without it)', ['sdk', 'v01.2.3', repository, out]],
    ['a runtime the release does not build', ['plugin', tag, 'freebsd-x64', repository, out, plugin]],
    ['a repository that is not owner/name', ['sdk', tag, 'https://github.com/contoso/entradevices', out]]]) {
    const refused = run('bash', script, ...args);
    check(`${name} is refused, saying what is accepted`, refused.status === 2 && /accepted:/.test(refused.stderr), refused.stdout + refused.stderr);
  }

  const sdk = process.env.PULUMI_PACKAGES_SERVED === 'false' ? null : run('bash', script, 'sdk', tag, repository, out);
  if (sdk === null || (sdk.status !== 0 && /NU1101.*Unable to find package '?Pulumi/.test(sdk.stdout + sdk.stderr))) {
    console.log('SKIP release: the SDK package (the Pulumi packages do not restore from this machine\'s NuGet source)');
  } else {
    const nupkg = path.join(out, 'Pulumi.EntraDevices.0.1.0.nupkg');
    const json = run('unzip', '-p', nupkg, 'content/pulumi-plugin.json');
    let manifest = null;
    try {
      manifest = JSON.parse(json.stdout);
    } catch {
      manifest = null;
    }
    check('the SDK package carries content/pulumi-plugin.json naming the plugin, its version and the release server',
      sdk.status === 0 && manifest?.resource === true && manifest?.name === 'entradevices' && manifest?.version === '0.1.0'
        && manifest?.server === `github://api.github.com/${repository}`, `${sdk.stderr.slice(-2000)} ${json.stdout}${json.stderr}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

console.log(`release: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
