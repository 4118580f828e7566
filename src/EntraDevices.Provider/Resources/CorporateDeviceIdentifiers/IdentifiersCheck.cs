using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources.AutopilotDevices;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.CorporateDeviceIdentifiers.IdentifierProperties;

namespace EntraDevices.Provider.Resources.CorporateDeviceIdentifiers;

/// <summary>Plan-time validation: the file by line, whenRemoved, and the warning a tenant's first Windows identifier deserves. Never calls Graph.</summary>
internal static class IdentifiersCheck
{
    /// <summary>The first problems named; the count says how many more.</summary>
    private const int Named = 20;

    public const string FirstIdentifierWarning = "Corporate identifiers: if the tenant holds no Windows corporate identifier yet, the first one changes how every "
        + "other Windows device that enrolls through Microsoft Entra join is classified: a device that matches no identifier is marked personal at "
        + "enrollment (and is blocked where enrollment restrictions block personal Windows devices). Devices already enrolled keep their ownership.";

    public static CheckResult Check(ResourceCheck check, IdentifierFiles files)
    {
        var news = check.NewInputs;
        var rules = new InputRules(news);
        rules.Object("", Inputs, new Dictionary<string, string>
        {
            [Identifiers] = "it is what the tenant holds after an up.",
            [Failed] = "it says which identifiers an up could not add.",
            [IdentifierCount] = "it counts the identifiers in the tenant.",
        });
        rules.OneOf(WhenRemoved, Keep, Delete);
        switch (news.At(Csv))
        {
            case null when CsvSource.IsImportCheck(check, Csv):
                break;
            case null or { Plain: NullValue }:
                rules.Fail(Csv, $"'{Csv}' is required: a FileAsset of the CSV of manufacturer,model,serial rows the Intune admin center takes.");
                break;
            case { Plain: UnknownValue }:
                break;
            case var source when !CsvSource.IsSource(source):
                rules.Fail(Csv, $"'{Csv}' must be a FileAsset of the CSV (or a FileArchive of a folder of them); got {source.KindName}.");
                break;
            case var source:
                if (files.Read(source, out var rows, out var problems) is { } unreadable)
                {
                    rules.Fail(Csv, unreadable);
                    break;
                }

                foreach (var problem in problems.Take(Named))
                {
                    rules.Fail(Csv, $"'{Csv}' {problem}.");
                }

                if (problems.Count > Named)
                {
                    rules.Fail(Csv, $"'{Csv}' has {problems.Count - Named} more problem(s) after these.");
                }

                if (problems.Count == 0 && rows.Count == 0)
                {
                    rules.Fail(Csv, $"'{Csv}' holds no identifier; list manufacturer,model,serial rows, or remove the resource.");
                }

                break;
        }

        if (check.OldInputs.Properties.Count == 0)
        {
            rules.Warn(FirstIdentifierWarning);
        }

        return new CheckResult(news, rules.Failures, rules.Warnings);
    }
}
