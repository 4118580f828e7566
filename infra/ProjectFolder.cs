using EntraDevices.Provider.Resources.AutopilotDevices;
using Pulumi;

namespace Infra;

/// <summary>
/// The project folder (where <c>Pulumi.yaml</c> is): the program runs in <c>infra/</c>, and stack settings name files
/// relative to the project, so the engine (which hashes a FileAsset) and the provider (which reads it) get one full path.
/// </summary>
internal static class ProjectFolder
{
    public static string Find(string? start = null)
    {
        for (var folder = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "Pulumi.yaml")))
            {
                return folder.FullName;
            }
        }

        throw new RunException("No Pulumi.yaml was found in the program's folder or above it; run the program through `pulumi preview` or `pulumi up`.");
    }

    /// <summary>
    /// The OEM's CSV the stack names, or a folder of them, relative to the project folder or absolute, held to the rule
    /// the provider holds (<see cref="CsvPath"/>): a FileAsset of the file, or a FileArchive of the folder, by full path.
    /// </summary>
    public static AssetOrArchive Csv(string path, string key)
    {
        var full = Path.GetFullPath(path, Find());
        return CsvPath.Problem(path, _ => full, "the project folder", out _, out var folder) is { } problem
            ? throw new RunException($"{key} {problem}")
            : folder ? new FileArchive(full) : new FileAsset(full);
    }
}
