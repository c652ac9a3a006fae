using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ReferralPortal.Web.Features.Account;

/// <summary>
/// Failed sign-ins counted per (account, client address) and per client address (ASVS 6.3.1, 6.1.1): the address
/// that guesses is refused after a few failures at one account, or after more across accounts, while the same
/// account signs in from anywhere else. The account key is the address typed in, whether or not it has an
/// account, so a refusal says nothing about which addresses exist. Counts live 15 minutes from the last failure.
/// Kept in memory per instance; Identity's per-account lockout (a much higher threshold, in the database) is the
/// limit shared by every instance.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, IOptions<SigninOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Last)> failures = new(StringComparer.Ordinal);

    /// <summary>True when this address may not try this account (or any account) now.</summary>
    public bool IsBlocked(string account, string? address) =>
        Count(PairKey(account, address)) >= options.Value.AccountAddressFailuresBeforeBlock
        || Count(AddressKey(address)) >= options.Value.AddressFailuresBeforeBlock;

    public void Failed(string account, string? address)
    {
        var now = clock.GetUtcNow();
        foreach (var key in new[] { PairKey(account, address), AddressKey(address) })
        {
            failures.AddOrUpdate(key, _ => (1, now), (_, v) => (now - v.Last > Window ? 1 : v.Count + 1, now));
        }

        if (failures.Count > 100_000)
        {
            foreach (var stale in failures.Where(f => now - f.Value.Last > Window).Select(f => f.Key).ToList())
            {
                failures.TryRemove(stale, out _);
            }
        }
    }

    /// <summary>A successful sign-in clears that pair's count (not the address's: one right guess does not excuse many wrong ones).</summary>
    public void Succeeded(string account, string? address) => failures.TryRemove(PairKey(account, address), out _);

    private static string PairKey(string account, string? address) => $"{account.Trim().ToUpperInvariant()}|{address}";

    private static string AddressKey(string? address) => $"|{address}";

    private int Count(string key) =>
        failures.TryGetValue(key, out var v) && clock.GetUtcNow() - v.Last <= Window ? v.Count : 0;
}
