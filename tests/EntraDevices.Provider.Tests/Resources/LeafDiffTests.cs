using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources;
using EntraDevices.Provider.Resources.DeviceRegistrationPolicy;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.Resources;

public class LeafDiffTests
{
    private static readonly ObjectValue Olds = Obj(
        ("userDeviceQuota", Num(2)),
        ("localAdminPassword", Obj(("isEnabled", Bool(false)))),
        ("azureADJoin", Obj(("allowedToJoin", Membership("all")))));

    [Fact]
    public void An_unknown_object_is_a_change_of_that_object()
    {
        var news = Obj(("localAdminPassword", PropertyValue.Unknown), ("azureADJoin", Obj(("allowedToJoin", PropertyValue.Unknown))));

        var diff = LeafDiff.Compare(Olds, news, PolicyProperties.Leaves, PolicyProperties.IdLists);

        Assert.Equal(PropertyChange.Update, diff.Changes["localAdminPassword"]);
        Assert.Equal(PropertyChange.Update, diff.Changes["azureADJoin.allowedToJoin"]);
        Assert.Equal(2, diff.Changes.Count);
    }

    [Fact]
    public void Preview_outputs_of_an_unknown_object_are_unknown_not_the_old_values()
    {
        var outputs = LeafDiff.Overlay(Olds, Obj(("azureADJoin", Obj(("allowedToJoin", PropertyValue.Unknown)))), PolicyProperties.Leaves);

        Assert.Equal(PropertyValue.Unknown, outputs.At("azureADJoin.allowedToJoin"));
        Assert.Equal(Num(2), outputs.At("userDeviceQuota"));
    }
}
