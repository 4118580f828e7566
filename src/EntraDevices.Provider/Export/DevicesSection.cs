using System.Text;
using System.Text.Json.Nodes;
using EntraDevices.Graph.AutopilotDevices;

namespace EntraDevices.Provider.Export;

/// <summary>
/// The Autopilot devices as the program will see them: a section naming the folder of the OEM's CSV files, the import id
/// that adopts every device, and the device list (serial number, group tag, user). The tenant never returns a hardware
/// hash, so the OEM's files stay the user's to supply.
/// </summary>
internal static class DevicesSection
{
    public const string ListFile = "autopilot-devices.csv";

    public static ExportedSection? Of(IReadOnlyList<AutopilotDevice> devices, string stack)
    {
        if (devices.Count == 0)
        {
            return null;
        }

        var unique = devices.DistinctBy(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase).ToList();
        var tags = unique.Select(d => d.GroupTag ?? "").Distinct(StringComparer.Ordinal).ToList();
        var sharedTag = tags is [{ Length: > 0 } tag] ? tag : null;
        var withUsers = unique.Count(d => !string.IsNullOrEmpty(d.UserPrincipalName));
        var folder = Folder(stack);
        var config = new JsonObject { ["csv"] = folder };
        if (sharedTag is not null)
        {
            config["groupTag"] = sharedTag;
        }

        config["whenRemoved"] = "keep";
        var notes = new List<string>
        {
            $"{unique.Count} Autopilot device(s), listed in {ListFile} (serial number, group tag, user). The tenant never returns a hardware hash: "
                + $"put the OEM's CSV files of these devices into {folder}/ (the provider reads every .csv file of the folder).",
            "A device adopted without a row in those files shows in the first preview as removed from the CSV; with whenRemoved \"keep\" it stays "
                + "registered in Autopilot and only leaves the stack's state: nothing is deleted. So supply every row before the import: a row added later is "
                + "refused by its import as already registered (806), and bringing it in then takes the devices' import again (README).",
        };
        if (sharedTag is null && tags.Any(t => t.Length > 0))
        {
            notes.Add($"The devices carry {tags.Count(t => t.Length > 0)} different group tags{(tags.Contains("") ? " (some none)" : "")}: each row of the OEM's "
                + $"files needs a Group Tag column holding the device's tag as {ListFile} gives it, or the first preview shows a tag change for it.");
        }

        if (withUsers > 0)
        {
            notes.Add($"{withUsers} device(s) have an assigned user: their rows need an Assigned User column holding the user as {ListFile} gives it, "
                + "or the first preview shows the user being removed.");
        }

        var id = sharedTag is not null ? $"groupTag:{sharedTag}" : "all";
        return new ExportedSection(ProgramShape.DevicesSection, config, new ImportEntry(ProgramShape.DevicesType, ProgramShape.DevicesName, id), notes);
    }

    /// <summary>Where the stack file says the OEM's files go: devices/&lt;stack&gt;, by the stack's own name.</summary>
    public static string Folder(string stack) => $"devices/{ExportOptions.OwnName(stack)}";

    /// <summary>The device list: one line per serial number, with its group tag and user, in serial number order.</summary>
    public static string List(IReadOnlyList<AutopilotDevice> devices)
    {
        var text = new StringBuilder("Device Serial Number,Group Tag,Assigned User\n");
        foreach (var device in devices.DistinctBy(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase).OrderBy(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(Field(device.SerialNumber)).Append(',').Append(Field(device.GroupTag)).Append(',').Append(Field(device.UserPrincipalName)).Append('\n');
        }

        return text.ToString();
    }

    // Quoted only where the value holds a comma, quote or line break, as CSV writes it.
    private static string Field(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
