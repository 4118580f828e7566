using System.Text.Json.Nodes;
using EntraDevices.Provider.Resources;

namespace EntraDevices.Provider.Tests.Docs;

/// <summary>
/// Each resource's reference (docs/resources/&lt;Name&gt;.md) is written from the schema's own descriptions, so the page and
/// the schema cannot disagree: its generated part must be exactly what <see cref="ResourceReference"/> renders. A page
/// out of date is rendered into artifacts/docs/resources/ to be copied over it.
/// </summary>
public class ResourceDocsTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "docs", "resources");

    private static JsonObject Schema() => JsonNode.Parse(PackageSchema.Json(
        Catalog.Resources(() => throw new InvalidOperationException("The schema needs no Graph.")), "0.0.0"))!.AsObject();

    private static IEnumerable<string> AllTokens() =>
        Catalog.Resources(() => throw new InvalidOperationException("The schema needs no Graph.")).Select(resource => resource.Token);

    public static TheoryData<string> Tokens()
    {
        var tokens = new TheoryData<string>();
        foreach (var token in AllTokens())
        {
            tokens.Add(token);
        }

        return tokens;
    }

    [Theory]
    [MemberData(nameof(Tokens))]
    public void A_resources_page_holds_its_schema_as_the_schema_says(string token)
    {
        var rendered = ResourceReference.Render(Schema(), token);
        var file = Path.Combine(Folder, ResourceReference.FileName(token));
        var page = File.Exists(file) ? File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal) : null;

        if (page is null || ResourceReference.GeneratedPart(page) != rendered)
        {
            var fresh = Path.Combine(Repository.Root, "artifacts", "docs", "resources", ResourceReference.FileName(token));
            Directory.CreateDirectory(Path.GetDirectoryName(fresh)!);
            File.WriteAllText(fresh, page is null ? rendered : page.Replace(ResourceReference.GeneratedPart(page) ?? "\0", rendered, StringComparison.Ordinal));
            Assert.Fail($"docs/resources/{ResourceReference.FileName(token)} {(page is null ? "does not exist" : "does not hold the schema as it is now")}: "
                + $"the page as it should be is in artifacts/docs/resources/{ResourceReference.FileName(token)}; copy it over, then write its hand-written part.");
        }
    }

    [Fact]
    public void Every_page_is_of_a_resource_and_the_readme_links_each()
    {
        var pages = Directory.GetFiles(Folder, "*.md").Select(file => Path.GetFileName(file)).Where(name => name != "README.md").Order(StringComparer.Ordinal).ToList();
        var expected = AllTokens().Select(ResourceReference.FileName).Order(StringComparer.Ordinal).ToList();
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

        Assert.Equal(expected, pages);
        Assert.All(pages, page => Assert.Contains($"(docs/resources/{page})", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_description_in_the_schema_changes_the_rendering()
    {
        var schema = Schema();
        var before = ResourceReference.Render(schema, "entradevices:index:CorporateDeviceIdentifiers");
        schema["resources"]!["entradevices:index:CorporateDeviceIdentifiers"]!["inputProperties"]!["whenRemoved"]!["description"] = "changed";

        Assert.NotEqual(before, ResourceReference.Render(schema, "entradevices:index:CorporateDeviceIdentifiers"));
    }
}
