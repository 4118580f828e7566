namespace EntraDevices.Graph.Tests.Errors;

public class RedactionTests
{
    [Fact]
    public void A_remembered_secret_is_taken_out_wherever_it_appears()
    {
        var redaction = new Redaction();
        redaction.Remember("s3cr3t-client-value");

        Assert.Equal("bad secret [redacted] (was [redacted])", redaction.Apply("bad secret s3cr3t-client-value (was s3cr3t-client-value)"));
    }

    [Fact]
    public void Anything_shaped_like_a_jwt_is_taken_out_even_if_never_seen()
    {
        var text = new Redaction().Apply("token eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJl expired");

        Assert.Equal("token [redacted] expired", text);
    }

    [Fact]
    public void A_bearer_credential_is_taken_out_whatever_its_shape()
    {
        Assert.Equal("Authorization: Bearer [redacted]", new Redaction().Apply("Authorization: Bearer abc.DEF~ghi-123456"));
    }

    [Fact]
    public void Short_values_and_ordinary_text_are_left_alone()
    {
        var redaction = new Redaction();
        redaction.Remember("abc");

        Assert.Equal("abc is a quota of 50 for Bearer", redaction.Apply("abc is a quota of 50 for Bearer"));
    }
}
