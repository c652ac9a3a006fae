using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;

namespace ReferralPortal.Web.Features.Account;

/// <summary>
/// Failed sign-ins counted per (account, client address) and per client address (ASVS 6.3.1, 6.1.1): the address
/// that guesses is refused after a few failures at one account, or after more across accounts, while the same
/// account signs in from anywhere else. The account key is the address typed in, whether or not it has an
/// account, so a refusal says nothing about which addresses exist. Counts live 15 minutes from the last failure.
/// Kept in the database (<see cref="LoginFailureCount"/>, keys hashed) like Identity's per-account lockout, so every
/// instance behind the load balancer sees the same counts: a guesser spreading tries over instances gains nothing.
/// </summary>
public sealed class LoginThrottle(ReferralsDbContext db, TimeProvider clock, IOptions<SigninOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>True when this address may not try this account (or any account) now.</summary>
    public async Task<bool> IsBlockedAsync(string account, string? address, CancellationToken ct = default)
    {
        var (pair, alone) = (PairKey(account, address), AddressKey(address));
        var since = (clock.GetUtcNow() - Window).ToUnixTimeMilliseconds();
        var counts = await db.Set<LoginFailureCount>().AsNoTracking()
            .Where(f => (f.Key == pair || f.Key == alone) && f.LastFailureUnixMs >= since)
            .Select(f => new { f.Key, f.Count })
            .ToListAsync(ct);
        return counts.Any(c => c.Key == pair && c.Count >= options.Value.AccountAddressFailuresBeforeBlock)
            || counts.Any(c => c.Key == alone && c.Count >= options.Value.AddressFailuresBeforeBlock);
    }

    public async Task FailedAsync(string account, string? address, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await LoginFailureCount.AddAsync(db, PairKey(account, address), now, Window, ct);
        await LoginFailureCount.AddAsync(db, AddressKey(address), now, Window, ct);

        // Counts past their window say nothing any more (indexed on the time, so this touches only those).
        var stale = (now - Window).ToUnixTimeMilliseconds();
        await db.Set<LoginFailureCount>().Where(f => f.LastFailureUnixMs < stale).ExecuteDeleteAsync(ct);
    }

    /// <summary>A successful sign-in clears that pair's count (not the address's: one right guess does not excuse many wrong ones).</summary>
    public async Task SucceededAsync(string account, string? address, CancellationToken ct = default)
    {
        var pair = PairKey(account, address);
        await db.Set<LoginFailureCount>().Where(f => f.Key == pair).ExecuteDeleteAsync(ct);
    }

    private static string PairKey(string account, string? address) => Hash($"{account.Trim().ToUpperInvariant()}|{address}");

    private static string AddressKey(string? address) => Hash($"|{address}");

    // A fixed-length key whatever was typed in, and no typed e-mail addresses or client addresses kept in the table.
    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
