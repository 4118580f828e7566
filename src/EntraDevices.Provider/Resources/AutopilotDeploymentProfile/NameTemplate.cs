using System.Text.RegularExpressions;

namespace EntraDevices.Provider.Resources.AutopilotDeploymentProfile;

/// <summary>
/// The rules of an Autopilot device name template: the computer name it makes is at most 15 characters of letters,
/// digits and hyphens, not digits only, with the macros <c>%SERIAL%</c> (the serial number, cut to fit) and
/// <c>%RAND:x%</c> (x random digits). Pure.
/// </summary>
internal static partial class NameTemplate
{
    public const int MaxLength = 15;

    /// <summary>What is wrong with the template, in the user's words, or null.</summary>
    public static string? Problem(string template)
    {
        var literal = Macro().Replace(template, "");
        foreach (Match macro in AnyMacro().Matches(template))
        {
            if (!Macro().IsMatch(macro.Value))
            {
                return $"uses the unknown macro '{macro.Value}'; the macros, in capitals, are %SERIAL% and %RAND:x% (x random digits, 1 to {MaxLength}).";
            }
        }

        if (literal.Contains('%'))
        {
            return "has a '%' outside a macro; the macros are %SERIAL% and %RAND:x%.";
        }

        if (literal.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')) is var bad and not '\0')
        {
            return $"contains '{bad}', which a Windows computer name cannot hold; accepted: letters, digits, hyphens and the macros %SERIAL% and %RAND:x%.";
        }

        var random = Macro().Matches(template).Where(m => m.Groups["digits"].Success).Sum(m => int.Parse(m.Groups["digits"].Value, System.Globalization.CultureInfo.InvariantCulture));
        var serial = template.Contains("%SERIAL%", StringComparison.Ordinal);
        // The serial number is cut to the room that is left, so it needs at least one character of it.
        var longest = literal.Length + random + (serial ? 1 : 0);
        if (longest > MaxLength)
        {
            return $"makes names of at least {longest} characters (letters {literal.Length}, %RAND% digits {random}{(serial ? ", at least 1 of the serial number" : "")}); "
                + $"a Windows computer name holds at most {MaxLength}.";
        }

        if (longest == 0)
        {
            return "makes an empty name.";
        }

        if (!serial && !literal.Any(char.IsAsciiLetter))
        {
            return "makes names without a letter (digits and hyphens only), which Windows does not accept; add a letter or %SERIAL%.";
        }

        return null;
    }

    [GeneratedRegex(@"%SERIAL%|%RAND:(?<digits>[1-9]|1[0-5])%")]
    private static partial Regex Macro();

    [GeneratedRegex(@"%[^%]*%")]
    private static partial Regex AnyMacro();
}
