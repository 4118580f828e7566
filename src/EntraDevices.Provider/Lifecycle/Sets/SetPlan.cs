namespace EntraDevices.Provider.Lifecycle.Sets;

/// <summary>A recorded item: its key and what state holds of it.</summary>
internal sealed record RecordedItem<TItem>(string Key, TItem Item);

/// <summary>An item in the file and in state whose declaration changed (or whose work is unfinished): its row now, and what state recorded.</summary>
internal sealed record ChangedItem<TRow, TItem>(TRow Now, TItem Before);

/// <summary>
/// What an apply must do to bring the tenant from the recorded items to the file's, by key: add the new (and those that
/// failed before), change those whose declaration changed, and handle the removed as the program declares. Pure.
/// </summary>
internal sealed record SetPlan<TRow, TItem>(IReadOnlyList<TRow> Added, IReadOnlyList<ChangedItem<TRow, TItem>> Changed, IReadOnlyList<RecordedItem<TItem>> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;

    /// <summary>Items that failed before and are no longer in the file: their failure is no longer news.</summary>
    public IReadOnlyList<string> FailuresGone { get; init; } = [];

    /// <summary>How many of <see cref="Added"/> failed before: the retries.</summary>
    public int Retried { get; init; }

    /// <param name="same">Whether a recorded item still holds the row as declared, its work finished.</param>
    public static SetPlan<TRow, TItem> Compare(
        IReadOnlyDictionary<string, TItem> recorded, IEnumerable<TRow> rows, Func<TRow, string> keyOf, Func<TItem, TRow, bool> same,
        IReadOnlyDictionary<string, string>? failed = null)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        List<TRow> added = [];
        List<ChangedItem<TRow, TItem>> changed = [];
        foreach (var row in rows)
        {
            var key = keyOf(row);
            seen.Add(key);
            if (!recorded.TryGetValue(key, out var item))
            {
                added.Add(row);
            }
            else if (!same(item, row))
            {
                changed.Add(new ChangedItem<TRow, TItem>(row, item));
            }
        }

        return new SetPlan<TRow, TItem>(added, changed, [.. recorded.Where(i => !seen.Contains(i.Key)).Select(i => new RecordedItem<TItem>(i.Key, i.Value))])
        {
            FailuresGone = [.. (failed?.Keys ?? []).Where(key => !seen.Contains(key))],
            Retried = failed is null ? 0 : added.Count(row => failed.ContainsKey(keyOf(row))),
        };
    }
}
