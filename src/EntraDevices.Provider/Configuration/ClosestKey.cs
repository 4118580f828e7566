namespace EntraDevices.Provider.Configuration;

/// <summary>"Did you mean …?" for a misspelled key: the known key fewest single-letter edits away, when it is close.</summary>
internal static class ClosestKey
{
    public static string? To(string key, IEnumerable<string> known)
    {
        var lower = key.ToLowerInvariant();
        var (best, edits) = known.Select(candidate => (candidate, edits: Edits(lower, candidate.ToLowerInvariant()))).MinBy(pair => pair.edits);
        return best is not null && edits <= Math.Max(2, best.Length / 3) ? best : null;
    }

    private static int Edits(string from, string to)
    {
        var row = Enumerable.Range(0, to.Length + 1).ToArray();
        foreach (var letter in from)
        {
            var diagonal = row[0]++;
            for (var j = 1; j <= to.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j - 1], above) + 1, diagonal + (letter == to[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[to.Length];
    }
}
