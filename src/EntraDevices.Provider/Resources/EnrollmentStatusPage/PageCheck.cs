using EntraDevices.Graph.EnrollmentStatusPage;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.EnrollmentStatusPage.PageProperties;

namespace EntraDevices.Provider.Resources.EnrollmentStatusPage;

/// <summary>Plan-time validation of an Enrollment Status Page's inputs; never calls Graph.</summary>
internal static class PageCheck
{
    public static CheckResult Check(ObjectValue news)
    {
        var rules = new InputRules(news);
        rules.Object("", [DisplayName, .. Fields, Assignments, Priority], new Dictionary<string, string>
        {
            [CreatedDateTime] = "Graph sets it when the page is created.",
        });

        switch (rules.At(DisplayName)?.Plain)
        {
            case UnknownValue:
                break;
            case StringValue { Value.Length: >= 1 and <= MaxDisplayName }:
                break;
            case StringValue { Value.Length: > MaxDisplayName } long_:
                rules.Fail(DisplayName, $"'{DisplayName}' has {long_.Value.Length} characters; accepted: 1 to {MaxDisplayName}.");
                break;
            default:
                rules.Fail(DisplayName, $"'{DisplayName}' is required: a name of 1 to {MaxDisplayName} characters (it also finds the page again if a create's answer is lost).");
                break;
        }

        Settings(rules, minimumTimeout: 1);
        rules.ObjectIds(Assignments, "group");
        rules.Integer(Priority, p => p is >= 1 and <= int.MaxValue, $"a whole number from 1 to {int.MaxValue} (0 belongs to the tenant's default page)");
        return new CheckResult(news, rules.Failures, rules.Warnings);
    }

    /// <summary>
    /// The tenant's default page: the same settings, but no name, assignments or priority, and a timeout of 0 is a
    /// value it holds (a real default page reports 0, and import declares it).
    /// </summary>
    public static CheckResult CheckDefault(ObjectValue news, string originalProperty, IReadOnlyCollection<string> declarable)
    {
        var rules = new InputRules(news);
        rules.Object("", declarable, new Dictionary<string, string>
        {
            [DisplayName] = "the default page cannot be renamed.",
            [originalProperty] = "it records the page as found when the stack adopted it.",
            ["description"] = "Intune refuses to change the default page's description.",
            ["roleScopeTagIds"] = "Intune refuses to change the default page's scope tags.",
        });
        Settings(rules, minimumTimeout: 0);
        return new CheckResult(news, rules.Failures, rules.Warnings);
    }

    /// <summary>The writable settings, from the field table, and the rule between the message and the progress page.</summary>
    private static void Settings(InputRules rules, int minimumTimeout)
    {
        foreach (var field in StatusPageFields.Writable)
        {
            switch (field.Kind)
            {
                case FieldKind.Flag:
                    rules.Bool(field.Name);
                    break;
                case FieldKind.Minutes:
                    rules.Integer(field.Name, m => m >= minimumTimeout && m <= MaxTimeoutMinutes, $"{minimumTimeout} to {MaxTimeoutMinutes} minutes");
                    break;
                case FieldKind.Text when rules.At(field.Name)?.Plain is not (null or NullValue or UnknownValue or StringValue):
                    rules.Fail(field.Name, $"'{field.Name}' must be a string; got {rules.At(field.Name)!.KindName}.");
                    break;
                case FieldKind.Ids when field.Name == "roleScopeTagIds":
                    rules.ScopeTagIds(field.Name);
                    break;
                case FieldKind.Ids:
                    rules.ObjectIds(field.Name, "app");
                    break;
            }
        }

        if (rules.At("customErrorMessage")?.Plain is StringValue { Value: var message })
        {
            if (message.Length > MaxCustomErrorMessage)
            {
                rules.Fail("customErrorMessage", $"'customErrorMessage' has {message.Length} characters; Graph accepts at most {MaxCustomErrorMessage}.");
            }
            else if (message.Trim().Length == 0 && rules.At("showInstallationProgress")?.Plain is BoolValue { Value: true })
            {
                rules.Fail("customErrorMessage", "'customErrorMessage' is empty, but showInstallationProgress is true, so the page shows it when installation fails; "
                    + "write the message people should see, or leave it undeclared.");
            }
        }
    }
}
