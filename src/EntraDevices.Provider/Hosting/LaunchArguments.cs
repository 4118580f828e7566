namespace EntraDevices.Provider.Hosting;

/// <summary>
/// The engine launches <c>pulumi-resource-entradevices [flags] &lt;engine address&gt;</c>. Read as Pulumi's Go provider
/// SDK reads it (Go's flag package, then the first positional argument): flags are <c>-name</c>, <c>--name</c> or
/// <c>--name=value</c>; those that take a value take the next argument when written without <c>=</c>.
/// </summary>
public static class LaunchArguments
{
    private static readonly HashSet<string> Valued = ["tracing", "v", "root", "logflow-level"];

    public static string? EngineAddress(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                return i + 1 < args.Count ? args[i + 1] : null;
            }

            if (!arg.StartsWith('-') || arg == "-")
            {
                return arg;
            }

            var name = arg.TrimStart('-');
            if (!name.Contains('=') && Valued.Contains(name))
            {
                i++;
            }
        }

        return null;
    }
}
