namespace EntraDevices.Provider.Lifecycle.Sets;

/// <summary>
/// The ledger of one apply as it goes: each step records only what it saw happen, so whatever stops the apply, the
/// state written is the truth: items in, items that failed (and why), work left for later runs, and whatever could
/// not be known.
/// </summary>
internal sealed class SetWork<TItem>(SetLedger<TItem> before)
{
    private readonly Dictionary<string, TItem> _items = new(before.Items, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _failed = new(before.Failed, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _tallies = new(before.Tallies, StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _problems = [];
    private readonly List<string> _unknown = [];

    public IReadOnlyDictionary<string, TItem> Items => _items;

    public IReadOnlyDictionary<string, string> Failed => _failed;

    /// <summary>Work left for later runs, by key.</summary>
    public IReadOnlyDictionary<string, int> Tallies => _tallies;

    /// <summary>What went wrong beyond single items (a refused call), in sentences.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>What could not be known (a lost answer with no way to read back), in sentences.</summary>
    public IReadOnlyList<string> Unknowns => _unknown;

    /// <summary>Items this apply added to the tenant.</summary>
    public int Added { get; set; }

    /// <summary>Items this apply changed or deleted in the tenant.</summary>
    public int Changed { get; set; }

    public void Record(string key, TItem item)
    {
        _items[key] = item;
        _failed.Remove(key);
    }

    public void Forget(string key) => _items.Remove(key);

    /// <summary>An item is not in the tenant as declared; the next run retries it.</summary>
    public void ItemFailed(string key, string reason)
    {
        _items.Remove(key);
        _failed[key] = reason;
    }

    /// <summary>An item the file no longer holds: its old failure is no longer news.</summary>
    public void ForgetFailure(string key) => _failed.Remove(key);

    /// <summary>How much work of <paramref name="key"/> is left now (none: it is forgotten).</summary>
    public void Tally(string key, int count)
    {
        if (count > 0)
        {
            _tallies[key] = count;
        }
        else
        {
            _tallies.Remove(key);
        }
    }

    public void Fail(string problem) => _problems.Add(problem);

    public void Unknown(string problem) => _unknown.Add(problem);

    public SetLedger<TItem> Ledger => new(_items, _failed) { Tallies = _tallies };
}
