using EntraDevices.Graph.Connection;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources;
using EntraDevices.Provider.Values;
using EmulatorHost = EntraDevices.GraphEmulator.GraphEmulator;

namespace EntraDevices.Provider.Tests.Lifecycle;

/// <summary>
/// One resource of the catalog against an in-process Graph emulator, called as the gRPC adapter calls it, with
/// terse helpers for the engine's calls. Contract tests and each resource's own tests build on it.
/// </summary>
public abstract class ResourceHarness : IAsyncLifetime
{
    protected EmulatorHost Emulator { get; private set; } = null!;

    /// <summary>The permissions of the token the provider signs in with: application permissions unless <see cref="Token"/> says otherwise.</summary>
    protected string[] Roles { get; set; } = [];

    protected abstract string TypeToken { get; }

    protected string Urn => $"urn:pulumi:test::entra-device-settings::{TypeToken}::under-test";

    protected virtual EmulatorOptions EmulatorOptions => new();

    protected IEnumerable<string> Calls => Emulator.Requests.Select(r => r.Method);

    public virtual async Task InitializeAsync() => Emulator = await EmulatorHost.StartAsync(EmulatorOptions);

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    /// <summary>A fresh resource signed in with <paramref name="token"/>, or <see cref="Token"/>, as the catalog builds it.</summary>
    protected IResource Resource(string? token = null, string? requestTimeout = null)
    {
        var connection = GraphConnection.Open(
            new ConnectionSettings { AccessToken = token ?? Token(), GraphEndpoint = Emulator.BaseUrl, RequestTimeout = requestTimeout },
            new GraphTuning { RetryDelay = TimeSpan.Zero });
        return Build(() => connection);
    }

    /// <summary>The fault kind that outlasts the request timeout; its operation runs with <see cref="ShortTimeout"/>.</summary>
    public const string SlowAnswer = "answer slower than requestTimeout";

    /// <summary>The fault kind that applies the write, then outlasts the request timeout before answering.</summary>
    public const string SlowAfterApplying = "answer slower than requestTimeout after the write applied";

    /// <summary>Whether a fault kind needs the operation to run with <see cref="ShortTimeout"/>.</summary>
    public static bool NeedsShortTimeout(string kind) => kind is SlowAnswer or SlowAfterApplying;

    /// <summary>The requestTimeout (seconds) of an operation under <see cref="SlowAnswer"/>: short, yet ample for an answer on a busy machine.</summary>
    public const string ShortTimeout = "3";

    /// <summary>A short description of a value for an assertion's message (a record's own ToString recurses through Plain).</summary>
    protected static string Shown(PropertyValue? value) => value?.Plain switch
    {
        null => "nothing",
        StringValue s => $"\"{s.Value}\"",
        NumberValue n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        BoolValue b => b.Value ? "true" : "false",
        var other => other.KindName,
    };

    /// <summary>The fault kinds of the contract tests' matrix: each is put at each request of each write.</summary>
    public static IReadOnlyDictionary<string, Func<int, Fault>> FaultKinds { get; } = new Dictionary<string, Func<int, Fault>>
    {
        ["429 with Retry-After"] = skip => new Fault { Skip = skip, Status = 429, RetryAfterSeconds = 0 },
        ["503, nothing applied"] = skip => new Fault { Skip = skip, Status = 503, RetryAfterSeconds = 0 },
        ["dropped connection"] = skip => new Fault { Skip = skip, DropConnection = true },
        [SlowAnswer] = skip => new Fault { Skip = skip, DelayMilliseconds = 8000 },
        ["500 after the write applied"] = skip => new Fault { Skip = skip, ApplyThenStatus = 500 },
        // 503 is one the transport sends again: the resend meets what the first one did (a 404 for a delete, say).
        ["503 after the write applied, resent"] = skip => new Fault { Skip = skip, ApplyThenStatus = 503, RetryAfterSeconds = 0 },
        ["dropped after the write applied"] = skip => new Fault { Skip = skip, ApplyThenDrop = true },
        [SlowAfterApplying] = skip => new Fault { Skip = skip, ApplyThenDelayMilliseconds = 8000 },
    };

