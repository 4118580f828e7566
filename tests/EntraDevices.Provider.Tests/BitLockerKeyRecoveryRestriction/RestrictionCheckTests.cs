using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.BitLockerKeyRecoveryRestriction;

public class RestrictionCheckTests
{
    private static CheckFailure SingleFailure(ObjectValue news) => Assert.Single(RestrictionCheck.Check(news).Failures);

    [Fact]
    public void The_input_is_optional()
    {
        var result = RestrictionCheck.Check(ObjectValue.Empty);

        Assert.Empty(result.Failures);
        Assert.Empty(result.Warnings);
        Assert.Equal(ObjectValue.Empty, result.Inputs);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_boolean_passes_unchanged(bool restrict)
    {
        var news = Obj(("restrictOwnersFromReadingKeys", Bool(restrict)));

        var result = RestrictionCheck.Check(news);

        Assert.Empty(result.Failures);
        Assert.Equal(news, result.Inputs);
    }

    [Fact]
    public void An_unknown_value_passes_in_preview()
    {
        Assert.Empty(RestrictionCheck.Check(Obj(("restrictOwnersFromReadingKeys", PropertyValue.Unknown))).Failures);
    }

    [Fact]
    public void A_secret_boolean_passes()
    {
        Assert.Empty(RestrictionCheck.Check(Obj(("restrictOwnersFromReadingKeys", new SecretValue(Bool(true))))).Failures);
    }

    [Fact]
    public void A_string_instead_of_a_boolean_names_the_property_and_the_accepted_values()
    {
        var failure = SingleFailure(Obj(("restrictOwnersFromReadingKeys", Str("yes"))));

        Assert.Equal("restrictOwnersFromReadingKeys", failure.Property);
        Assert.Contains("true or false", failure.Reason);
        Assert.Contains("a string", failure.Reason);
        Assert.DoesNotContain("yes", failure.Reason);
    }

    [Fact]
    public void A_number_instead_of_a_boolean_is_refused()
    {
        var failure = SingleFailure(Obj(("restrictOwnersFromReadingKeys", Num(1))));

        Assert.Equal("restrictOwnersFromReadingKeys", failure.Property);
        Assert.Contains("true or false", failure.Reason);
    }

    [Fact]
    public void An_unknown_property_names_itself_and_the_accepted_one()
    {
        var failure = SingleFailure(Obj(("allowedToReadBitlockerKeysForOwnedDevice", Bool(false))));

        Assert.Equal("allowedToReadBitlockerKeysForOwnedDevice", failure.Property);
        Assert.Contains("not a property", failure.Reason);
        Assert.Contains("restrictOwnersFromReadingKeys", failure.Reason);
    }

    [Fact]
    public void The_original_value_is_an_output_not_an_input()
    {
        var failure = SingleFailure(Obj(("originalValue", Bool(true))));

        Assert.Equal("originalValue", failure.Property);
        Assert.Contains("is an output, not an input", failure.Reason);
    }
}
