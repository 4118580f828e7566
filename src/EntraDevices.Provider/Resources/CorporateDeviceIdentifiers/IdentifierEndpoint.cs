using EntraDevices.Graph;
using EntraDevices.Graph.CorporateIdentifiers;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Lifecycle.Sets;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Resources.CorporateDeviceIdentifiers;

/// <summary>
/// How corporate identifiers are read and written: imported in calls of 500 without overwriting; an identity Intune did
/// not take (<c>status</c> false: a duplicate, say) or whose answer was lost is looked up with a search, waiting out
/// replica lag, and recorded when the tenant holds it; removed one DELETE at a time, a lost answer judged by a re-read.
/// </summary>
internal sealed class IdentifierEndpoint(CorporateIdentifierClient client, Consistency consistency) : ISetEndpoint<IdentifierRow, string>
{
    public async Task ApplyAsync(SetWork<string> work, SetPlan<IdentifierRow, string> plan, ObjectValue inputs, TimeSpan elapsed, Operation operation)
    {
        var keys = plan.Added.Select(row => row.Identifier).ToList();
        if (keys.Count > 0 && work.Items.Count == 0)
        {
            await TellIfFirstAsync(operation);
        }

        // Why each is not confirmed, and whether a search that does not find it says more (after a lost answer it does).
        var unconfirmed = new Dictionary<string, (string Reason, bool Lost)>(StringComparer.OrdinalIgnoreCase);
        var done = 0;
        foreach (var chunk in keys.Chunk(CorporateIdentifierClient.PerCall))
        {
            await operation.StatusAsync($"importing corporate identifiers: {done} of {keys.Count} sent");
            try
            {
                var results = await client.ImportAsync(chunk, operation.Token);
                var byIdentifier = results.GroupBy(r => r.Identifier, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
                foreach (var key in chunk)
                {
                    if (byIdentifier.TryGetValue(key, out var result) && result is { Imported: true, Id: { Length: > 0 } id })
                    {
                        work.Record(key, id);
                        work.Added++;
                    }
                    else
                    {
                        unconfirmed[key] = ("Intune did not import it (status false)", false);
                    }
                }
            }
            catch (GraphRequestException refused) when (!refused.OutcomeUnknown)
            {
                foreach (var key in chunk)
                {
                    work.ItemFailed(key, $"Graph refused the import: {refused.Message.TrimEnd('.')}");
                }
            }
            catch (Exception lost) when (GraphFailures.StepFailed(lost))
            {
                foreach (var key in chunk)
                {
                    unconfirmed[key] = ($"the import's answer was lost ({lost.Message.TrimEnd('.')})", true);
                }
            }

            done += chunk.Length;
        }

        if (unconfirmed.Count > 0)
        {
            await ConfirmAsync(work, unconfirmed, operation);
        }
    }

    /// <summary>Before the first import of a stack: the tenant's first Windows identifier changes how other devices are classified, so it is said.</summary>
    private async Task TellIfFirstAsync(Operation operation)
    {
        try
        {
            if ((await client.ListAsync(operation.Token)).Count == 0)
            {
                await operation.NoteAsync("The tenant holds no Windows corporate identifier yet: from this import on, a Windows device that enrolls through "
                    + "Microsoft Entra join and matches no identifier is marked personal (devices already enrolled keep their ownership).");
            }
        }
        catch (Exception error) when (GraphFailures.StepFailed(error))
        {
            // Only a note depends on it; the import goes on.
        }
    }

    /// <summary>Looks up what an import did not confirm: found (a duplicate, or applied behind a lost answer) is recorded, the rest failed.</summary>
    private async Task ConfirmAsync(SetWork<string> work, Dictionary<string, (string Reason, bool Lost)> unconfirmed, Operation operation)
    {
        await operation.StatusAsync($"looking up {unconfirmed.Count} corporate identifier(s) the import did not confirm");
        IReadOnlyList<CorporateIdentifier> found;
        try
        {
            found = await consistency.ReadUntilAsync(token => client.SearchAsync([.. unconfirmed.Keys], token),
                answer => answer.Count < unconfirmed.Count ? $"{unconfirmed.Count - answer.Count} identifier(s) not found yet" : null, operation.Token, operation.StatusAsync);
        }
        catch (Exception error) when (GraphFailures.StepFailed(error))
        {
            foreach (var (key, (reason, _)) in unconfirmed)
            {
                work.ItemFailed(key, $"{reason}; looking it up failed too");
            }

            work.Unknown($"Whether {unconfirmed.Count} corporate identifier(s) are in the tenant is not known: the search after the import failed "
                + $"({error.Message.TrimEnd('.')}). They are recorded as failed; `pulumi up` imports them again and records those the tenant already holds.");
            return;
        }

        var ids = IdsByIdentifier(found);
        foreach (var (key, (reason, lost)) in unconfirmed)
        {
            if (ids.TryGetValue(key, out var id))
            {
                work.Record(key, id);
            }
            else
            {
                work.ItemFailed(key, lost ? $"{reason} and a search did not find it" : reason);
            }
        }
    }

    public async Task RemoveAsync(SetWork<string> work, IReadOnlyList<RecordedItem<string>> items, Operation operation)
    {
        var done = 0;
        foreach (var item in items)
        {
            await operation.StatusAsync($"deleting corporate identifiers: {done++} of {items.Count}");
            try
            {
                await client.DeleteAsync(item.Item, operation.Token);
                work.Forget(item.Key);
                work.Changed++;
            }
            catch (Exception error) when (GraphFailures.StepFailed(error))
            {
                // Gone is known only from a read: the list no longer holds it.
                var still = await StillThereAsync(item, operation);
                if (still == false)
                {
                    work.Forget(item.Key);
                    work.Changed++;
                }
                else if (still is null)
                {
                    work.Unknown($"Whether corporate identifier {item.Key} was deleted is not known ({error.Message.TrimEnd('.')}; reading it back failed too). "
                        + "It stays recorded; `pulumi up` deletes it again if it is there.");
                }
                else
                {
                    work.Fail($"Corporate identifier {item.Key} was not deleted: {error.Message.TrimEnd('.')}. It stays recorded; run `pulumi up` again to delete it.");
                }
            }
        }
    }

    private async Task<bool?> StillThereAsync(RecordedItem<string> item, Operation operation)
    {
        try
        {
            return (await client.ListAsync(operation.Token)).Any(i => i.Id == item.Item);
        }
        catch (Exception error) when (GraphFailures.StepFailed(error))
        {
            return null;
        }
    }

    public async Task RefreshAsync(SetWork<string> work, Operation operation)
    {
        // A recorded identifier missing from the list is believed gone only after replica lag is waited out.
        var listed = await consistency.ReadUntilAsync(token => client.ListAsync(token),
            all => all.Select(i => i.Id).ToHashSet(StringComparer.OrdinalIgnoreCase) is var listedIds && work.Items.Values.Count(id => !listedIds.Contains(id)) is var missing and > 0
                ? $"{missing} recorded identifier(s) not listed" : null,
            operation.Token, operation.StatusAsync);
        var byId = listed.ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase);
        var byText = IdsByIdentifier(listed);
        foreach (var (key, id) in work.Items.ToList())
        {
            if (byId.ContainsKey(id))
            {
                continue;
            }

            // Deleted outside Pulumi, or deleted and imported again by hand (a new id).
            if (byText.TryGetValue(key, out var other))
            {
                work.Record(key, other);
            }
            else
            {
                work.Forget(key);
            }
        }
    }

