using System.Runtime.InteropServices;

namespace EntraDevices.GraphEmulator;

/// <summary>
/// <c>dotnet GraphEmulator.dll [--intune] [--until-stdin-closes] [--https PEMFILE]</c>: prints the base URL as the only stdout line, then
/// serves until SIGTERM/SIGINT arrives (or, for a parent process, until its stdin closes). Diagnostics go to stderr.
/// <c>dotnet GraphEmulator.dll token PERMISSION…</c> prints an app-only token the emulator accepts and exits;
/// <c>token --person [--role ROLE_TEMPLATE_ID]… SCOPE…</c> prints a signed-in person's (delegated) token.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["token", "--person", .. var delegated])
        {
            var roles = delegated.Select((arg, i) => (arg, i)).Where(p => p.i > 0 && delegated[p.i - 1] == "--role").Select(p => p.arg).ToList();
            var scopes = delegated.Where((arg, i) => arg != "--role" && (i == 0 || delegated[i - 1] != "--role")).ToList();
            await Console.Out.WriteLineAsync(TestTokens.WithScopesAndDirectoryRoles(scopes, roles));
            return 0;
        }

        if (args is ["token", .. var permissions])
        {
            await Console.Out.WriteLineAsync(TestTokens.WithRoles(permissions));
            return 0;
        }

        // --https PEMFILE: serve https, and write the certificate there for clients to trust (SSL_CERT_FILE).
        var https = Array.IndexOf(args, "--https") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var unknown = args.Where((arg, i) => arg is not ("--intune" or "--until-stdin-closes" or "--https") && (https is null || i != Array.IndexOf(args, "--https") + 1)).ToArray();
        if (unknown.Length > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown argument(s): {string.Join(' ', unknown)}. Usage: GraphEmulator [--intune] [--until-stdin-closes] [--https PEMFILE] | token PERMISSION... | token --person [--role ROLE_ID]... SCOPE...");
            return 2;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        await using var emulator = await GraphEmulator.StartAsync(
            new EmulatorOptions { IntuneEnabled = args.Contains("--intune"), Https = https is not null },
            logging => logging
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
                .SetMinimumLevel(LogLevel.Warning));
        if (https is not null)
        {
            await File.WriteAllTextAsync(https, emulator.Certificate!.ExportCertificatePem());
        }

        await Console.Out.WriteLineAsync(emulator.BaseUrl);
        await Console.Out.FlushAsync();

        if (args.Contains("--until-stdin-closes"))
        {
            // A parent that dies closes the pipe: the emulator never outlives the tests that started it.
            _ = Task.Run(async () =>
            {
                await Console.OpenStandardInput().CopyToAsync(Stream.Null);
                stop.TrySetResult();
            });
        }

        await stop.Task;
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
