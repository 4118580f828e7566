namespace EntraDevices.Provider.Lifecycle.Sets;

/// <summary>A recorded item: its key and the line state holds for it.</summary>
internal sealed record RecordedItem(string Key, string Line);

/// <summary>An item in the file and in state whose declaration changed: its row now, and what state recorded.</summary>
internal sealed record ChangedItem<TRow>(TRow Now, RecordedItem Before);

/// <summary>
/// What an apply must do to bring the tenant from the recorded items to the file's, by key: add the new (and those that
/// failed before), change those whose declaration changed, and handle the removed as the program declares. Pure.
/// </summary>
internal sealed record SetPlan<TRow>(IReadOnlyList<TRow> Added, IReadOnlyList<ChangedItem<TRow>> Changed, IReadOnlyList<RecordedItem> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;

    /// <summary>Items that failed before and are no longer in the file: their failure is no longer news.</summary>
    public IReadOnlyList<string> FailuresGone { get; init; } = [];

    /// <summary>How many of <see cref="Added"/> failed before: the retries.</summary>
    public int Retried { get; init; }

    /// <param name="same">Whether a recorded line still holds the row as declared.</param>
    public static SetPlan<TRow> Compare(SetLedger ledger, IEnumerable<TRow> rows, Func<TRow, string> keyOf, Func<string, TRow, bool> same)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        List<TRow> added = [];
        List<ChangedItem<TRow>> changed = [];
        foreach (var row in rows)
        {
            var key = keyOf(row);
            seen.Add(key);
            if (!ledger.Items.TryGetValue(key, out var line))
            {
                added.Add(row);
            }
            else if (!same(line, row))
            {
                changed.Add(new ChangedItem<TRow>(row, new RecordedItem(key, line)));
            }
        }

        return new SetPlan<TRow>(added, changed, [.. ledger.Items.Where(i => !seen.Contains(i.Key)).Select(i => new RecordedItem(i.Key, i.Value))])
        {
            FailuresGone = [.. ledger.Failed.Keys.Where(key => !seen.Contains(key))],
            Retried = added.Count(row => ledger.Failed.ContainsKey(keyOf(row))),
        };
    }

    /// <summary>The preview's summary: counts, and which keys (the first few of each).</summary>
    public string Summary(Func<TRow, string> keyOf, string changedWhat, int listed = 10)
    {
        static string Which(IEnumerable<string> keys, int listed)
        {
            var all = keys.ToList();
            return all.Count == 0 ? "" : $" ({string.Join(", ", all.Take(listed))}{(all.Count > listed ? $", and {all.Count - listed} more" : "")})";
        }

        return $"{Added.Count} to add{Which(Added.Select(keyOf), listed)}, {Changed.Count} {changedWhat}{Which(Changed.Select(c => c.Before.Key), listed)}, "
            + $"{Removed.Count} removed from the file{Which(Removed.Select(r => r.Key), listed)}{(Retried > 0 ? $"; {Retried} of those to add failed before and are retried" : "")}";
    }
}
