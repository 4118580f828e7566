namespace EntraDevices.Graph;

/// <summary>
/// A change made of several Graph writes stopped part-way: the earlier writes were applied, the one that failed was
/// refused. Only a re-read can tell what the tenant holds now.
/// </summary>
public sealed class PartlyAppliedException(string message, GraphRequestException cause) : Exception(message, cause)
{
    public GraphRequestException Cause { get; } = cause;
}
