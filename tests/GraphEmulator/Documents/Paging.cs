using System.Globalization;
using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator.Documents;

/// <summary>
/// Graph's server-side paging: a page of <c>value</c> and an absolute <c>@odata.nextLink</c> with a <c>$skiptoken</c>;
/// with <c>$select</c>, each object holds only the named properties (and its id, as Graph keeps it), on every page.
/// </summary>
internal static class Paging
{
    public static JsonObject Page(IReadOnlyList<JsonObject> items, RouteRequest request, string path, int pageSize)
    {
        var skip = request.Query.TryGetValue("$skiptoken", out var token) && int.TryParse(token, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var select = request.Query.TryGetValue("$select", out var names) ? names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
        var page = new JsonObject
        {
            ["@odata.context"] = $"{request.BaseUrl}/{request.Version}/$metadata#{path.Split('/')[^1]}",
            ["value"] = new JsonArray([.. items.Skip(skip).Take(pageSize).Select(item => select is null ? item : Selected(item, select))]),
        };
        if (skip + pageSize < items.Count)
        {
            page["@odata.nextLink"] = $"{request.BaseUrl}/{request.Version}/{path}?$skiptoken={skip + pageSize}{(select is null ? "" : $"&$select={string.Join(',', select)}")}";
        }

        return page;
    }

    private static JsonObject Selected(JsonObject item, string[] select) =>
        new([.. item.Where(p => p.Key == "id" || select.Contains(p.Key, StringComparer.OrdinalIgnoreCase)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))]);
}
