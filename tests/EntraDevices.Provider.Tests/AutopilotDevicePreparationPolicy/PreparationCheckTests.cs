using EntraDevices.Provider.Resources.AutopilotDevicePreparationPolicy;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.AutopilotDevicePreparationPolicy;

/// <summary>Every bad input of a device preparation policy is a named failure at preview that says what is accepted (graph-device-preparation.md §2).</summary>
public class PreparationCheckTests
{
    private const string Group = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private const string App = "7d1f0c2a-5b4e-4c3d-9a8b-1c2d3e4f5a6b";

    private static ObjectValue Policy(params (string Key, PropertyValue Value)[] more) =>
        more.Aggregate(Obj(("name", Str("Device preparation"))), (inputs, p) => inputs.With(p.Key, p.Value));

    private static ObjectValue AnApp(string id = App, string type = "win32LobApp") => Obj(("id", Str(id)), ("type", Str(type)));

    private static (string Property, string Reason) Single(ObjectValue news)
    {
        var failure = Assert.Single(PreparationCheck.Check(news).Failures);
        return (failure.Property, failure.Reason);
    }

    [Fact]
    public void A_full_policy_passes_and_its_apps_are_kept_in_id_order()
    {
        var other = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
        var result = PreparationCheck.Check(Policy(
            ("description", Str("Sales laptops")), ("roleScopeTagIds", Ids("0")), ("deploymentMode", Str("userDriven")), ("deploymentType", Str("singleUser")),
            ("joinType", Str("entraJoined")), ("userAccountType", Str("standardUser")), ("timeoutMinutes", Num(90)), ("customErrorMessage", Str("Call the desk.")),
            ("allowSkip", Bool(true)), ("allowDiagnostics", Bool(false)), ("allowedApps", new ArrayValue([AnApp(), AnApp(other, "winGetApp")])),
            ("allowedScripts", Ids(other)), ("deviceGroup", Str(Group)), ("userGroups", Ids(other))));

        Assert.Empty(result.Failures);
        Assert.Empty(result.Warnings);
        Assert.Equal(new ArrayValue([AnApp(other, "winGetApp"), AnApp()]), result.Inputs.At("allowedApps"));
    }

    [Theory]
    [InlineData("deploymentMode", "selfDeploying", "\"userDriven\"")]
    [InlineData("deploymentType", "sharedDevice", "\"singleUser\"")]
    [InlineData("joinType", "hybridJoined", "\"entraJoined\"")]
    [InlineData("userAccountType", "guest", "\"standardUser\", \"administrator\"")]
    public void A_choice_the_template_does_not_have_names_the_accepted_values(string property, string value, string accepted)
    {
        var (failed, reason) = Single(Policy((property, Str(value))));

        Assert.Equal(property, failed);
        Assert.Contains(accepted, reason);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(721)]
    [InlineData(60.5)]
    public void A_timeout_outside_15_to_720_whole_minutes_fails(double minutes)
    {
        var (failed, reason) = Single(Policy(("timeoutMinutes", Num(minutes))));

        Assert.Equal("timeoutMinutes", failed);
        Assert.Contains("from 15 to 720", reason);
    }

    [Fact]
    public void A_name_is_required_and_a_long_message_or_description_fails_with_its_length()
    {
        Assert.Equal("name", Single(Obj(("description", Str("x")))).Property);
        Assert.Equal("name", Single(Policy(("name", Str("  ")))).Property);
        Assert.Equal(("customErrorMessage", "'customErrorMessage' has 1001 characters; at most 1000 are accepted."), Single(Policy(("customErrorMessage", Str(new string('x', 1001))))));
        Assert.Equal(("description", "'description' has 1501 characters; at most 1500 are accepted."), Single(Policy(("description", Str(new string('x', 1501))))));
    }

    [Fact]
    public void More_than_ten_apps_or_scripts_fail_as_device_preparation_installs_at_most_ten()
    {
        var apps = new ArrayValue([.. Enumerable.Range(0, 11).Select(i => (PropertyValue)AnApp($"7d1f0c2a-5b4e-4c3d-9a8b-1c2d3e4f5a{i:x2}"))]);
        var scripts = Ids([.. Enumerable.Range(0, 11).Select(i => $"9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c{i:x2}")]);

        Assert.Equal(("allowedApps", "'allowedApps' lists 11 apps; device preparation installs at most 10 during setup."), Single(Policy(("allowedApps", apps))));
        Assert.Equal(("allowedScripts", "'allowedScripts' lists 11 scripts; device preparation installs at most 10 during setup."), Single(Policy(("allowedScripts", scripts))));
    }

    [Fact]
    public void An_app_needs_a_guid_id_a_known_type_and_nothing_else_and_appears_once()
    {
        Assert.Equal("allowedApps[0].id", Single(Policy(("allowedApps", new ArrayValue([AnApp("notepad")])))).Property);
        Assert.Equal("allowedApps[0].type", Single(Policy(("allowedApps", new ArrayValue([AnApp(type: "iosStoreApp")])))).Property);
        Assert.Equal("allowedApps[0].type", Single(Policy(("allowedApps", new ArrayValue([Obj(("id", Str(App)))])))).Property);
        Assert.Equal("allowedApps[0].intent", Single(Policy(("allowedApps", new ArrayValue([AnApp().With("intent", Str("required"))])))).Property);
        Assert.Equal("allowedApps[1].id", Single(Policy(("allowedApps", new ArrayValue([AnApp(), AnApp(App.ToUpperInvariant())])))).Property);
        Assert.Equal("allowedApps[0]", Single(Policy(("allowedApps", new ArrayValue([Str(App)])))).Property);
    }

    [Fact]
    public void The_device_group_must_be_an_object_id_and_never_one_of_the_user_groups()
    {
        Assert.Equal("deviceGroup", Single(Policy(("deviceGroup", Str("Autopilot devices")))).Property);
        var (failed, reason) = Single(Policy(("deviceGroup", Str(Group)), ("userGroups", Ids(Group))));

        Assert.Equal("userGroups", failed);
        Assert.Contains("never to its device group", reason);
    }

    [Theory]
    [InlineData("priority")]
    [InlineData("createdDateTime")]
    public void An_output_given_as_input_fails_and_says_who_sets_it(string output)
    {
        var (failed, reason) = Single(Policy((output, Num(1))));

        Assert.Equal(output, failed);
        Assert.Contains("is an output, not an input", reason);
    }

    [Fact]
    public void An_administrator_account_type_is_warned_about()
    {
        var result = PreparationCheck.Check(Policy(("userAccountType", Str("administrator"))));

        Assert.Empty(result.Failures);
        Assert.Contains("local administrator", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Unknown_values_of_a_preview_pass()
    {
        Assert.Empty(PreparationCheck.Check(Policy(("deviceGroup", PropertyValue.Unknown), ("userGroups", PropertyValue.Unknown), ("allowedApps", PropertyValue.Unknown))).Failures);
    }
}
