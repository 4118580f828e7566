using System.Text.Json;
using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Configuration;
using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Resources;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Export;

/// <summary>
/// <c>export</c>: reads what a tenant holds and writes the stack file, the file for <c>pulumi import --file</c> and the
/// device list, so a tenant set up by hand comes under code in one step. Writes nothing to the tenant; exit 0 when every
/// section was read, 2 when the files were written without some sections (each named with its reason), 1 when nothing
/// was written.
/// </summary>
internal static class ExportCommand
{
    public const string ImportFile = "import.json";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, Func<string, string?> environment, TextWriter output, TextWriter progress,
        string folder, GraphTuning? tuning = null, SignInHooks? signIn = null, CancellationToken cancellationToken = default)
    {
        var (options, problem) = ExportOptions.Parse(args);
        if (options is null)
        {
            await progress.WriteLineAsync(problem is { Length: > 0 } ? $"export: {problem}\n{ExportOptions.Usage}" : ExportOptions.Usage);
            return problem is { Length: > 0 } ? 1 : 0;
        }

        var outFolder = Path.GetFullPath(options.OutFolder, folder);
        var stackFileName = options.StackFileName;
        var files = new[] { stackFileName, ImportFile, DevicesSection.ListFile, IdentifiersSection.File }.Select(name => Path.Combine(outFolder, name)).ToList();
        if (files.FirstOrDefault(File.Exists) is { } existing)
        {
            await progress.WriteLineAsync($"export: {existing} already exists, and the export never overwrites a file: move it away, or choose another --out.");
            return 1;
        }

        var (config, problems) = StackSignIn.Read(Path.Combine(folder, stackFileName), environment);
        if (config is null)
        {
            await progress.WriteLineAsync($"export: the sign-in settings cannot be used; nothing was read:\n  {string.Join("\n  ", problems)}");
            return 1;
        }

        using var session = new GraphSession(environment) { Tuning = tuning ?? new GraphTuning(), SignIn = signIn ?? new SignInHooks() };
        try
        {
            session.Configure(config);
        }
        catch (Lifecycle.CleanFailure error)
        {
            await progress.WriteLineAsync($"export: {error.Message}");
            return 1;
        }

        var project = StackSignIn.ProjectName(folder) ?? ProgramShape.DefaultProject;
        var reader = new TenantReader(Catalog.Resources(session.Connection, new ProjectDirectories()), session.Connection, options,
            $"urn:pulumi:{options.Stack}::{project}", message => progress.WriteLineAsync($"export: {message}"));
        TenantRead read;
        try
        {
            read = await reader.ReadAsync(cancellationToken);
        }
        catch (ExportArgumentException error)
        {
            await progress.WriteLineAsync($"export: {error.Message} Nothing was written.");
            return 1;
        }

        if (read.Sections.Count == 0)
        {
            await NothingRead(progress, read.Unread);
            return 1;
        }

        Directory.CreateDirectory(outFolder);
        var plainKeys = config.Properties.Where(p => p.Value.Plain is StringValue).ToDictionary(p => p.Key, p => ((StringValue)p.Value.Plain).Value);
        var header = $"{stackFileName} as the tenant held it on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC (pulumi-resource-entradevices export).\n"
            + $"Review it, then copy it to the project folder as {stackFileName}; adopt the resources with {ImportFile} (README: Bringing an existing tenant under code).";
        await File.WriteAllTextAsync(files[0], StackFile.Write(project, read.Sections, read.Unread, plainKeys, header), cancellationToken);
        await File.WriteAllTextAsync(files[1], ImportJson(read.Sections), cancellationToken);
        if (read.Devices.Count > 0)
        {
            await File.WriteAllTextAsync(files[2], DevicesSection.List(read.Devices), cancellationToken);
        }

        if (read.Identifiers.Count > 0)
        {
            await File.WriteAllTextAsync(files[3], IdentifiersSection.Csv(read.Identifiers), cancellationToken);
        }

        await Summary(output, options, outFolder, folder, read);
        return read.Unread.Count == 0 ? 0 : 2;
    }

    /// <summary>
    /// Why nothing was written: a sign-in Graph refused at every request (401) is said once, with the first answer;
    /// otherwise each section's reason.
    /// </summary>
    private static async Task NothingRead(TextWriter progress, IReadOnlyList<UnreadSection> unread)
    {
        await progress.WriteLineAsync("export: nothing could be read, so nothing was written.");
        var refused = unread.Where(u => u.Reason.Contains(": 401 ", StringComparison.Ordinal)).ToList();
        if (refused.Count > 0 && refused.Count >= unread.Count - 1)
        {
            await progress.WriteLineAsync("  Graph did not accept the sign-in (401) at any request: the credential or token is not one Graph takes for this "
                + "tenant (a wrong tenantId or clientId, an expired secret, or a token for another resource). Its first answer: " + refused[0].Reason);
            foreach (var other in unread.Except(refused))
            {
                await progress.WriteLineAsync($"  {other.Name}: {other.Reason}");
            }

            return;
        }

        foreach (var section in unread)
        {
            await progress.WriteLineAsync($"  {section.Name}: {section.Reason}");
        }
    }

    /// <summary>The file <c>pulumi import --file</c> reads: every resource the program declares for the written configuration.</summary>
    public static string ImportJson(IReadOnlyList<ExportedSection> sections) =>
        new JsonObject
        {
            ["resources"] = new JsonArray([.. sections.Select(s => s.Import).OfType<ImportEntry>().Select(entry => (JsonNode)new JsonObject
            {
                ["type"] = entry.Type,
                ["name"] = entry.Name,
                ["id"] = entry.Id,
            })]),
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private static async Task Summary(TextWriter output, ExportOptions options, string outFolder, string folder, TenantRead read)
    {
        var shown = Path.GetRelativePath(folder, outFolder);
        string[] written = [options.StackFileName, ImportFile, .. read.Devices.Count > 0 ? [DevicesSection.ListFile] : Array.Empty<string>(),
            .. read.Identifiers.Count > 0 ? [IdentifiersSection.File] : Array.Empty<string>()];
        await output.WriteLineAsync($"Written to {shown}: {string.Join(", ", written)}. Nothing was written to the tenant.");
        foreach (var section in read.Sections)
        {
            await output.WriteLineAsync($"- {section.Name}: read{(section.Import is { } import ? $" ({import.Type} {import.Name}, id {Shorten(import.Id)})" : "")}");
            foreach (var note in section.Notes.Where(n => n.Length > 0))
            {
                await output.WriteLineAsync($"    {note}");
            }
        }

        foreach (var missing in read.Unread)
        {
            await output.WriteLineAsync($"- {missing.Name}: NOT READ, so not declared: {missing.Reason}");
        }

        await output.WriteLineAsync("Next:");
        await output.WriteLineAsync($"  1. Review {Path.Combine(shown, options.StackFileName)} and copy its sections into {options.StackFileName} (pulumi stack init {options.Stack} first if the stack is new).");
        var step = 2;
        if (read.Devices.Count > 0)
        {
            await output.WriteLineAsync($"  {step++}. Put the OEM's CSV files of the devices into {DevicesSection.Folder(options.Stack)}/ (see the notes above).");
        }

        if (read.Sections.FirstOrDefault(s => s.Name == ProgramShape.IdentifiersSection) is { } identifiers)
        {
            await output.WriteLineAsync($"  {step++}. Copy {Path.Combine(shown, IdentifiersSection.File)} to {(string?)identifiers.Config["csv"]}.");
        }

        await output.WriteLineAsync($"  {step++}. pulumi import --stack {options.Stack} --file {Path.Combine(shown, ImportFile)} --generate-code=false");
        await output.WriteLineAsync($"  {step}. pulumi preview --stack {options.Stack}   (it should show no change)");
        if (read.Unread.Count > 0)
        {
            await output.WriteLineAsync("Some sections were not read (above): fix what their reason says and run the export again into an empty --out folder.");
        }
    }

    private static string Shorten(string id) => id.Length > 60 ? $"{id[..57]}..." : id;
}
