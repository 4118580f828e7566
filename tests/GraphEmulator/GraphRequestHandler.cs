using System.Globalization;

namespace EntraDevices.GraphEmulator;

/// <summary>
/// Serves one Graph request: records it, applies the first matching injected fault, then handles it
/// through the modules' <see cref="RouteTable"/>.
/// </summary>
internal sealed class GraphRequestHandler(RouteTable routes, FaultQueue faults, RequestLog log, CancellationToken stopping)
{
    private readonly Lock _staleGate = new();
    private readonly Dictionary<string, (int Remaining, GraphResponse Before)> _stale = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, string>> _lastQuery = new(StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        GraphResponseWriter.AddCorrelationHeaders(context);
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var authorization = request.Headers.Authorization.ToString();
        var body = await ReadBodyAsync(request, context.RequestAborted);
        var record = new Recorder(log, new RecordedRequest(
            request.Method,
            path,
            body,
            0,
            request.Headers["Retry-Attempt"] is { Count: > 0 } attempt ? attempt.ToString() : null,
            AccessToken.BearerToken(authorization) is not null));
        // Recording before the headers leave means a client that has its answer always finds it in the log.
        context.Response.OnStarting(() =>
        {
            record.Status(context.Response.StatusCode);
            return Task.CompletedTask;
        });

        var fault = faults.Take(request.Method, path);
        if (fault is { DelayMilliseconds: > 0 } && !await DelayAsync(fault.DelayMilliseconds, context.RequestAborted))
        {
            record.Status(0);
            context.Abort();
            return;
        }

        if (fault is { DropConnection: true })
        {
            record.Status(0);
            context.Abort();
            return;
        }

        if (fault?.RedirectTo is { } location)
        {
            context.Response.StatusCode = fault.Status ?? StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = location;
            return;
        }

        if (fault?.Status is { } status)
        {
            if (fault.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            var (code, message) = GraphResponseWriter.FaultError(status);
            await GraphResponseWriter.WriteErrorAsync(context, status, code, fault.EchoAuthorization ? $"{message} Received: {authorization}" : message);
            return;
        }

        if (request.Method == HttpMethods.Get)
        {
            lock (_staleGate)
            {
                _lastQuery[path] = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            }

            if (Stale(path) is { } before)
            {
                await GraphResponseWriter.WriteAsync(context, before);
                return;
            }
        }

        if (fault is { StaleReads: > 0 })
        {
            // The object as it is before this write: what its next reads show while the replicas lag.
            var stalePath = fault.StalePath ?? path;
            try
            {
                // Read as the client last read it (e.g. with $expand), so the lagging answer has the shape it expects.
                Dictionary<string, string> query;
                lock (_staleGate)
                {
                    query = _lastQuery.GetValueOrDefault(stalePath) ?? new(StringComparer.OrdinalIgnoreCase);
                }

                var snapshot = routes.Handle(HttpMethods.Get, stalePath, authorization.Length > 0 ? authorization : null, null, query,
                    $"{request.Scheme}://{request.Host}");
                lock (_staleGate)
                {
                    // A write resent while its first one still lags keeps the first snapshot: the replicas are behind both.
                    _stale[stalePath] = _stale.TryGetValue(stalePath, out var lagging) ? (fault.StaleReads, lagging.Before) : (fault.StaleReads, snapshot);
                }
            }
            catch (GraphErrorException)
            {
                // Nothing readable there before the write: no lag to show.
            }
        }

        GraphResponse? response = null;
        GraphErrorException? error = null;
        try
        {
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            response = routes.Handle(request.Method, path, authorization.Length > 0 ? authorization : null, body, query,
                $"{request.Scheme}://{request.Host}");
        }
        catch (GraphErrorException exception)
        {
            error = exception;
        }

        if (fault is { ApplyThenDelayMilliseconds: > 0 } && !await DelayAsync(fault.ApplyThenDelayMilliseconds, context.RequestAborted))
        {
            record.Status(0);
            context.Abort();
            return;
        }

        if (fault is { ApplyThenDrop: true })
        {
            record.Status(0);
            context.Abort();
            return;
        }

        if (error is null && fault?.ApplyThenStatus is { } afterStatus)
        {
            var (code, message) = GraphResponseWriter.FaultError(afterStatus);
            await GraphResponseWriter.WriteErrorAsync(context, afterStatus, code, message);
            return;
        }

        if (error is null && fault?.ApplyThenBody is { } afterBody)
        {
            await GraphResponseWriter.WriteRawAsync(context, StatusCodes.Status200OK, afterBody);
            return;
        }

        if (error is not null)
        {
            if (error.Status == StatusCodes.Status405MethodNotAllowed)
            {
                context.Response.Headers.Allow = string.Join(", ", routes.AllowedMethods(path));
            }

            if (error.RetryAfterSeconds is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            }

            await GraphResponseWriter.WriteErrorAsync(context, error.Status, error.Code, error.Message);
            return;
        }

        await GraphResponseWriter.WriteAsync(context, response!);
    }

    /// <summary>The lagging answer for a GET of <paramref name="path"/>, counting one read off, or null.</summary>
    private GraphResponse? Stale(string path)
    {
        lock (_staleGate)
        {
            if (!_stale.TryGetValue(path, out var entry))
            {
                return null;
            }

            if (entry.Remaining <= 1)
            {
                _stale.Remove(path);
            }
            else
            {
                _stale[path] = (entry.Remaining - 1, entry.Before);
            }

            return entry.Before;
        }
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellation)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellation);
        return text.Length == 0 ? null : text;
    }

    /// <summary>Waits, returning false if the client went away or the emulator is stopping.</summary>
    private async Task<bool> DelayAsync(int milliseconds, CancellationToken requestAborted)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping);
        try
        {
            await Task.Delay(milliseconds, either.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Adds the request to the log exactly once, with the status that was (or wasn't) sent.</summary>
    private sealed class Recorder(RequestLog log, RecordedRequest request)
    {
        private int _recorded;

        public void Status(int status)
        {
            if (Interlocked.Exchange(ref _recorded, 1) == 0)
            {
                log.Add(request with { Status = status });
            }
        }
    }
}