    /// <summary>
    /// The identifiers <c>pulumi import</c> names: <c>all</c> (every Windows identifier of the tenant) or
    /// <c>serials:SN1,SN2</c> (those with these serial numbers). Recorded with <c>whenRemoved: keep</c>; a program that
    /// declares <c>delete</c> sees, in its next preview, one deletion line per adopted identifier its file lacks.
    /// </summary>
    public async Task<(SetLedger<string> Ledger, ObjectValue Inputs)> ImportAsync(string id, Operation operation)
    {
        const string Accepted = "accepted: all (every Windows corporate identifier of the tenant) or serials:SN1,SN2 (those with these serial numbers)";
        HashSet<string>? serials = id == "all" ? null
            : id.StartsWith(BySerials, StringComparison.Ordinal) && id[BySerials.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } named
                ? new HashSet<string>(named, StringComparer.OrdinalIgnoreCase)
                : throw new CleanFailure(CleanFailureReason.InvalidInput, $"The import id '{id}' is not one this resource takes; {Accepted}. Nothing was imported.");
        var all = await client.ListAsync(operation.Token);
        var chosen = all.Where(i => serials is null || serials.Contains(SerialOf(i))).ToList();
        if (serials?.Except(chosen.Select(SerialOf), StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } missing)
        {
            throw new CleanFailure(CleanFailureReason.InvalidInput, $"No corporate identifier in the tenant has the serial number {string.Join(", ", missing)}; nothing was imported.");
        }

        var ledger = new SetLedger<string>(IdsByIdentifier(chosen), new Dictionary<string, string>());
        return (ledger, ObjectValue.Of((IdentifierProperties.WhenRemoved, new StringValue(IdentifierProperties.Keep))));
    }

    private const string BySerials = "serials:";

    /// <summary>Each identifier's id, whatever the case of its text (the first of any the tenant holds twice).</summary>
    private static Dictionary<string, string> IdsByIdentifier(IEnumerable<CorporateIdentifier> identifiers) =>
        identifiers.GroupBy(i => i.Identifier, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The serial number of a <c>manufacturer,model,serial</c> identifier: its last part.</summary>
    private static string SerialOf(CorporateIdentifier identifier) => identifier.Identifier.Split(',')[^1].Trim();
}
