using ReferralPortal.Domain.Common;

namespace ReferralPortal.Domain.Tests.Triage;

public sealed class CompanyKeyTests
{
    [Theory]
    [InlineData("Lisboa Logística SA")]
    [InlineData("Lisboa Logistica, S.A.")]
    [InlineData("lisboa  logistica s.a")]
    [InlineData("LISBOA LOGÍSTICA, LDA.")]
    [InlineData("Lisboa Logistica Ltd")]
    [InlineData("Lisboa-Logistica GmbH")]
    [InlineData("Lisboa Logistica, Inc.")]
    public void Of_ignores_case_accents_punctuation_and_legal_forms(string name) =>
        Assert.Equal("LISBOA LOGISTICA", CompanyKey.Of(name));

    [Fact]
    public void Of_keeps_a_legal_form_word_that_is_the_whole_name() =>
        Assert.Equal("SA", CompanyKey.Of("S.A."));

    [Fact]
    public void Of_keeps_legal_form_words_inside_the_name() =>
        Assert.Equal("SA NOSTRA BANK", CompanyKey.Of("Sa Nostra Bank Ltd"));
}
