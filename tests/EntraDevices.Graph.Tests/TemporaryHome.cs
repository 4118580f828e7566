using System.Runtime.CompilerServices;

namespace EntraDevices.Graph.Tests;

/// <summary>
/// Every test of this assembly runs with a home of its own: a person's sign-in keeps Azure.Identity's token cache
/// (<c>.IdentityService/</c>) and the authentication record under the local application data folder, which on Linux is
/// <c>$XDG_DATA_HOME</c>, else <c>$HOME/.local/share</c>. Without this, the sign-in tests would write into the home of
/// whoever runs them (or, with no home, into the working directory). Deleted when the test process ends.
/// </summary>
internal static class TemporaryHome
{
    public static string Folder { get; } = Directory.CreateTempSubdirectory("entradevices-test-home-").FullName;

    [ModuleInitializer]
    internal static void Use()
    {
        Environment.SetEnvironmentVariable("HOME", Folder);
        Environment.SetEnvironmentVariable("XDG_DATA_HOME", Path.Combine(Folder, "data"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open at exit: the folder is in the temporary folder, which the system clears.
            }
        };
    }
}
