using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator;

/// <summary>What a Graph operation answers, decided before anything is written to the wire.</summary>
internal sealed record GraphResponse(int Status, JsonObject? Body);
