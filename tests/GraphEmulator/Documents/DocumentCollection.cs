using System.Globalization;
using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator.Documents;

/// <summary>
/// A Graph collection of objects with server-assigned ids, kept as JSON. A new object is missing from GETs for
/// <see cref="ReplicaLagReads"/> reads, as Intune's replicas lag behind a create (graph-autopilot-journey.md §0).
/// Thread-safe; every read hands out a deep clone.
/// </summary>
public sealed class DocumentCollection(Func<string> newId)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _documents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _hiddenReads = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many reads (by id or in a list) miss an object after its create.</summary>
    public int ReplicaLagReads { get; set; }

    public JsonObject Create(JsonObject document)
    {
        lock (_gate)
        {
            var id = newId();
            var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
            var stored = (JsonObject)document.DeepClone();
            stored["id"] = id;
            stored["createdDateTime"] = now;
            stored["lastModifiedDateTime"] = now;
            _documents[id] = stored;
            if (ReplicaLagReads > 0)
            {
                _hiddenReads[id] = ReplicaLagReads;
            }

            return (JsonObject)stored.DeepClone();
        }
    }

    /// <summary>The object, or null when it does not exist or is not visible yet (each miss counts down the lag).</summary>
    public JsonObject? Get(string id)
    {
        lock (_gate)
        {
            return _documents.TryGetValue(id, out var document) && Visible(id) ? (JsonObject)document.DeepClone() : null;
        }
    }

    /// <summary>The visible objects, in creation order.</summary>
    public IReadOnlyList<JsonObject> List()
    {
        lock (_gate)
        {
            return [.. _documents.Where(entry => Visible(entry.Key)).Select(entry => (JsonObject)entry.Value.DeepClone())];
        }
    }

    /// <summary>Merges <paramref name="changes"/> into the object (PATCH); false when there is none.</summary>
    public bool Patch(string id, JsonObject changes)
    {
        lock (_gate)
        {
            if (!_documents.TryGetValue(id, out var document))
            {
                return false;
            }

            foreach (var (name, value) in changes)
            {
                document[name] = value?.DeepClone();
            }

            document["lastModifiedDateTime"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
            return true;
        }
    }

    public bool Delete(string id)
    {
        lock (_gate)
        {
            _hiddenReads.Remove(id);
            return _documents.Remove(id);
        }
    }

    /// <summary>Stores an object as given (seeding a tenant); its id is the document's own.</summary>
    public void Seed(JsonObject document)
    {
        lock (_gate)
        {
            _documents[(string)document["id"]!] = (JsonObject)document.DeepClone();
        }
    }

    private bool Visible(string id)
    {
        if (!_hiddenReads.TryGetValue(id, out var remaining))
        {
            return true;
        }

        if (remaining <= 1)
        {
            _hiddenReads.Remove(id);
        }
        else
        {
            _hiddenReads[id] = remaining - 1;
        }

        return false;
    }
}
