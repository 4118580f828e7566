using System.Text;
using System.Text.Json.Nodes;
using EntraDevices.Graph.CorporateIdentifiers;

namespace EntraDevices.Provider.Export;

/// <summary>
/// The Windows corporate identifiers (device preparation): unlike a device's hash, the tenant holds each whole, so the
/// export writes the CSV the resource reads (one <c>manufacturer,model,serial</c> line each, as the admin center takes
/// it), and a section naming where it goes in the project.
/// </summary>
internal static class IdentifiersSection
{
    public const string File = "corporate-identifiers.csv";

    public static ExportedSection? Of(IReadOnlyList<CorporateIdentifier> identifiers, string stack)
    {
        if (identifiers.Count == 0)
        {
            return null;
        }

        var path = $"devices/{ExportOptions.OwnName(stack)}-{File}";
        var count = identifiers.Select(i => i.Identifier).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        return new ExportedSection(ProgramShape.IdentifiersSection, new JsonObject { ["csv"] = path, ["whenRemoved"] = "keep" },
            new ImportEntry(ProgramShape.IdentifiersType, ProgramShape.IdentifiersName, "all"),
            [$"{count} Windows corporate identifier(s), written whole to {File}: copy it to {path}, where this section reads it, before the import."]);
    }

    /// <summary>The CSV: one identifier a line, no header, in order; one the tenant holds twice (in any case) once.</summary>
    public static string Csv(IReadOnlyList<CorporateIdentifier> identifiers)
    {
        var text = new StringBuilder();
        foreach (var identifier in identifiers.Select(i => i.Identifier).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            text.Append(identifier).Append('\n');
        }

        return text.ToString();
    }
}
