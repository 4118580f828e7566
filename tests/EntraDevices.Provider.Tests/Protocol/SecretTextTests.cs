using EntraDevices.Provider.Protocol;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.Protocol;

/// <summary>A value the program marks secret is cut out of text and wrapped again in outputs, whatever the resource wrote (issue #24, 9).</summary>
public sealed class SecretTextTests
{
    private static readonly SecretText Secrets = SecretText.Of(Obj(
        ("displayName", new SecretValue(Str("Sales laptops"))),
        ("devices", new ArrayValue([Obj(("assignedUser", new SecretValue(Str("ana@contoso.example"))))])),
        ("whenRemoved", new SecretValue(Str("keep"))),
        ("quota", new SecretValue(Num(20))),
        ("plain", Str("visible"))));

    [Fact]
    public void Every_secret_at_any_depth_is_cut_out_of_text()
    {
        var text = Secrets.Redact("Profile 'Sales laptops' for ana@contoso.example: whenRemoved keep, quota 20; visible; kept 200.");

        Assert.Equal("Profile '[secret]' for [secret]: whenRemoved [secret], quota [secret]; visible; kept 200.", text);
    }

    [Fact]
    public void An_output_holding_a_secret_inputs_value_is_wrapped_at_any_depth()
    {
        var outputs = Secrets.Wrap(Obj(
            ("devices", new ArrayValue([Obj(("serial", Str("PF0001")), ("assignedUser", Str("ana@contoso.example")))])),
            ("whenRemoved", Str("keep")),
            ("userDeviceQuota", Num(20)),
            ("plain", Str("visible"))));

        var device = Assert.IsType<ObjectValue>(Assert.IsType<ArrayValue>(outputs.At("devices")!.Plain).Items.Single());
        Assert.True(device.At("assignedUser")!.IsSecret);
        Assert.False(device.At("serial")!.IsSecret);
        Assert.True(outputs.At("whenRemoved")!.IsSecret);
        Assert.True(outputs.At("userDeviceQuota")!.IsSecret);
        Assert.False(outputs.At("plain")!.IsSecret);
    }

    [Fact]
    public void Without_secrets_nothing_changes()
    {
        var none = SecretText.Of(Obj(("displayName", Str("Sales"))));

        Assert.True(none.IsEmpty);
        Assert.Equal("Sales", none.Redact("Sales"));
    }
}
