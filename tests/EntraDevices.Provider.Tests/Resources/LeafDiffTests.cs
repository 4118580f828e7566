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

    private const string G1 = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private const string G2 = "3c8ef067-8b96-44de-b2ae-557dfa0f97a0";
    private const string G3 = "5f8b2d1e-7c3a-4e9b-a1d2-3c4b5a6d7e8f";
    private static readonly string[] Groups = ["mdm.groups"];

    private static DiffResult ElementDiff(string[] before, string[] after) => LeafDiff.Compare(
        Obj(("mdm", Obj(("groups", Ids(before))))), Obj(("mdm", Obj(("groups", Ids(after))))), Groups, Groups.ToHashSet(), Groups.ToHashSet());

    [Fact]
    public void An_element_list_shows_each_id_added_or_removed_on_its_own_line()
    {
        var diff = ElementDiff([G1, G2], [G1, G2, G3]);
        Assert.Equal([("mdm.groups[2]", PropertyChange.Add)], diff.Changes.Select(c => (c.Key, c.Value)));

        diff = ElementDiff([G1, G2, G3], [G1]);
        Assert.Equal([("mdm.groups[1]", PropertyChange.Delete), ("mdm.groups[2]", PropertyChange.Delete)], diff.Changes.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)));
    }

    [Fact]
    public void An_element_added_where_another_was_removed_is_that_element_replaced()
    {
        Assert.Equal([("mdm.groups[1]", PropertyChange.Update)], ElementDiff([G1, G2], [G1, G3]).Changes.Select(c => (c.Key, c.Value)));
    }

    [Fact]
    public void The_same_ids_in_another_order_or_letter_case_are_no_change()
    {
        Assert.False(ElementDiff([G1, G2], [G2.ToUpperInvariant(), G1]).HasChanges);
    }

    [Fact]
    public void Lists_that_are_not_element_lists_still_change_as_one_leaf()
    {
        var diff = LeafDiff.Compare(Obj(("mdm", Obj(("groups", Ids(G1))))), Obj(("mdm", Obj(("groups", Ids(G2))))), Groups, Groups.ToHashSet());

        Assert.Equal(["mdm.groups"], diff.Changes.Keys);
    }
}
