using Aggregator.Enrichment;

namespace Aggregator.Tests.Enrichment;

public sealed class AuthorAgreementTests
{
    [Fact]
    public void Agrees_OneSharedSurnameAccentsFolded_Agrees() =>
        Assert.True(AuthorAgreement.Agrees(["F. Tramer", "J. Rando"], ["Jakub Łucki", "Florian Tramèr"]));

    [Fact]
    public void Agrees_NoSharedName_Disagrees() =>
        Assert.False(AuthorAgreement.Agrees(["Jane Doe"], ["Rafael Rafailov", "Chelsea Finn"]));

    [Fact]
    public void Agrees_PostNamedNoOneOrOnlyInChinese_DoesNotVeto()
    {
        Assert.True(AuthorAgreement.Agrees([], ["Rafael Rafailov"]));
        Assert.True(AuthorAgreement.Agrees(["张三", "李四"], ["Rafael Rafailov"]));
    }
}
