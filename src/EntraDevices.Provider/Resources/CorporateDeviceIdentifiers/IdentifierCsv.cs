using EntraDevices.Provider.Resources.AutopilotDevices;

namespace EntraDevices.Provider.Resources.CorporateDeviceIdentifiers;

/// <summary>One Windows corporate identifier of the file: <c>manufacturer,model,serial</c>, trimmed, and where it was.</summary>
internal sealed record IdentifierRow(string Identifier, int Line, string? File);

/// <summary>
/// The CSV the Intune admin center takes for Windows corporate identifiers (graph-device-preparation.md §6.3): no
/// header, one <c>manufacturer,model,serial</c> per line, periods removed from serial numbers, no quoting. Every
/// problem is named by file and line; values are quoted only when they are the identifier's own parts.
/// </summary>
internal static class IdentifierCsv
{
    public static IEnumerable<IdentifierRow> Read(TextReader text, ICollection<CsvProblem> problems, Dictionary<string, string> seen, string? file)
    {
        using var reader = new LineReader(text);
        var number = 0;
        var first = true;
        while (reader.TryRead(out var memory))
        {
            number++;
            if (reader.TooLong)
            {
                problems.Add(new CsvProblem(number, $"the line is longer than {LineReader.MaxLine / 1024} KB; a row is manufacturer,model,serial") { File = file });
                continue;
            }

            var line = memory.ToString();
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var isFirst = first;
            first = false;
            if (Problem(line, isFirst) is { } problem)
            {
                problems.Add(new CsvProblem(number, problem) { File = file });
                continue;
            }

            var identifier = string.Join(',', line.Split(',').Select(part => part.Trim()));
            var where = file is null ? $"line {number}" : $"{file} line {number}";
            if (!seen.TryAdd(identifier, where))
            {
                problems.Add(new CsvProblem(number, $"repeats the identifier of {seen[identifier]}; each device is listed once") { File = file });
                continue;
            }

            yield return new IdentifierRow(identifier, number, file);
        }
    }

    private static string? Problem(string line, bool first)
    {
        if (line.Contains('"', StringComparison.Ordinal))
        {
            return "holds a quote; the file takes plain manufacturer,model,serial rows, without quoting";
        }

        var parts = line.Split(',').Select(part => part.Trim()).ToArray();
        if (parts.Length != 3)
        {
            return $"has {parts.Length} field(s); a Windows corporate identifier row is manufacturer,model,serial (three fields, no commas inside one)";
        }

        if (first && parts[0].Equals("manufacturer", StringComparison.OrdinalIgnoreCase))
        {
            return "is a header; the admin center's file has none: remove it";
        }

        var names = new[] { "manufacturer", "model", "serial number" };
        for (var i = 0; i < 3; i++)
        {
            if (parts[i].Length == 0)
            {
                return $"has no {names[i]}";
            }

            if (parts[i].Any(char.IsControl))
            {
                return $"has a control character in its {names[i]}";
            }
        }

        return parts[2].Contains('.', StringComparison.Ordinal)
            ? "has a period in its serial number; remove the periods, as the admin center asks (Intune matches the serial without them)"
            : null;
    }
}
