namespace EntraDevices.Provider.Tests.Sdk;

/// <summary>One property as an SDK sees it: its kind (string, integer, boolean, number, array, object), and for
/// arrays and objects what they hold; whether it is required; whether it is secret.</summary>
internal sealed record Property(string Kind, bool Required, bool Secret, Property? Items = null, Shape? Object = null);

/// <summary>An object's properties by name, compared structurally (type names differ between schema and C#).</summary>
internal sealed class Shape(IReadOnlyDictionary<string, Property> properties)
{
    public IReadOnlyDictionary<string, Property> Properties { get; } = properties;

    /// <summary>Every difference between the schema's shape and the SDK's, each as one line naming the property path.</summary>
    public static IEnumerable<string> Differences(string path, Shape schema, Shape sdk)
    {
        foreach (var name in schema.Properties.Keys.Except(sdk.Properties.Keys).Order(StringComparer.Ordinal))
        {
            yield return $"{path}.{name}: in the schema, missing from the C# class";
        }

        foreach (var name in sdk.Properties.Keys.Except(schema.Properties.Keys).Order(StringComparer.Ordinal))
        {
            yield return $"{path}.{name}: in the C# class, not in the schema";
        }

        foreach (var name in schema.Properties.Keys.Intersect(sdk.Properties.Keys).Order(StringComparer.Ordinal))
        {
            foreach (var difference in Differences($"{path}.{name}", schema.Properties[name], sdk.Properties[name], checkRequired: true))
            {
                yield return difference;
            }
        }
    }

    private static IEnumerable<string> Differences(string path, Property schema, Property sdk, bool checkRequired)
    {
        if (schema.Kind != sdk.Kind)
        {
            yield return $"{path}: the schema says {schema.Kind}, the C# class {sdk.Kind}";
            yield break;
        }

        // Arrays in C# SDKs are never null (an empty list stands for none), so their optionality is not visible there.
        if (checkRequired && schema.Kind != "array" && schema.Required != sdk.Required)
        {
            yield return $"{path}: the schema says {(schema.Required ? "required" : "optional")}, the C# class {(sdk.Required ? "required" : "optional")}";
        }

        if (schema.Secret != sdk.Secret)
        {
            yield return $"{path}: the schema says {(schema.Secret ? "secret" : "not secret")}, the C# class {(sdk.Secret ? "secret" : "not secret")}";
        }

        if (schema.Items is not null && sdk.Items is not null)
        {
            foreach (var difference in Differences($"{path}[]", schema.Items, sdk.Items, checkRequired: false))
            {
                yield return difference;
            }
        }

        if (schema.Object is not null && sdk.Object is not null)
        {
            foreach (var difference in Differences(path, schema.Object, sdk.Object))
            {
                yield return difference;
            }
        }
    }
}
