using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Tests.Lifecycle;

/// <summary>
/// What every set resource does (a set of items a file declares), written once: each set resource's tests derive from
/// this with their own fixtures (a file of given items, the tenant's items, a way to delete one outside Pulumi).
/// </summary>
public abstract class SetContract : ResourceHarness, IDisposable
{
    /// <summary>Four item keys the fixtures can declare; the contract uses subsets of them.</summary>
    protected abstract string[] Keys { get; }

    /// <summary>The output that maps each item's key to what state records, and the one of failures.</summary>
    protected abstract string ItemsOutput { get; }

    protected abstract string FailedOutput { get; }

    /// <summary>The tenant's collection of these items, and the field that holds an item's key (its serial number, its identifier).</summary>
    protected abstract (string Collection, string KeyField) TenantItems { get; }

    /// <summary>The lines of a file declaring <paramref name="keys"/> (its header first, where the file has one).</summary>
    protected abstract IEnumerable<string> Lines(IEnumerable<string> keys);

    /// <summary>The program's folder, where the files are written: relative paths are read from it.</summary>
    protected ProjectDirectories Directories { get; } = new();

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"entradevices-set-{Guid.NewGuid():N}");
    private int _files;

    protected SetContract()
    {
        Directory.CreateDirectory(_folder);
        Directories.StartIn(_folder);
    }

    /// <summary>Removes the program's folder with the files the test wrote.</summary>
    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Inputs declaring exactly <paramref name="keys"/> in a new file; <paramref name="deleteRemoved"/>: items removed from the file are deleted.</summary>
    protected ObjectValue Declaring(IEnumerable<string> keys, bool deleteRemoved = false)
    {
        var name = $"set-{++_files}.csv";
        File.WriteAllText(Path.Combine(_folder, name), string.Join("\r\n", Lines(keys)) + "\r\n");
        var inputs = ObjectValue.Of(("csv", new AssetValue($"hash-{name}", Path: name)));
        return deleteRemoved ? inputs.With("whenRemoved", new StringValue("delete")) : inputs;
    }

    /// <summary>The items of this kind the tenant holds, by key.</summary>
    protected IReadOnlySet<string> InTenant() =>
        Items().Select(i => (string)i[TenantItems.KeyField]!).ToHashSet(StringComparer.OrdinalIgnoreCase);

    protected void DeleteOutside(string key)
    {
        foreach (var item in Items().Where(i => string.Equals((string?)i[TenantItems.KeyField], key, StringComparison.OrdinalIgnoreCase)))
        {
            Emulator.Tenant.Collection(TenantItems.Collection).Delete((string)item["id"]!);
        }
    }

    /// <summary>Hides an item from the next <paramref name="reads"/> reads, as a lagging replica does.</summary>
    protected void Lag(string key, int reads) =>
        Emulator.Tenant.Collection(TenantItems.Collection).HideFor((string)Items().Single(i => (string?)i[TenantItems.KeyField] == key)["id"]!, reads);

    private IReadOnlyList<System.Text.Json.Nodes.JsonObject> Items() => Emulator.Tenant.Collection(TenantItems.Collection).List();

    /// <summary>Makes the next request that adds items refuse them (a 400 from Graph).</summary>
    protected abstract void RefuseNextAdd();

    /// <summary>The id <c>pulumi import</c> takes to adopt exactly <paramref name="keys"/>.</summary>
    protected abstract string ImportId(IEnumerable<string> keys);

    private IEnumerable<string> Writes => Emulator.Requests.Where(r => r.Method != "GET" && !r.Path.Contains("search", StringComparison.OrdinalIgnoreCase)).Select(r => r.Method);

    private static IReadOnlySet<string> Recorded(ObjectValue outputs, string name) =>
        outputs.At(name)?.Plain is ObjectValue map ? map.Properties.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase) : new HashSet<string>();

    private static void AssertSame(IEnumerable<string> expected, IEnumerable<string> actual, string because) =>
        Assert.True(expected.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(actual), $"{because}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");

    [Fact]
    public async Task Preview_of_a_create_calls_no_graph_and_says_what_it_will_add()
    {
        var notes = new List<string>();
        var preview = await Resource().CreateAsync(new ResourceCreate("urn", Checked(Declaring(Keys[..3])), true),
            new Operation(default, note: note => { notes.Add(note); return Task.CompletedTask; }));

        Assert.Empty(Emulator.Requests);
        Assert.Equal("", preview.Id);
        var note = Assert.Single(notes);
        Assert.All(Keys[..3], key => Assert.Contains(key, note, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Up_adds_every_item_records_each_and_a_second_preview_shows_no_change()
    {
        var created = await CreateAsync(Resource(), Checked(Declaring(Keys[..3])));

        AssertSame(Keys[..3], InTenant(), "the tenant");
        AssertSame(Keys[..3], Recorded(created.Outputs, ItemsOutput), "the state");
        Assert.False(Diff(created.Outputs, Checked(Declaring(Keys[..3]))).HasChanges);
    }

    [Fact]
    public async Task A_change_of_the_file_is_previewed_one_item_per_line_with_no_graph_call()
    {
        var state = (await CreateAsync(Resource(), Checked(Declaring(Keys[..3])))).Outputs;
        Emulator.ClearRequests();

        var diff = Diff(state, Checked(Declaring(Keys[1..4])));

        Assert.Equal(PropertyChange.Delete, Assert.Single(diff.Changes, c => c.Key.Contains(Keys[0], StringComparison.Ordinal)).Value);
        Assert.Equal(PropertyChange.Add, Assert.Single(diff.Changes, c => c.Key.Contains(Keys[3], StringComparison.Ordinal)).Value);
        Assert.Equal(2, diff.Changes.Count);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task Items_graph_refuses_are_recorded_as_failed_the_others_stay_and_the_next_up_retries_only_those()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, Checked(Declaring(Keys[..2])));
        RefuseNextAdd();

        var partly = await Assert.ThrowsAsync<PartialFailure>(() => UpdateAsync(resource, created.Id, created.Outputs, Checked(Declaring(Keys[..3]))));

        AssertSame(Keys[..2], Recorded(partly.Outputs, ItemsOutput), "the recorded items");
        AssertSame([Keys[2]], Recorded(partly.Outputs, FailedOutput), "the recorded failures");
        Assert.Contains(Keys[2], partly.Message);
        var retried = await UpdateAsync(resource, created.Id, partly.Outputs, Checked(Declaring(Keys[..3])));
        AssertSame(Keys[..3], InTenant(), "the tenant after the retry");
        AssertSame(Keys[..3], Recorded(retried, ItemsOutput), "the state after the retry");
        Assert.Empty(Recorded(retried, FailedOutput));
    }

    [Fact]
    public async Task Refresh_drops_an_item_deleted_outside_pulumi_and_waits_out_replica_lag_before_it_believes_one_gone()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, Checked(Declaring(Keys[..3])));
        Emulator.ClearRequests();
        DeleteOutside(Keys[0]);
        Lag(Keys[1], 2);

        var read = await ReadAsync(resource, created.Id, created.Outputs, Checked(Declaring(Keys[..3])));

        AssertSame(Keys[1..3], Recorded(read.Outputs, ItemsOutput), "the refreshed state");
        Assert.Empty(Writes);
        var diff = Diff(read.Outputs, Checked(Declaring(Keys[..3])));
        Assert.Equal(PropertyChange.Add, Assert.Single(diff.Changes).Value);
    }

    [Fact]
    public async Task Import_declares_what_the_tenant_holds()
    {
        await CreateAsync(Resource(), Checked(Declaring(Keys[..3])));

        var read = await ReadAsync(Resource(), ImportId(Keys[..3]), ObjectValue.Empty, ObjectValue.Empty);

        AssertSame(Keys[..3], Recorded(read.Outputs, ItemsOutput), "the imported state");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_item_removed_from_the_file_is_kept_or_deleted_as_when_removed_says_and_leaves_state_either_way(bool delete)
    {
        var resource = Resource();
        var created = await CreateAsync(resource, Checked(Declaring(Keys[..3], delete)));

        var updated = await UpdateAsync(resource, created.Id, created.Outputs, Checked(Declaring(Keys[1..3], delete)));

        AssertSame(Keys[1..3], Recorded(updated, ItemsOutput), "the state");
        AssertSame(delete ? Keys[1..3] : Keys[..3], InTenant(), "the tenant");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Destroy_deletes_the_items_only_when_the_program_says_so(bool delete)
    {
        var resource = Resource();
        var inputs = Checked(Declaring(Keys[..3], delete));
        var created = await CreateAsync(resource, inputs);

        await DeleteAsync(resource, created.Id, created.Outputs, inputs);

        AssertSame(delete ? [] : Keys[..3], InTenant(), "the tenant after destroy");
    }

    /// <summary>
    /// A fault of <paramref name="kind"/> at each request of the operation in turn: the answer is truthful (done means the
    /// tenant holds exactly what is declared, nothing changed means nothing changed, a recorded failure records only what
    /// the tenant holds), and the next run, as the engine makes it from what it recorded, converges.
    /// </summary>
    [Theory]
    [MemberData(nameof(FaultMatrix))]
    public async Task A_fault_at_each_request_of_each_write_is_answered_truthfully_and_the_next_run_converges(string operation, string kind)
    {
        var before = operation == "create" ? Array.Empty<string>() : Keys[..3];
        var after = operation switch { "create" => Keys[..3], "update" => Keys[1..4], _ => Array.Empty<string>() };

        async Task<(CreateResult? Made, Outcome Outcome, IReadOnlySet<string> Before)> Attempt(Fault? fault)
        {
            foreach (var key in InTenant())
            {
                DeleteOutside(key);
            }

            var made = operation == "create" ? null : await CreateAsync(Resource(), Checked(Declaring(before, deleteRemoved: true)));
            var tenantBefore = InTenant();
            var resource = Resource(requestTimeout: NeedsShortTimeout(kind) ? ShortTimeout : null);
            Emulator.ClearRequests();
            if (fault is not null)
            {
                Emulator.InjectFault(fault);
            }

            var outcome = await Run(async () =>
            {
                switch (operation)
                {
                    case "create":
                        var created = await CreateAsync(resource, Checked(Declaring(after, deleteRemoved: true)));
                        return (created.Id, created.Outputs);
                    case "update":
                        return (made!.Id, await UpdateAsync(resource, made.Id, made.Outputs, Checked(Declaring(after, deleteRemoved: true))));
                    default:
                        await DeleteAsync(resource, made!.Id, made.Outputs, Checked(Declaring(before, deleteRemoved: true)));
                        return (null, null);
                }
            });
            return (made, outcome, tenantBefore);
        }

        await Attempt(null);
        var requests = Emulator.Requests.Count;
        Assert.True(requests > 0);
        for (var at = 0; at < requests; at++)
        {
            var (made, outcome, tenantBefore) = await Attempt(FaultKinds[kind](at));
            var where = $"{operation}, {kind} at request {at + 1} of {requests}: {outcome}";
            var tenant = InTenant();
            switch (outcome.Kind)
            {
                case "done":
                    AssertSame(after, tenant, $"{where}; done");
                    break;
                case "clean":
                    AssertSame(tenantBefore, tenant, $"{where}; 'nothing changed'");
                    break;
                case "partial":
                    Assert.True(Recorded(outcome.Recorded!, ItemsOutput).All(tenant.Contains), $"{where}; it recorded an item the tenant does not hold");
                    break;
                default:
                    Assert.Matches("pulumi (refresh|up|destroy|import)", outcome.Error!.Message);
                    break;
            }

            // The next run, as the engine makes it from what it recorded.
            var resource = Resource();
            switch (operation)
            {
                case "create" when outcome.Id is null:
                    await CreateAsync(resource, Checked(Declaring(after, deleteRemoved: true)));
                    break;
                case "create":
                    await UpdateAsync(resource, outcome.Id, outcome.Recorded!, Checked(Declaring(after, deleteRemoved: true)));
                    break;
                case "update":
                    await UpdateAsync(resource, made!.Id, outcome.Recorded ?? made.Outputs, Checked(Declaring(after, deleteRemoved: true)));
                    break;
                default:
                    if (outcome.Kind != "done")
                    {
                        await DeleteAsync(resource, made!.Id, made.Outputs, Checked(Declaring(before, deleteRemoved: true)));
                    }

                    break;
            }

            AssertSame(after, InTenant(), $"{where}; after the next run");
        }
    }
}
