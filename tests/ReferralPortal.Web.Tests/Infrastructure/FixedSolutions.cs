using ReferralPortal.Web.Features.NewDeal;

namespace ReferralPortal.Web.Tests.Infrastructure;

/// <summary>The partner's published solutions as a validator sees them, fixed by the test (no database).</summary>
internal sealed class FixedSolutions(params SolutionChoice[] choices) : IPartnerSolutions
{
    public Task<IReadOnlyList<SolutionChoice>> PublishedAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<SolutionChoice>>(choices);
}
