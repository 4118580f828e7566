using System.Text.Json.Nodes;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources;

namespace EntraDevices.Provider.Tests.Sdk;

/// <summary>
/// The C# resource classes in sdk/dotnet (the Pulumi.EntraDevices package) are written by hand; they must match the provider's schema exactly
/// (every input and output name, kind, nesting, optionality and secrecy), or real `pulumi up` runs break. Runs here,
/// without the Pulumi packages: the classes are read as source.
/// </summary>
public class SdkGuardTests
{
    private static readonly string SdkFolder = Path.Combine(Repository.Root, "sdk", "dotnet");

    private static SchemaShapes Schema()
    {
        var resources = Catalog.Resources(() => throw new InvalidOperationException("The schema needs no Graph."));
        return new SchemaShapes(JsonNode.Parse(PackageSchema.Json(resources, "0.0.0"))!.AsObject());
    }

    private static List<string> Differences(SchemaShapes schema, CSharpShapes sdk)
    {
        var differences = new List<string>();
        foreach (var token in schema.Tokens.Except(sdk.Resources.Keys))
        {
            differences.Add($"{token}: in the schema, no C# resource class");
        }

        foreach (var token in sdk.Resources.Keys.Except(schema.Tokens))
        {
            differences.Add($"{token}: a C# resource class, not in the schema");
        }

        foreach (var token in schema.Tokens.Intersect(sdk.Resources.Keys))
        {
            var resource = sdk.Resources[token];
            differences.AddRange(Shape.Differences($"{token} input", schema.Inputs(token), sdk.Inputs(resource)));
            differences.AddRange(Shape.Differences($"{token} output", schema.Outputs(token), sdk.Outputs(resource)));
        }

        return differences;
    }

    [Fact]
    public void Every_resource_class_matches_the_schema_in_names_kinds_nesting_optionality_and_secrecy()
    {
        var differences = Differences(Schema(), CSharpShapes.FromFolder(SdkFolder));

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Theory]
    [InlineData("[Output(\"userDeviceQuota\")]", "[Output(\"userDeviceQuotas\")]", "userDeviceQuota: in the schema, missing")]
    [InlineData("public Output<int> UserDeviceQuota", "public Output<string> UserDeviceQuota", "the schema says integer, the C# class string")]
    [InlineData("public readonly bool IsAdminConfigurable;", "public readonly bool? IsAdminConfigurable;", null)]
    [InlineData("LocalAdmins localAdmins, bool isAdminConfigurable)", "LocalAdmins localAdmins, bool? isAdminConfigurable)", "isAdminConfigurable: the schema says required, the C# class optional")]
    [InlineData("[Input(\"scope\", required: true)]", "[Input(\"scope\")]", "scope: the schema says required, the C# class optional")]
    [InlineData("public readonly bool? IsEnabled;", "public readonly bool? IsEnabled; public readonly int? Extra;", null)]
    [InlineData("bool? isEnabled)", "bool? isEnabled, int? extra)", "extra: in the C# class, not in the schema")]
    [InlineData("public Input<AssetOrArchive> Csv", "public Input<string> Csv", "csv: the schema says asset, the C# class string")]
    [InlineData("public Output<ImmutableDictionary<string, string>> Failed", "public Output<ImmutableDictionary<string, int>> Failed", "failed[]: the schema says string, the C# class integer")]
    public void A_deliberately_broken_copy_is_caught_and_the_difference_named(string original, string broken, string? expected)
    {
        var sources = Directory.GetFiles(SdkFolder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        Assert.Contains(sources, source => source.Contains(original, StringComparison.Ordinal));

        var differences = Differences(Schema(), new CSharpShapes(sources.Select(source => source.Replace(original, broken, StringComparison.Ordinal))));

        if (expected is null)
        {
            // A field the output constructor does not take is not part of the shape Pulumi fills.
            Assert.Empty(differences);
        }
        else
        {
            Assert.Contains(differences, difference => difference.Contains(expected, StringComparison.Ordinal));
        }
    }
}
