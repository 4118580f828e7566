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
    private readonly Dictionary<(string Id, string Relation), List<string>> _relations = [];
    private readonly Dictionary<string, Queue<(string Path, JsonNode? Value)>> _progress = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many reads (by id or in a list) miss an object after its create.</summary>
    public int ReplicaLagReads { get; set; }

    public JsonObject Create(JsonObject document)
    {
        lock (_gate)
        {
            var id = newId();
            var now = Now();
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

    /// <summary>
    /// The object, or null when it does not exist or is not visible yet (each miss counts down the lag). Each read of
    /// an object with queued progress moves it one step on, as Graph's asynchronous work does.
    /// </summary>
    public JsonObject? Get(string id)
    {
        lock (_gate)
        {
            if (!_documents.TryGetValue(id, out var document) || !Visible(id))
            {
                return null;
            }

            if (_progress.TryGetValue(id, out var steps) && steps.TryDequeue(out var step))
            {
                Set(document, step.Path, step.Value);
            }

            return (JsonObject)document.DeepClone();
        }
    }

    /// <summary>
    /// Asynchronous work: the next reads of the object show <paramref name="values"/> at <paramref name="path"/>
    /// (e.g. <c>state.deviceImportStatus</c>: pending, pending, complete), one per read; the last one stays.
    /// </summary>
    public void Progress(string id, string path, params JsonNode?[] values)
    {
        lock (_gate)
        {
            _progress[id] = new Queue<(string, JsonNode?)>(values.Select(value => (path, value?.DeepClone())));
        }
    }

    /// <summary>Adds a relation (<c>POST …/{relation}/$ref</c>); false when the object does not exist or holds it already.</summary>
    public bool Relate(string id, string relation, string targetId)
    {
        lock (_gate)
        {
            if (!_documents.ContainsKey(id))
            {
                return false;
            }

            var related = Related(id, relation, create: true);
            if (related.Contains(targetId, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            related.Add(targetId);
            return true;
        }
    }

    /// <summary>Removes a relation (<c>DELETE …/{relation}/{targetId}/$ref</c>); false when it was not there.</summary>
    public bool Unrelate(string id, string relation, string targetId)
    {
        lock (_gate)
        {
            return Related(id, relation, create: false).RemoveAll(t => string.Equals(t, targetId, StringComparison.OrdinalIgnoreCase)) > 0;
        }
    }

    /// <summary>The ids an object relates to, in the order they were added.</summary>
    public IReadOnlyList<string> RelatedIds(string id, string relation)
    {
        lock (_gate)
        {
            return [.. Related(id, relation, create: false)];
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

            document["lastModifiedDateTime"] = Now();
            return true;
        }
    }

    public bool Delete(string id)
    {
        lock (_gate)
        {
            _hiddenReads.Remove(id);
            _progress.Remove(id);
            foreach (var key in _relations.Keys.Where(key => string.Equals(key.Id, id, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                _relations.Remove(key);
            }

            return _documents.Remove(id);
        }
    }

    /// <summary>Hides an object from the next <paramref name="reads"/> reads, as a create's replica lag does.</summary>
    public void HideFor(string id, int reads)
    {
        lock (_gate)
        {
            if (reads > 0)
            {
                _hiddenReads[id] = reads;
            }
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

    // Graph's timestamps: UTC, seven fractional digits.
    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private List<string> Related(string id, string relation, bool create)
    {
        if (!_relations.TryGetValue((id, relation), out var related))
        {
            related = [];
            if (create)
            {
                _relations[(id, relation)] = related;
            }
        }

        return related;
    }

    private static void Set(JsonObject document, string path, JsonNode? value)
    {
        var steps = path.Split('.');
        var parent = document;
        foreach (var step in steps[..^1])
        {
            parent = parent[step] as JsonObject ?? (JsonObject)(parent[step] = new JsonObject());
        }

        parent[steps[^1]] = value;
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
