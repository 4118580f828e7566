namespace Infra.Tests;

/// <summary>The repository root: the nearest folder above the test binaries that holds Stack.sln.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFileName = "Stack.sln";

    private static readonly Lazy<string> Root = new(Find);

    public static string FullPath => Root.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds {SolutionFileName}.");
    }
}
