namespace EntraDevices.Provider.Tests;

/// <summary>The repository root: the nearest folder above the test binaries that holds Stack.sln.</summary>
internal static class Repository
{
    private static readonly Lazy<string> Found = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Stack.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Stack.sln.");
    });

    public static string Root => Found.Value;
}
