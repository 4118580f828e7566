using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator.Documents;

namespace EntraDevices.Graph.Tests.Emulator;

/// <summary>The emulator's store for Graph collections: ids, relations ($ref), asynchronous progress, replica lag.</summary>
public class DocumentCollectionTests
{
    private static DocumentCollection Collection() => new(() => Guid.NewGuid().ToString());

    [Fact]
    public void Relations_are_added_once_listed_in_order_and_removed()
    {
        var collection = Collection();
        var id = (string)collection.Create(new JsonObject())["id"]!;

        Assert.True(collection.Relate(id, "includedGroups", "g1"));
        Assert.True(collection.Relate(id, "includedGroups", "g2"));
        Assert.False(collection.Relate(id, "includedGroups", "G1"));
        Assert.True(collection.Unrelate(id, "includedGroups", "g1"));
        Assert.False(collection.Unrelate(id, "includedGroups", "g1"));

        Assert.Equal(["g2"], collection.RelatedIds(id, "includedGroups"));
        Assert.False(collection.Relate("missing", "includedGroups", "g1"));
    }

    [Fact]
    public void Asynchronous_work_moves_one_step_per_read_and_then_stays()
    {
        var collection = Collection();
        var id = (string)collection.Create(new JsonObject { ["state"] = new JsonObject { ["deviceImportStatus"] = "unknown" } })["id"]!;
        collection.Progress(id, "state.deviceImportStatus", "pending", "pending", "complete");

        var seen = Enumerable.Range(0, 4).Select(_ => (string?)collection.Get(id)!["state"]!["deviceImportStatus"]).ToList();

        Assert.Equal(["pending", "pending", "complete", "complete"], seen);
    }

    [Fact]
    public void Deleting_an_object_drops_its_relations_and_progress()
    {
        var collection = Collection();
        var id = (string)collection.Create(new JsonObject())["id"]!;
        collection.Relate(id, "includedGroups", "g1");

        collection.Delete(id);

        Assert.Empty(collection.RelatedIds(id, "includedGroups"));
        Assert.Null(collection.Get(id));
    }

    [Fact]
    public void Replica_lag_hides_a_new_object_from_gets_and_lists_for_that_many_reads()
    {
        var collection = Collection();
        collection.ReplicaLagReads = 2;
        var id = (string)collection.Create(new JsonObject())["id"]!;

        Assert.Null(collection.Get(id));
        Assert.Empty(collection.List());
        Assert.NotNull(collection.Get(id));
    }
}
