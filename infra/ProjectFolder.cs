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

    /// <summary>A file the stack names relative to the project folder, which must exist.</summary>
    public static string File(string relative, string key)
    {
        var full = Path.GetFullPath(relative, Find());
        return System.IO.File.Exists(full) ? full
            : throw new RunException($"{key} names {relative}, which does not exist in the project folder; add the OEM's CSV there, or correct the path.");
    }
}
