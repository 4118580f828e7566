namespace EntraDevices.Provider.Hosting;

/// <summary>
/// Where relative paths in inputs are read from: the folder the program runs in. The engine starts a provider in the
/// program's working directory (pulumi/pulumi sdk/go/common/resource/plugin/plugin.go sets the child's directory to
/// the plugin context's pwd: the project's folder, or its <c>main</c> folder when Pulumi.yaml names one), where the
/// language host runs the program too, so a FileAsset's relative path names one file for the program, the engine and
/// this provider. Handshake's root and program directories are not used: the engine sends the plugin's own folder in
/// both (provider_plugin.go), which would point into the plugin cache.
/// </summary>
public sealed class ProjectDirectories(string? program = null)
{
    public string Program { get; private set; } = program ?? Directory.GetCurrentDirectory();

    /// <summary>Reads relative paths from another folder, as if the engine had started the provider there (tests).</summary>
    public void StartIn(string folder) => Program = folder;

    /// <summary>An input's path, absolute as given or relative to the program's folder.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, Program);
}
