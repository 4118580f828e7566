using System.Runtime.InteropServices;

namespace EntraDevices.GraphEmulator;

/// <summary>
/// <c>dotnet GraphEmulator.dll [--intune]</c>: prints the base URL as the only stdout line, then serves
/// until stdin closes or SIGTERM/SIGINT arrives. Diagnostics go to stderr.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var unknown = args.Where(arg => arg != "--intune").ToArray();
        if (unknown.Length > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown argument(s): {string.Join(' ', unknown)}. Usage: GraphEmulator [--intune]");
            return 2;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        await using var emulator = await GraphEmulator.StartAsync(
            new EmulatorOptions { IntuneEnabled = args.Contains("--intune") },
            logging => logging
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
                .SetMinimumLevel(LogLevel.Warning));
        await Console.Out.WriteLineAsync(emulator.BaseUrl);
        await Console.Out.FlushAsync();

        _ = Task.Run(async () =>
        {
            await Console.OpenStandardInput().CopyToAsync(Stream.Null);
            stop.TrySetResult();
        });
        await stop.Task;
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }
}
