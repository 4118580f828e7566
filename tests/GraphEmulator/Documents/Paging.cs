using System.Globalization;
using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator.Documents;

/// <summary>Graph's server-side paging: a page of <c>value</c> and an absolute <c>@odata.nextLink</c> with a <c>$skiptoken</c>.</summary>
internal static class Paging
{
    public static JsonObject Page(IReadOnlyList<JsonObject> items, RouteRequest request, string path, int pageSize)
    {
        var skip = request.Query.TryGetValue("$skiptoken", out var token) && int.TryParse(token, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var page = new JsonObject
        {
            ["@odata.context"] = $"{request.BaseUrl}/{request.Version}/$metadata#{path.Split('/')[^1]}",
            ["value"] = new JsonArray([.. items.Skip(skip).Take(pageSize)]),
        };
        if (skip + pageSize < items.Count)
        {
            page["@odata.nextLink"] = $"{request.BaseUrl}/{request.Version}/{path}?$skiptoken={skip + pageSize}";
        }

        return page;
    }
}
