using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources.AutopilotDevices;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Resources;

/// <summary>
/// Where a set resource's CSV comes from, written once for every such resource: a <c>FileAsset</c> of one file, or a
/// <c>FileArchive</c> of a folder of them, held to <see cref="CsvPath"/>'s rule (relative paths are read from the folder
/// the program runs in, as the engine reads a FileAsset's). A <c>StringAsset</c> is refused (the engine would keep its
/// text in state), and so are remote assets and archives (Check and Diff must not reach the network) and archives of
/// assets or files.
/// </summary>
/// <param name="property">The input's name, for messages.</param>
/// <param name="accepted">What is accepted, in words with an example: "accepted: a FileAsset of the OEM's CSV (…)".</param>
/// <param name="textKept">What the engine would keep in state of a StringAsset's text: "hardware hashes included".</param>
internal sealed class CsvSource(ProjectDirectories directories, string property, string accepted, string textKept)
{
    /// <summary>
    /// Whether this Check is the one <c>pulumi import</c> makes of the inputs Read gave (old and new inputs the same): those
    /// never hold the CSV, which the tenant does not keep, so its absence is no failure there; the program supplies it.
    /// </summary>
    public static bool IsImportCheck(ResourceCheck check, string property) =>
        check.NewInputs.At(property) is null && check.OldInputs.Properties.Count > 0 && check.OldInputs.Equals(check.NewInputs);

    /// <summary>Whether a value is a source at all (an asset or an archive); its problems are <see cref="Locate"/>'s.</summary>
    public static bool IsSource(PropertyValue? value) => value?.Plain is AssetValue or ArchiveValue;

    /// <summary>The files to read (name as told, full path), or why the source cannot be read, in words that name the property and what is accepted.</summary>
    public string? Locate(PropertyValue source, out IReadOnlyList<(string Name, string Full)> files)
    {
        files = [];
        var (path, archive) = source.Plain switch
        {
            AssetValue { Uri: not null } or ArchiveValue { Uri: not null } => (null, false),
            AssetValue { Path: { } file } => (file, false),
            ArchiveValue { Path: { } named } => (named, true),
            _ => (null, source.Plain is ArchiveValue),
        };
        if (path is null)
        {
            return source.Plain switch
            {
                AssetValue { Uri: not null } or ArchiveValue { Uri: not null } => $"'{property}' is remote; {accepted}.",
                AssetValue { Text: not null } => $"'{property}' is a StringAsset, whose text ({textKept}) the engine keeps in the state; "
                    + $"{accepted}, of which the state keeps only the path and a hash.",
                ArchiveValue => $"'{property}' is an AssetArchive; {accepted}.",
                _ => $"'{property}' is an asset with neither a path nor text; {accepted}.",
            };
        }

        if (CsvPath.Problem(path, directories.Resolve, $"the folder the program runs in, {directories.Program}", out var found, out var folder) is { } problem)
        {
            return $"'{property}' {problem}";
        }

        if (folder != archive)
        {
            return folder
                ? $"'{property}' is a FileAsset of the folder {path}; accepted: a FileArchive of it (new FileArchive(\"{path}\")), whose .csv files are read."
                : $"'{property}' is a FileArchive of {path}, which is not a folder; {accepted}.";
        }

        files = [.. found.Select(full => (folder ? Path.GetFileName(full) : path, full))];
        return null;
    }
}
