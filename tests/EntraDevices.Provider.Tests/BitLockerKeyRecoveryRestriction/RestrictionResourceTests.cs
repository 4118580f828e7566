using System.Text.Json.Nodes;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.BitLockerKeyRecoveryRestriction;

/// <summary>Diff, preview and schema: everything that never calls Graph.</summary>
public class RestrictionResourceTests
{
    private static readonly BitLockerKeyRecoveryRestrictionResource Resource =
        new(() => throw new InvalidOperationException("This test must not call Graph."));

    private static ObjectValue State(bool effective, bool original) =>
        Obj(("restrictOwnersFromReadingKeys", Bool(effective)), ("originalValue", Bool(original)));

    private static ObjectValue Declared(bool restrict) => Obj(("restrictOwnersFromReadingKeys", Bool(restrict)));

    [Fact]
    public void The_token_and_the_only_id()
    {
        Assert.Equal("entradevices:index:BitLockerKeyRecoveryRestriction", Resource.Token);
        Assert.Equal("authorizationPolicy", Resource.Id);
    }

    [Fact]
    public void Diff_of_the_same_value_is_no_change()
    {
        Assert.False(Resource.Diff(State(true, false), Declared(true)).HasChanges);
    }

    [Fact]
    public void Diff_of_another_value_is_an_update_of_the_leaf()
    {
        var diff = Resource.Diff(State(false, false), Declared(true));

        Assert.Equal(PropertyChange.Update, Assert.Single(diff.Changes).Value);
        Assert.Equal("restrictOwnersFromReadingKeys", diff.Changes.Keys.Single());
    }

    [Fact]
    public void Diff_of_an_undeclared_value_is_no_change()
    {
        Assert.False(Resource.Diff(State(true, false), ObjectValue.Empty).HasChanges);
    }

    [Fact]
    public void Diff_of_an_unknown_value_is_an_update()
    {
        var diff = Resource.Diff(State(true, false), Obj(("restrictOwnersFromReadingKeys", PropertyValue.Unknown)));

        Assert.Equal(["restrictOwnersFromReadingKeys"], diff.Changes.Keys);
    }

    [Fact]
    public void Diff_against_a_state_without_the_value_is_an_add()
    {
        var diff = Resource.Diff(ObjectValue.Empty, Declared(false));

        Assert.Equal(PropertyChange.Add, diff.Changes["restrictOwnersFromReadingKeys"]);
    }

    [Fact]
    public void Preview_create_promises_a_declared_value_and_leaves_the_original_unknown()
    {
        var outputs = Resource.PreviewCreate(Declared(true));

        Assert.Equal(Bool(true), outputs.At("restrictOwnersFromReadingKeys"));
        Assert.Equal(PropertyValue.Unknown, outputs.At("originalValue"));
    }

    [Fact]
    public void Preview_create_of_an_undeclared_value_leaves_it_unknown()
    {
        var outputs = Resource.PreviewCreate(ObjectValue.Empty);

        Assert.Equal(PropertyValue.Unknown, outputs.At("restrictOwnersFromReadingKeys"));
        Assert.Equal(PropertyValue.Unknown, outputs.At("originalValue"));
    }

    [Fact]
    public void Preview_create_keeps_a_secret_input_secret()
    {
        var outputs = Resource.PreviewCreate(Obj(("restrictOwnersFromReadingKeys", new SecretValue(Bool(true)))));

        Assert.True(outputs.At("restrictOwnersFromReadingKeys")!.IsSecret);
    }

    [Fact]
    public void Preview_update_overlays_the_declared_value_and_keeps_the_original()
    {
        var outputs = Resource.PreviewUpdate(State(false, false), Declared(true));

        Assert.Equal(Bool(true), outputs.At("restrictOwnersFromReadingKeys"));
        Assert.Equal(Bool(false), outputs.At("originalValue"));
        Assert.Equal(2, outputs.Properties.Count);
    }

    [Fact]
    public void Schema_describes_every_property_and_requires_both_outputs()
    {
        var schema = Resource.Schema();

        Assert.False(string.IsNullOrWhiteSpace((string?)schema["description"]));
        var inputs = schema["inputProperties"]!.AsObject();
        var outputs = schema["properties"]!.AsObject();
        Assert.Equal(["restrictOwnersFromReadingKeys"], inputs.Select(p => p.Key));
        Assert.Equal(["originalValue", "restrictOwnersFromReadingKeys"], outputs.Select(p => p.Key).Order());
        Assert.All(inputs.Concat(outputs), property =>
        {
            Assert.Equal("boolean", (string?)property.Value!["type"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)property.Value!["description"]));
        });
        Assert.True(JsonNode.DeepEquals(new JsonArray("restrictOwnersFromReadingKeys", "originalValue"), schema["required"]));
        Assert.Contains("Policy.ReadWrite.Authorization", (string?)schema["description"]);
    }

    [Fact]
    public void The_graph_client_is_not_touched_without_a_graph_operation()
    {
        var calls = 0;
        var resource = new BitLockerKeyRecoveryRestrictionResource(() =>
        {
            calls++;
            return null!;
        });

        resource.Check(Declared(true));
        resource.Diff(State(false, false), Declared(true));
        resource.PreviewCreate(Declared(true));
        resource.PreviewUpdate(State(false, false), Declared(true));

        Assert.Equal(0, calls);
    }
}