    /// <summary>The contracts' fault matrix: each write operation with each fault kind (the requests are walked in the test).</summary>
    public static TheoryData<string, string> FaultMatrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in new[] { "create", "update", "delete" })
        {
            foreach (var kind in FaultKinds.Keys)
            {
                data.Add(operation, kind);
            }
        }

        return data;
    }

    /// <summary>How the engine saw one faulted operation: what it answered, and what state it would keep.</summary>
    protected sealed record Outcome(string Kind, ObjectValue? Recorded, string? Id, Exception? Error)
    {
        public override string ToString() => $"{Kind}{(Error is null ? "" : $": {Error.Message}")}";
    }

    /// <summary>Runs one operation and sorts its answer as the engine does: done, nothing changed, partly done (recorded), or unknown.</summary>
    protected static async Task<Outcome> Run(Func<Task<(string? Id, ObjectValue? Outputs)>> operation)
    {
        try
        {
            var (id, outputs) = await operation();
            return new Outcome("done", outputs, id, null);
        }
        catch (CleanFailure clean)
        {
            return new Outcome("clean", null, null, clean);
        }
        catch (PartialFailure partly)
        {
            return new Outcome("partial", partly.Outputs, partly.Id, partly);
        }
        catch (StateUnknown unknown)
        {
            return new Outcome("unknown", unknown.Id is null ? null : unknown.LastKnownOutputs, unknown.Id, unknown);
        }
    }

    /// <summary>The token the provider signs in with: by default an app-only token holding <see cref="Roles"/>.</summary>
    protected virtual string Token() => TestTokens.WithRoles(Roles);

    /// <summary>The resource under test over a connection: the catalog's entry for <see cref="TypeToken"/>.</summary>
    protected virtual IResource Build(Func<GraphConnection> connection) => Catalog.Resources(connection).Single(r => r.Token == TypeToken);

    /// <summary>The catalog's resource with a connection that fails the test if anything asks for it.</summary>
    public static IResource WithoutGraph(string typeToken) =>
        Catalog.Resources(() => throw new InvalidOperationException("This step must not call Graph.")).Single(r => r.Token == typeToken);

    /// <summary>Check as the engine sends it; the inputs must pass.</summary>
    protected ObjectValue Checked(ObjectValue news)
    {
        var result = Build(() => throw new InvalidOperationException("Check must not call Graph.")).Check(new ResourceCheck(Urn, news, ObjectValue.Empty));
        Assert.Empty(result.Failures);
        return result.Inputs;
    }

    protected CheckResult Check(ObjectValue news, ObjectValue? olds = null) =>
        Build(() => throw new InvalidOperationException("Check must not call Graph.")).Check(new ResourceCheck(Urn, news, olds ?? ObjectValue.Empty));

    protected DiffResult Diff(ObjectValue oldOutputs, ObjectValue news, string id = "") =>
        Build(() => throw new InvalidOperationException("Diff must not call Graph.")).Diff(new ResourceDiff(id, oldOutputs, news, ObjectValue.Empty));

    protected static Task<CreateResult> CreateAsync(IResource resource, ObjectValue inputs, bool preview = false, CancellationToken token = default) =>
        resource.CreateAsync(new ResourceCreate("urn", inputs, preview), new Operation(token));

    protected static Task<ReadResult> ReadAsync(IResource resource, string id, ObjectValue properties, ObjectValue inputs) =>
        resource.ReadAsync(new ResourceRead("urn", id, properties, inputs), Operation.None);

    protected static Task<ObjectValue> UpdateAsync(IResource resource, string id, ObjectValue olds, ObjectValue news, bool preview = false) =>
        resource.UpdateAsync(new ResourceUpdate("urn", id, olds, news, ObjectValue.Empty, preview), Operation.None);

    protected static Task DeleteAsync(IResource resource, string id, ObjectValue properties, ObjectValue oldInputs) =>
        resource.DeleteAsync(new ResourceDelete("urn", id, properties, oldInputs), Operation.None);
}
