using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator;

/// <summary>What a Graph operation answers, decided before anything is written to the wire.</summary>
internal sealed record GraphResponse(int Status, JsonObject? Body)
{
    public static readonly GraphResponse NoContent = new(StatusCodes.Status204NoContent, null);

    public static GraphResponse Ok(JsonObject body) => new(StatusCodes.Status200OK, body);

    public static GraphResponse Created(JsonObject body) => new(StatusCodes.Status201Created, body);
}
