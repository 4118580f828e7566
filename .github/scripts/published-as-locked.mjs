// A publish for one runtime (Native AOT, ReadyToRun) restores a graph of its own: NuGet cannot restore it in locked
// mode, since it adds the SDK's own packs (ILCompiler, ILLink), versioned by the SDK, to the package references.
// This check holds that graph to the committed lock files instead: every package a lock file pins must be resolved
// at the pinned version, and whatever else the publish added is listed.
//
//   node .github/scripts/published-as-locked.mjs <packages.lock.json> <project.assets.json> [<lock> <assets>]...
//
// Exits 1, naming each package and both versions, when a version differs; used by test.sh (the plugin it builds)
// and by the release workflow (the binaries it ships). It also fails on a lock entry that the publish matches today but
// could miss on another day: a transitive package the lock holds at a version none of its dependents asks for (NuGet
// took a later one because the asked one was not served, NU1603). An unlocked restore takes the asked version once the
// source serves it; a PackageVersion pin in Directory.Packages.props (transitive pinning) holds it instead.
// Every failure is one line starting with "FAIL ", which test.sh shows under the suite's summary.
import { readFileSync } from 'node:fs';

const pairs = process.argv.slice(2);
if (pairs.length === 0 || pairs.length % 2 !== 0) {
  console.error('usage: published-as-locked.mjs <packages.lock.json> <project.assets.json> [<lock> <assets>]...');
  process.exit(2);
}

let differences = 0;
for (let i = 0; i < pairs.length; i += 2) {
  const [lockFile, assetsFile] = [pairs[i], pairs[i + 1]];
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  const assets = JSON.parse(readFileSync(assetsFile, 'utf8'));
  const locked = new Map();
  for (const [framework, packages] of Object.entries(lock.dependencies)) {
    if (framework.includes('/')) continue; // a runtime-specific section: none is committed
    const asked = new Map();
    for (const entry of Object.values(packages)) {
      for (const [dependency, range] of Object.entries(entry.dependencies ?? {})) {
        const minimum = range.replace(/[[\]() ]/g, '').split(',')[0];
        const key = dependency.toLowerCase();
        asked.set(key, [...(asked.get(key) ?? []), minimum]);
      }
    }
    for (const [name, entry] of Object.entries(packages)) {
      if (entry.resolved) locked.set(name.toLowerCase(), { name, version: entry.resolved });
      const minimums = asked.get(name.toLowerCase()) ?? [];
      if (entry.type === 'Transitive' && !minimums.includes(entry.resolved)) {
        differences++;
        console.error(`FAIL ${lockFile}: ${name} ${entry.resolved} is asked for by no dependent (they ask ${minimums.join(', ') || 'nothing'}): `
          + `an unlocked restore will take another version once the source serves it; pin it in Directory.Packages.props`);
      }
    }
  }
  const published = new Map(Object.entries(assets.libraries)
    .filter(([, library]) => library.type === 'package')
    .map(([key]) => key.split('/'))
    .map(([name, version]) => [name.toLowerCase(), { name, version }]));

  const added = [];
  for (const [key, { name, version }] of published) {
    const pinned = locked.get(key);
    if (!pinned) {
      added.push(`${name} ${version}`);
    } else if (pinned.version !== version) {
      differences++;
      console.error(`FAIL ${assetsFile}: ${name} ${version}, but ${lockFile} pins ${pinned.version}`);
    }
  }
  const missing = [...locked.values()].filter(({ name }) => !published.has(name.toLowerCase()));
  console.log(`${assetsFile}: ${published.size - added.length} packages as ${lockFile} pins them`
    + `${missing.length ? `, ${missing.length} of its packages not in the publish (${missing.map((p) => p.name).join(', ')})` : ''}`
    + `; added by the publish: ${added.length ? added.join(', ') : 'none'}`);
}
process.exit(differences === 0 ? 0 : 1);
