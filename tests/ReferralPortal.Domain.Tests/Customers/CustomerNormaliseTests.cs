using ReferralPortal.Domain.Customers;

namespace ReferralPortal.Domain.Tests.Customers;

public sealed class CustomerNormaliseTests
{
    [Theory]
    [InlineData("  Lisboa   Logistics ", "LISBOA LOGISTICS")]
    [InlineData("Lisboa\0Logistics", "LISBOA LOGISTICS")]
    [InlineData("Lisboa\tLogistics\r\n", "LISBOA LOGISTICS")]
    [InlineData("\0", "")]
    public void Normalise_gives_upper_case_single_spaced_text_without_control_characters(string name, string expected) =>
        Assert.Equal(expected, Customer.Normalise(name));
}
