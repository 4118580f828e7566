using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.AutopilotDevices.DevicesProperties;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>Plan-time validation of a set of devices: the asset, every row of the CSV (by line), the defaults. No Graph call.</summary>
internal static class DevicesCheck
{
    /// <summary>How many of the CSV's problems are listed one by one; the rest are counted.</summary>
    public const int ListedProblems = 50;

    /// <param name="imported">The check of <c>pulumi import</c>'s inputs, which never hold the CSV (<see cref="CsvSource.IsImportCheck"/>).</param>
    public static CheckResult Check(ObjectValue news, CsvFile csv, bool imported = false)
    {
        var rules = new InputRules(news);
        rules.Object("", Inputs, new Dictionary<string, string>
        {
            [Devices] = "the provider records each device it imported.",
            [Failed] = "the provider records each device whose import failed.",
            [DeviceCount] = "the provider counts the devices it imported.",
            [LeftImportRecords] = "the provider counts the import records it left in Intune.",
        });

        switch (rules.At(Csv)?.Plain)
        {
            case UnknownValue:
                break;
            case var source when CsvFile.IsSource(source) && csv.Problem(source!) is { } problem:
                rules.Fail(Csv, problem);
                break;
            case var source when CsvFile.IsSource(source):
                Rows(rules, csv, source!);
                break;
            case null when imported:
                break;
            case null or NullValue:
                rules.Fail(Csv, $"'{Csv}' is required: the OEM's CSV as a FileAsset, e.g. new FileAsset(\"devices/dev.csv\").");
                break;
            case var other:
                rules.Fail(Csv, $"'{Csv}' must be an asset (a FileAsset of the OEM's CSV) or an archive (a FileArchive of a folder of them); got {other.KindName}.");
                break;
        }

        rules.Text(GroupTag, tag => DeviceCsv.GroupTagProblem(tag) is { } problem
            ? $"'{GroupTag}' is a group tag {problem} The CSV's {DeviceCsv.GroupTagColumn} column takes the same." : null);
        rules.Text(AssignedUser, user => DeviceCsv.IsUserPrincipalName(user)
            ? null : $"'{AssignedUser}' is not a user principal name; accepted: one like person@contoso.com, of at most {DeviceCsv.MaxUserPrincipalName} characters.");
        rules.OneOf(WhenRemoved, Keep, Delete);
        return new CheckResult(news, rules.Failures, rules.Warnings);
    }

    private static void Rows(InputRules rules, CsvFile csv, PropertyValue asset)
    {
        IReadOnlyList<CsvProblem> problems;
        try
        {
            problems = csv.Scan(asset).Problems;
        }
        catch (CleanFailure unreadable)
        {
            rules.Fail(Csv, unreadable.Message);
            return;
        }

        foreach (var problem in problems.Take(ListedProblems))
        {
            rules.Fail(Csv, $"'{Csv}' {problem}");
        }

        if (problems.Count > ListedProblems)
        {
            rules.Fail(Csv, $"'{Csv}' has {problems.Count - ListedProblems} more problems after {problems[ListedProblems - 1].Where}; fix those above and preview again.");
        }
    }
}
