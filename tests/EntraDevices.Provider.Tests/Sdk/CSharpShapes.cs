using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EntraDevices.Provider.Tests.Sdk;

/// <summary>
/// The inputs and outputs of the C# resource classes, read from their source with Roslyn's parser (no Pulumi
/// package needed): <c>[ResourceType]</c> classes with <c>[Output]</c> properties, their <c>…Args</c> with
/// <c>[Input]</c> members, and the <c>[OutputType]</c> classes they hold, by their <c>[OutputConstructor]</c>.
/// </summary>
internal sealed class CSharpShapes
{
    private readonly Dictionary<string, ClassDeclarationSyntax> _classes;

    public CSharpShapes(IEnumerable<string> sources)
    {
        _classes = sources.SelectMany(source => CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            .ToDictionary(c => c.Identifier.Text);
    }

    public static CSharpShapes FromFolder(string folder) =>
        new(Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText));

    /// <summary>Type token → resource class, from <c>[ResourceType(TypeToken, …)]</c> and its <c>TypeToken</c> constant.</summary>
    public IReadOnlyDictionary<string, string> Resources => _classes.Values
        .Where(c => Attribute(c.AttributeLists, "ResourceType") is not null)
        .ToDictionary(c => Constant(c, "TypeToken"), c => c.Identifier.Text);

    public Shape Outputs(string resourceClass)
    {
        var resource = _classes[resourceClass];
        var secrets = SecretOutputs(resource);
        return new Shape(resource.Members.OfType<PropertyDeclarationSyntax>()
            .Select(p => (Property: p, Name: Attribute(p.AttributeLists, "Output") is { } a ? Text(a.ArgumentList!.Arguments[0]) : null))
            .Where(p => p.Name is not null)
            .ToDictionary(p => p.Name!, p => Unwrap(p.Property.Type, "Output", output: true) with { Secret = secrets.Contains(p.Name!) }));
    }

    public Shape Inputs(string resourceClass)
    {
        var constructor = _classes[resourceClass].Members.OfType<ConstructorDeclarationSyntax>().Single();
        var args = constructor.ParameterList.Parameters[1].Type!;
        return InputShape(Name(args));
    }

    private Shape InputShape(string argsClass)
    {
        var members = _classes[argsClass].Members;
        var inputs = new Dictionary<string, Property>();
        foreach (var member in members)
        {
            var (attributes, type) = member switch
            {
                PropertyDeclarationSyntax p => (p.AttributeLists, p.Type),
                FieldDeclarationSyntax f => (f.AttributeLists, f.Declaration.Type),
                _ => (default, null!),
            };
            if (Attribute(attributes, "Input") is not { } input)
            {
                continue;
            }

            var arguments = input.ArgumentList!.Arguments;
            var required = arguments.Any(a => a.NameColon?.Name.Identifier.Text == "required" && a.Expression.IsKind(SyntaxKind.TrueLiteralExpression));
            var secret = member.ToString().Contains("Output.CreateSecret(", StringComparison.Ordinal);
            inputs[Text(arguments[0])] = Unwrap(type, "Input", output: false) with { Required = required, Secret = secret };
        }

        return new Shape(inputs);
    }

    private Shape OutputTypeShape(string outputClass)
    {
        var constructor = _classes[outputClass].Members.OfType<ConstructorDeclarationSyntax>()
            .Single(c => Attribute(c.AttributeLists, "OutputConstructor") is not null);
        return new Shape(constructor.ParameterList.Parameters.ToDictionary(p => p.Identifier.Text, p => Kind(p.Type!, output: true)));
    }

    /// <summary>The property inside <c>Output&lt;T&gt;</c> / <c>Input&lt;T&gt;</c> / <c>InputList&lt;T&gt;</c>.</summary>
    private Property Unwrap(TypeSyntax type, string wrapper, bool output)
    {
        var (inner, nullable) = type is NullableTypeSyntax n ? (n.ElementType, true) : (type, false);
        if (inner is GenericNameSyntax { Identifier.Text: "InputList" } list)
        {
            return new Property("array", false, false, Items: Kind(list.TypeArgumentList.Arguments[0], output));
        }

        if (inner is GenericNameSyntax { Identifier.Text: "InputMap" } map)
        {
            return new Property("map", false, false, Items: Kind(map.TypeArgumentList.Arguments[0], output));
        }

        var argument = inner is GenericNameSyntax generic && generic.Identifier.Text == wrapper ? generic.TypeArgumentList.Arguments[0] : inner;
        var property = Kind(argument, output);
        return output ? property : property with { Required = !nullable };
    }

    private Property Kind(TypeSyntax type, bool output)
    {
        var (inner, nullable) = type is NullableTypeSyntax n ? (n.ElementType, true) : (type, false);
        var required = !nullable;
        return inner switch
        {
            PredefinedTypeSyntax { Keyword.Text: "string" } => new Property("string", required, false),
            PredefinedTypeSyntax { Keyword.Text: "int" } => new Property("integer", required, false),
            PredefinedTypeSyntax { Keyword.Text: "bool" } => new Property("boolean", required, false),
            PredefinedTypeSyntax { Keyword.Text: "double" } => new Property("number", required, false),
            GenericNameSyntax { Identifier.Text: "ImmutableArray" or "InputList" } array =>
                new Property("array", false, false, Items: Kind(array.TypeArgumentList.Arguments[0], output)),
            // Maps are keyed by string in Pulumi; what they hold is the second type argument.
            GenericNameSyntax { Identifier.Text: "ImmutableDictionary" or "InputMap" } map =>
                new Property("map", required, false, Items: Kind(map.TypeArgumentList.Arguments[^1], output)),
            // Pulumi's C# SDKs take an Asset property as AssetOrArchive (FileAsset, StringAsset, RemoteAsset).
            IdentifierNameSyntax { Identifier.Text: "AssetOrArchive" or "Asset" } => new Property("asset", required, false),
            IdentifierNameSyntax { Identifier.Text: "Archive" } => new Property("archive", required, false),
            _ => new Property("object", required, false, Object: output ? OutputTypeShape(Name(inner)) : InputShape(Name(inner))),
        };
    }

    private static HashSet<string> SecretOutputs(ClassDeclarationSyntax resource) =>
        [.. resource.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left.ToString() == "AdditionalSecretOutputs")
            .SelectMany(a => a.Right.DescendantNodes().OfType<LiteralExpressionSyntax>())
            .Select(l => l.Token.ValueText)];

    private static AttributeSyntax? Attribute(SyntaxList<AttributeListSyntax> lists, string name) =>
        lists.SelectMany(l => l.Attributes).FirstOrDefault(a => a.Name.ToString() == name || a.Name.ToString() == $"{name}Attribute");

    private static string Constant(ClassDeclarationSyntax c, string name) =>
        c.Members.OfType<FieldDeclarationSyntax>().SelectMany(f => f.Declaration.Variables)
            .Single(v => v.Identifier.Text == name).Initializer!.Value is LiteralExpressionSyntax literal ? literal.Token.ValueText : "";

    private static string Text(AttributeArgumentSyntax argument) =>
        argument.Expression is LiteralExpressionSyntax literal ? literal.Token.ValueText : argument.Expression.ToString();

    // "Outputs.AzureADJoin" and "AzureADJoin" name the same class: class names are unique in sdk/dotnet.
    private static string Name(TypeSyntax type) => type.ToString().Split('.')[^1].TrimEnd('?');
}
