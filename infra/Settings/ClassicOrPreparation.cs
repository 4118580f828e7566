using EntraDevices.Provider.Resources.AutopilotDevices;

namespace Infra.Settings;

/// <summary>
/// Which Autopilot a device gets where a stack declares both (graph-device-preparation.md §7): a device registered as a
/// classic Autopilot device gets the classic deployment profile, never device preparation. The serial numbers that are
/// both in the Autopilot devices' CSV and among the corporate identifiers are the devices a stack moving from one to the
/// other has not moved yet.
/// </summary>
internal static class ClassicOrPreparation
{
    /// <summary>The serial numbers of the Autopilot CSV's rows (first column, after the header), whatever their case.</summary>
    public static HashSet<string> DeviceSerials(IEnumerable<string> lines) =>
        new(lines.Skip(1).Select(line => line.Split(',')[0].Trim()).Where(serial => serial.Length > 0), StringComparer.OrdinalIgnoreCase);

    /// <summary>The serial numbers of the corporate identifiers' rows (third of manufacturer,model,serial; no header).</summary>
    public static HashSet<string> IdentifierSerials(IEnumerable<string> lines) =>
        new(lines.Select(line => line.Split(',')).Where(parts => parts.Length == 3).Select(parts => parts[2].Trim()).Where(serial => serial.Length > 0), StringComparer.OrdinalIgnoreCase);

    /// <summary>The warning for the serial numbers in both, or null when there are none.</summary>
    public static string? Warning(IReadOnlySet<string> devices, IReadOnlySet<string> identifiers)
    {
        var both = devices.Where(identifiers.Contains).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return both.Count == 0 ? null
            : $"{both.Count} device(s) are both Autopilot devices ({ConfigKeys.DevicesCsv}) and corporate identifiers ({ConfigKeys.CorporateIdentifiersCsv}): "
                + $"{string.Join(", ", both.Take(20))}{(both.Count > 20 ? $", and {both.Count - 20} more" : "")}. Each gets the classic deployment profile, never "
                + $"device preparation, because it is registered as a classic Autopilot device. To move one to device preparation, take it out of the Autopilot CSV "
                + $"with {ConfigKeys.DevicesWhenRemoved} \"delete\", then reset it.";
    }

    /// <summary>Every line of the CSV files a stack setting names (a file or a folder of them), relative to <paramref name="project"/>; none when it cannot be read.</summary>
    public static IEnumerable<string> Lines(string path, string project)
    {
        var full = Path.GetFullPath(path, project);
        if (CsvPath.Problem(path, _ => full, "the project folder", out var files, out _) is not null)
        {
            return [];
        }

        return files.SelectMany(File.ReadLines);
    }
}
