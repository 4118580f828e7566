namespace EntraDevices.Provider.Export;

/// <summary>
/// <c>pulumi-resource-entradevices export --stack &lt;name&gt; [--out &lt;folder&gt;] [--status-page &lt;id&gt;]
/// [--deployment-profile &lt;id&gt;] [--preparation-policy &lt;id&gt;]</c>: what to read and where to write it.
/// </summary>
internal sealed record ExportOptions(string Stack, string OutFolder)
{
    public const string Command = "export";

    public const string Usage =
        "usage: pulumi-resource-entradevices export --stack <name> [--out <folder>] [--status-page <id>] [--deployment-profile <id>] [--preparation-policy <id>]\n"
        + "  (from a clone: dotnet run --project src/EntraDevices.Provider -- export --stack <name>)\n"
        + "Reads the tenant (nothing is written to it) and writes, into --out (default tenant-export/<stack>): Pulumi.<stack>.yaml, import.json\n"
        + "and autopilot-devices.csv. Signs in as the provider does: each entradevices:* key of Pulumi.<stack>.yaml, or where the file does not set it,\n"
        + "its variable (ENTRADEVICES_* or ARM_*, as the README's table gives them).";

    /// <summary>The Enrollment Status Page to declare when the tenant has several; null: the one of the lowest priority number.</summary>
    public string? StatusPageId { get; init; }

    /// <summary>The deployment profile to declare when the tenant has several; null: the first by display name.</summary>
    public string? DeploymentProfileId { get; init; }

    /// <summary>The device preparation policy to declare when the tenant has several; null: the first by name.</summary>
    public string? PreparationPolicyId { get; init; }

    public static bool IsExport(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Command;

    /// <summary>The stack file, named by the stack's own name as Pulumi names it.</summary>
    public string StackFileName => $"Pulumi.{OwnName(Stack)}.yaml";

    /// <summary>The stack's own name: the last part of <c>org/stack</c> or <c>org/project/stack</c>, which names its files.</summary>
    public static string OwnName(string stack) => stack[(stack.LastIndexOf('/') + 1)..];

    /// <summary>The options, or the reason they cannot be read (which names the argument).</summary>
    public static (ExportOptions? Options, string? Problem) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] known = ["--stack", "--out", "--status-page", "--deployment-profile", "--preparation-policy"];
        for (var i = 1; i < args.Count; i++)
        {
            var (name, value) = args[i].Split('=', 2) is [var n, var v] ? (n, (string?)v) : (args[i], null);
            if (name is "-h" or "--help")
            {
                return (null, "");
            }

            if (!known.Contains(name))
            {
                return (null, $"'{args[i]}' is not an argument of export; accepted: {string.Join(", ", known)}.");
            }

            value ??= i + 1 < args.Count ? args[++i] : null;
            if (string.IsNullOrWhiteSpace(value))
            {
                return (null, $"{name} needs a value.");
            }

            values[name] = value;
        }

        if (!values.TryGetValue("--stack", out var stack))
        {
            return (null, "--stack is required: the name of the stack whose configuration to write (e.g. --stack prod).");
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(stack, "^([A-Za-z0-9_.-]{1,100}/){0,2}[A-Za-z0-9_.-]{1,100}$") || stack.Split('/').Any(part => part is "." or ".."))
        {
            return (null, $"--stack '{stack}' is not a stack name; accepted: letters, digits, '-', '_' and '.' (as Pulumi's stack names), optionally as org/stack or org/project/stack.");
        }

        return (new ExportOptions(stack, values.GetValueOrDefault("--out") ?? Path.Combine("tenant-export", OwnName(stack)))
        {
            StatusPageId = values.GetValueOrDefault("--status-page"),
            DeploymentProfileId = values.GetValueOrDefault("--deployment-profile"),
            PreparationPolicyId = values.GetValueOrDefault("--preparation-policy"),
        }, null);
    }
}
