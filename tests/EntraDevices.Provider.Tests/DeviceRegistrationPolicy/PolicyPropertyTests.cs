using CsCheck;
using EntraDevices.Graph.DeviceRegistrationPolicy;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources;
using EntraDevices.Provider.Resources.DeviceRegistrationPolicy;
using EntraDevices.Provider.Tests.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Tests.DeviceRegistrationPolicy;

/// <summary>Arbitrary inputs, biased toward the policy's own names and values, never crash Check or Diff.</summary>
public class PolicyPropertyTests
{
    private static readonly IResource Resource = ResourceHarness.WithoutGraph("entradevices:index:DeviceRegistrationPolicy");

    private static readonly Gen<string> Keys = OneOf(
        "userDeviceQuota", "multiFactorAuthConfiguration", "azureADJoin", "allowedToJoin", "localAdmins", "enableGlobalAdmins",
        "registeringUsers", "azureADRegistration", "allowedToRegister", "localAdminPassword", "isEnabled", "onDestroy",
        "scope", "users", "groups", "isAdminConfigurable", "originalSettings", "typo");

    private static readonly Gen<PropertyValue> Leaf = Gen.OneOf(
        Gen.Bool.Select(b => (PropertyValue)new BoolValue(b)),
        Gen.Int[-2, 150].Select(i => (PropertyValue)new NumberValue(i)),
        Gen.Double[-1e10, 1e10].Select(d => (PropertyValue)new NumberValue(d)),
        OneOf("all", "selected", "none", "required", "notRequired", "restoreOriginal", "restoreDefaults", "",
            Inputs.UserId, Inputs.GroupId, " " + Inputs.GroupId, Inputs.UserId + "\t", "not-a-guid").Select(s => (PropertyValue)new StringValue(s)),
        Gen.Const(PropertyValue.Unknown),
        Gen.Const(PropertyValue.Null));

    private static CheckResult Check(ObjectValue news) => Resource.Check(new ResourceCheck("urn", news, ObjectValue.Empty));

    private static Gen<string> OneOf(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static Gen<PropertyValue> Value(int depth) => depth <= 0
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (3, Object(depth - 1).Select(o => (PropertyValue)o)),
            (1, Value(depth - 1).Array[0, 3].Select(items => (PropertyValue)new ArrayValue(items))),
            (1, Value(depth - 1).Select(v => (PropertyValue)new SecretValue(v))));

    private static Gen<ObjectValue> Object(int depth) =>
        Gen.Select(Keys, Value(depth)).Array[0, 6]
            .Select(pairs => new ObjectValue(pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2)));

    [Fact]
    public void Check_never_crashes_and_either_fails_or_returns_inputs_that_apply()
    {
        Object(4).Sample(news =>
        {
            var result = Check(news);
            if (result.Failures.Count > 0 || result.Inputs.ContainsUnknown)
            {
                Assert.All(result.Failures, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
                return;
            }

            var declared = PolicyInputs.Read(result.Inputs);
            var applied = declared.ApplyTo(DeviceRegistrationSettings.EntraDefaults);
            if (declared.UserDeviceQuota is { } quota)
            {
                Assert.Equal(quota, applied.UserDeviceQuota);
            }

            if (declared.AllowedToJoin is { } join)
            {
                Assert.Equal(join, applied.AzureADJoin.AllowedToJoin);
            }
        }, iter: 3000);
    }

    [Fact]
    public void Checked_inputs_pass_a_second_check_unchanged()
    {
        Object(4).Sample(news =>
        {
            var first = Check(news);
            if (first.Failures.Count > 0)
            {
                return;
            }

            var second = Check(first.Inputs);
            Assert.Empty(second.Failures);
            var changes = Resource.Diff(new ResourceDiff("", first.Inputs, second.Inputs, ObjectValue.Empty)).Changes;
            Assert.DoesNotContain(changes, c => !first.Inputs.At(c.Key)!.ContainsUnknown);
        }, iter: 2000);
    }

    [Fact]
    public void Diff_never_crashes_and_never_reports_an_undeclared_leaf()
    {
        Gen.Select(Object(4), Object(4)).Sample((olds, news) =>
        {
            var diff = Resource.Diff(new ResourceDiff("", olds, news, ObjectValue.Empty));
            Assert.All(diff.Changes.Keys, path => Assert.NotNull(news.At(path)));
        }, iter: 3000);
    }

    [Fact]
    public void Check_keeps_every_declared_leaf_with_its_value_and_its_secrecy_however_deeply_wrapped()
    {
        Object(4).Sample(news =>
        {
            var result = Check(news);
            if (result.Failures.Count > 0)
            {
                return;
            }

            foreach (var leaf in PolicyProperties.Leaves)
            {
                if (news.At(leaf)?.Plain is StringValue or NumberValue or BoolValue)
                {
                    Assert.Equal(news.At(leaf)!.Plain, result.Inputs.At(leaf)?.Plain);
                    Assert.True(!news.IsSecretAt(leaf) || result.Inputs.IsSecretAt(leaf), $"{leaf} stays secret");
                }
            }
        }, iter: 3000);
    }

    [Fact]
    public void An_id_with_any_surrounding_whitespace_never_passes()
    {
        var padding = Gen.Char[" \t\r\n\u00a0\u2003"].Array[1, 3].Select(chars => new string(chars));
        Gen.Select(padding, Gen.Bool, Gen.Bool).Sample((pad, before, users) =>
        {
            var id = before ? pad + Inputs.GroupId : Inputs.GroupId + pad;
            var membership = users ? Inputs.Membership("selected", users: [id]) : Inputs.Membership("selected", groups: [id]);

            var failure = Assert.Single(Check(Inputs.Join(membership)).Failures);

            Assert.EndsWith("[0]", failure.Property);
        }, iter: 500);
    }
}
