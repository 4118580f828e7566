namespace EntraDevices.GraphEmulator.Documents;

/// <summary>
/// Intune's published write limits for the device enrollment class (docs-contrib
/// includes/throttling-intune-device-enrollment.md): 200 writes per 20 s per tenant, 100 per app per tenant.
/// A write over the limit gets 429 with Retry-After, as Graph answers.
/// </summary>
public sealed class Throttle(int perTenant, int perApp, TimeSpan window)
{
    public static Throttle IntuneEnrollment() => new(200, 100, TimeSpan.FromSeconds(20));

    private readonly Lock _gate = new();
    private readonly Queue<(DateTime At, string App)> _writes = new();

    /// <summary>Seconds to wait when the write is over a limit, or null when it may go ahead (and is counted).</summary>
    public int? Admit(string app)
    {
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            while (_writes.Count > 0 && now - _writes.Peek().At >= window)
            {
                _writes.Dequeue();
            }

            var ofApp = _writes.Where(write => write.App == app).ToList();
            if (_writes.Count >= perTenant || ofApp.Count >= perApp)
            {
                var oldest = (ofApp.Count >= perApp ? ofApp[0] : _writes.Peek()).At;
                return Math.Max(1, (int)Math.Ceiling((window - (now - oldest)).TotalSeconds));
            }

            _writes.Enqueue((now, app));
            return null;
        }
    }
}
