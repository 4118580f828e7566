namespace EntraDevices.Provider.Hosting;

/// <summary>
/// Where the Pulumi project and program live, as Handshake tells (the engine starts plugins with the program's
/// folder as working directory, which is the fallback). Relative paths in inputs resolve against the program.
/// </summary>
public sealed class ProjectDirectories
{
    public string? Root { get; private set; }

    public string Program { get; private set; } = Directory.GetCurrentDirectory();

    public void Use(string? root, string? program)
    {
        Root = string.IsNullOrWhiteSpace(root) ? Root : root;
        Program = string.IsNullOrWhiteSpace(program) ? Program : program;
    }

    /// <summary>An input's path, absolute as given or relative to the program's folder.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, Program);
}
