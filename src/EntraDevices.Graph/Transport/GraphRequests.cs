using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace EntraDevices.Graph.Transport;

/// <summary>
/// Graph calls the SDK has no request builders for (beta objects, actions, <c>$ref</c> relations, paged lists),
/// in the SDK's own pattern: a <see cref="RequestInformation"/> sent through its request adapter, so sign-in, the
/// retry handler, redirects and error mapping are the same as for every other call. JSON in, JSON out.
/// </summary>
public sealed class GraphRequests(GraphConnection connection)
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    /// <summary>GET one object; null when Graph answers 404 (it does not exist, or not yet: see the lifecycle's wait).</summary>
    public async Task<JsonObject?> GetAsync(GraphOperation operation, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(operation with { Method = "GET" }, path, null, cancellationToken);
        }
        catch (GraphRequestException missing) when (missing.Status == 404)
        {
            return null;
        }
    }

    /// <summary>GET a collection, following <c>@odata.nextLink</c> until the last page.</summary>
    public Task<IReadOnlyList<JsonObject>> ListAsync(GraphOperation operation, string path, CancellationToken cancellationToken) =>
        ListAsync(operation, path, item => (JsonObject)JsonNode.Parse(item.GetRawText())!, cancellationToken);

    /// <summary>
    /// Reads one page of a collection from the answer as a pooled document, mapping each object of its <c>value</c> into
    /// <paramref name="items"/>; the next page's address, or null. An empty, non-JSON or value-less answer is not a page.
    /// </summary>
    private static async Task<Uri?> ReadPageAsync<T>(Stream? answer, GraphOperation operation, Func<JsonElement, T> map, List<T> items, Func<T, bool>? keep, CancellationToken cancellationToken)
    {
        if (answer is null)
        {
            throw new UnexpectedPolicyShapeException($"Graph answered {operation} with an empty body instead of a collection.");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(answer, cancellationToken: cancellationToken);
        }
        catch (JsonException error)
        {
            throw new UnexpectedPolicyShapeException(answer.CanSeek && answer.Length == 0
                ? $"Graph answered {operation} with an empty body instead of a collection."
                : $"Graph answered {operation} with a body that is not JSON ({error.Message}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                throw new UnexpectedPolicyShapeException($"Graph answered {operation} without 'value'.");
            }

            items.AddRange(value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object).Select(map).Where(item => keep?.Invoke(item) ?? true));
            return root.TryGetProperty("@odata.nextLink", out var link) && link.GetString() is { Length: > 0 } more ? new Uri(more) : null;
        }
    }

    /// <summary>
    /// GET a collection page by page, each page read as a pooled document and each item mapped as it is met: of a large
    /// one (10,000 Autopilot records) only what <paramref name="map"/> keeps stays in memory, never a node tree of every item.
    /// </summary>
    /// <param name="keep">Which mapped items to keep (all when null): of 100,000 records a poll needs the few that finished.</param>
    /// <param name="progress">Told how many items are kept so far after each page that has a next one: long lists show progress.</param>
    public async Task<IReadOnlyList<T>> ListAsync<T>(GraphOperation operation, string path, Func<JsonElement, T> map, CancellationToken cancellationToken, Func<T, bool>? keep = null,
        Func<int, Task>? progress = null)
    {
        var items = new List<T>();
        Uri? next = Address(operation, path);
        while (next is not null)
        {
            var page = next;
            next = await connection.Run(operation, async call =>
            {
                await using var answer = await connection.Client.RequestAdapter.SendPrimitiveAsync<Stream>(Request(Method.GET, page, operation, call), ErrorMapping, call.Token);
                return await ReadPageAsync(answer, operation, map, items, keep, call.Token);
            }, cancellationToken);
            if (next is not null && progress is not null)
            {
                await progress(items.Count);
            }
        }

        return items;
    }

    /// <summary>DELETE an object; one already gone (404) is done.</summary>
    public async Task DeleteAsync(GraphOperation operation, string path, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(operation with { Method = "DELETE" }, path, null, cancellationToken);
        }
        catch (GraphRequestException gone) when (gone.Status == 404)
        {
        }
    }

    /// <summary>Sends the operation's method to <paramref name="path"/>; the answer's object, or null for 204.</summary>
    public Task<JsonObject?> SendAsync(GraphOperation operation, string path, JsonObject? body, CancellationToken cancellationToken) =>
        connection.Run(operation, call => Send(Enum.Parse<Method>(operation.Method, ignoreCase: true), Address(operation, path), body, operation, call), cancellationToken);

    /// <summary>
    /// Sends a large body (an import of hundreds of hardware hashes) written straight as UTF-8 JSON, and reads the
    /// collection it answers with (which may echo every hash) like a page: neither is ever held as a string or a node
    /// tree, so a chunk costs its bytes once. Only what <paramref name="map"/> keeps of each item stays.
    /// </summary>
    public Task<IReadOnlyList<T>> SendLargeAsync<T>(GraphOperation operation, string path, Action<Utf8JsonWriter> writeBody, int sizeHint,
        Func<JsonElement, T> map, CancellationToken cancellationToken) =>
        connection.Run<IReadOnlyList<T>>(operation, async call =>
        {
            var body = new MemoryStream(sizeHint);
            await using (var writer = new Utf8JsonWriter(body))
            {
                writeBody(writer);
            }

            body.Position = 0;
            var request = Request(Enum.Parse<Method>(operation.Method, ignoreCase: true), Address(operation, path), operation, call);
            request.SetStreamContent(body, "application/json");
            await using var answer = await connection.Client.RequestAdapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, call.Token);
            var items = new List<T>();
            await ReadPageAsync(answer, operation, map, items, keep: null, call.Token);
            return items;
        }, cancellationToken);

    /// <summary>Adds a relation: <c>POST {path}/$ref</c> with the target's <c>@odata.id</c>.</summary>
    public Task AddReferenceAsync(GraphOperation operation, string path, string targetPath, CancellationToken cancellationToken) =>
        SendAsync(operation with { Method = "POST" }, $"{path}/$ref",
            new JsonObject { ["@odata.id"] = Address(operation, targetPath).ToString() }, cancellationToken);

    /// <summary>Removes a relation: <c>DELETE {path}/{id}/$ref</c>.</summary>
    public Task RemoveReferenceAsync(GraphOperation operation, string path, string id, CancellationToken cancellationToken) =>
        SendAsync(operation with { Method = "DELETE" }, $"{path}/{GraphPath.Id(id)}/$ref", null, cancellationToken);

    private Uri Address(GraphOperation operation, string path)
    {
        // The last guard (ids are checked and escaped where they enter a path, GraphPath.Id): no request ever climbs
        // out of the path it was built on.
        var segments = path.Split('?', 2)[0].Split('/');
        if (segments.Any(segment => segment is "." or ".." || segment.Contains('%', StringComparison.Ordinal) || segment.Contains('\\', StringComparison.Ordinal)))
        {
            throw new InvalidIdException(path);
        }

        return new($"{connection.Root.ToString().TrimEnd('/')}/{operation.ApiVersion}/{path.TrimStart('/')}");
    }

    private RequestInformation Request(Method method, Uri address, GraphOperation operation, GraphCall call)
    {
        var request = new RequestInformation { HttpMethod = method, URI = address };
        request.AddRequestOptions(call.Options);
        request.Headers.Add("Accept", "application/json");
        if (!operation.Retriable)
        {
            // A write that must not be sent twice (a create, an import) is resent only after a 429: Graph throttled it,
            // so nothing was done; wait as Retry-After says and send it again. A 5xx or a lost answer may hide a write
            // that was applied: never resent, the caller finds out what the tenant holds.
            request.AddRequestOptions([new RetryHandlerOption
            {
                MaxRetry = connection.Tuning.MaxRetries,
                Delay = (int)connection.Tuning.RetryDelay.TotalSeconds,
                // Retry-After beyond the tuning's bound (the Autopilot sync's "within 10 minutes" answer) is an answer for the
                // caller, not a wait: it fails the call with the 429 and the caller says what it means.
                ShouldRetry = (_, _, response) => response.StatusCode == System.Net.HttpStatusCode.TooManyRequests
                    && RetryAfter(response) <= connection.Tuning.MaxThrottleWait,
            }]);
        }

        return request;
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => TimeSpan.Zero,
    };

    private async Task<JsonObject?> Send(Method method, Uri address, JsonObject? body, GraphOperation operation, GraphCall call)
    {
        var token = call.Token;
        var request = Request(method, address, operation, call);
        if (body is not null)
        {
            request.SetStreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body.ToJsonString())), "application/json");
        }

        await using var answer = await connection.Client.RequestAdapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, token);
        if (answer is null)
        {
            return null;
        }

        try
        {
            return await JsonNode.ParseAsync(answer, cancellationToken: token) as JsonObject
                ?? throw new UnexpectedPolicyShapeException($"Graph answered {operation} with JSON that is not an object.");
        }
        catch (JsonException error)
        {
            // A 200 with an empty body parses as nothing at all.
            return answer.CanSeek && answer.Length == 0 ? null
                : throw new UnexpectedPolicyShapeException($"Graph answered {operation} with a body that is not JSON ({error.Message}).");
        }
    }
}
