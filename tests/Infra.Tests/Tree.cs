using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;

namespace Infra.Tests;

/// <summary>
/// Helpers for property trees as the Pulumi mocks see them: objects are string-keyed dictionaries, lists
/// are <c>ImmutableArray&lt;object?&gt;</c>, numbers are doubles.
/// </summary>
internal static class Tree
{
    public static ImmutableDictionary<string, object?> Object(params (string Key, object? Value)[] properties)
        => properties.ToImmutableDictionary(property => property.Key, property => property.Value, StringComparer.Ordinal);

    /// <summary>The value at a dotted path such as <c>azureADJoin.allowedToJoin.groups</c>, or null when absent.</summary>
    public static object? At(object? root, string path)
    {
        var current = root;
        foreach (var segment in path.Split('.'))
        {
            current = current is IReadOnlyDictionary<string, object?> properties ? properties.GetValueOrDefault(segment) : null;
        }

        return current;
    }

    /// <summary>The boolean at a dotted path, or null when absent or not a boolean.</summary>
    public static bool? Bool(object? root, string path) => At(root, path) as bool?;

    /// <summary><paramref name="over"/> laid over <paramref name="under"/>, merging nested objects.</summary>
    public static ImmutableDictionary<string, object?> Overlay(
        IReadOnlyDictionary<string, object?> under, IReadOnlyDictionary<string, object?> over)
    {
        var result = under.ToImmutableDictionary(StringComparer.Ordinal).ToBuilder();
        foreach (var (key, value) in over)
        {
            result[key] = result.GetValueOrDefault(key) is IReadOnlyDictionary<string, object?> below
                && value is IReadOnlyDictionary<string, object?> above
                    ? Overlay(below, above)
                    : value;
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// A canonical JSON text of a tree (keys sorted, lists of strings sorted, numbers as written by
    /// System.Text.Json), so that expected and actual trees compare with a readable diff.
    /// </summary>
    public static string Canonical(object? tree) => JsonSerializer.Serialize(Normalize(tree));

    private static object? Normalize(object? value) => value switch
    {
        null or string or bool or double or int => value,
        IEnumerable<KeyValuePair<string, object?>> properties => new SortedDictionary<string, object?>(
            properties.ToDictionary(pair => pair.Key, pair => Normalize(pair.Value)), StringComparer.Ordinal),
        IEnumerable sequence => SortIfStrings(sequence.Cast<object?>().Select(Normalize).ToList()),
        _ => throw new ArgumentException($"Unexpected {value.GetType()} in a property tree.", nameof(value)),
    };

    private static List<object?> SortIfStrings(List<object?> items)
        => items.All(item => item is string) ? [.. items.OrderBy(item => (string)item!, StringComparer.Ordinal)] : items;
}
