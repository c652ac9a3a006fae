using System.Net;
using ReferralPortal.Web.Tests.People;

namespace ReferralPortal.Web.Tests.Signin;

/// <summary>
/// Brute force without malicious lockout (ASVS 6.3.1, 6.1.1): failures count per account and client address and
/// per address; a much higher per-account threshold stops distributed guessing; X-Forwarded-For counts only from
/// a configured proxy; a refusal reads the same for addresses with and without an account.
/// </summary>
public sealed class ThrottleTests(SigninFactory factory) : IClassFixture<SigninFactory>
{
    private const string Locked = "This account is locked after too many failed attempts.";

    [Fact]
    public async Task The_guessing_address_is_refused_while_the_user_signs_in_from_elsewhere()
    {
        var email = await MemberAsync();
        using var attacker = factory.ClientFrom("198.51.100.1");
        for (var i = 0; i < 5; i++)
        {
            using var _ = await attacker.LoginAsync(email, $"wrong guess {i}");
        }

        using var blocked = await attacker.LoginAsync(email, PeopleWorld.Password);
        using var user = factory.ClientFrom("192.0.2.10");
        using var signedIn = await user.LoginAsync(email, PeopleWorld.Password);

        Assert.Contains(Locked, await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task An_address_guessing_many_accounts_is_blocked_after_twenty_failures()
    {
        var email = await MemberAsync();
        using var sprayer = factory.ClientFrom("198.51.100.2");
        for (var i = 0; i < 20; i++)
        {
            using var _ = await sprayer.LoginAsync($"someone{i}@people.example", "Summer2026!");
        }

        using var blocked = await sprayer.LoginAsync(email, PeopleWorld.Password);
        using var elsewhere = factory.ClientFrom("192.0.2.11");

        Assert.Contains(Locked, await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.LoginAsync(email, PeopleWorld.Password)).StatusCode);
    }

    [Fact]
    public async Task Guessing_one_account_from_many_addresses_locks_it_at_the_much_higher_threshold()
    {
        var email = await MemberAsync();
        for (var address = 0; address < 10; address++)
        {
            using var bot = factory.ClientFrom($"203.0.113.{address + 1}");
            for (var i = 0; i < 5; i++)
            {
                using var _ = await bot.LoginAsync(email, $"distributed guess {address}-{i}");
            }
        }

        using var user = factory.ClientFrom("192.0.2.12");
        using var refused = await user.LoginAsync(email, PeopleWorld.Password);

        Assert.Contains(Locked, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spoofed_X_Forwarded_For_from_an_unknown_peer_changes_nothing()
    {
        var email = await MemberAsync();
        for (var i = 0; i < 5; i++)
        {
            using var spoofer = factory.ClientFrom("198.51.100.3", forwardedFor: $"192.0.2.{100 + i}");
            using var _ = await spoofer.LoginAsync(email, $"wrong guess {i}");
        }

        using var again = factory.ClientFrom("198.51.100.3", forwardedFor: "192.0.2.200");
        using var blocked = await again.LoginAsync(email, PeopleWorld.Password);

        Assert.Contains(Locked, await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_the_configured_proxy_each_client_address_has_its_own_count()
    {
        var email = await MemberAsync();
        using var attacker = factory.ClientFrom("10.0.0.1", forwardedFor: "198.51.100.4");
        for (var i = 0; i < 5; i++)
        {
            using var _ = await attacker.LoginAsync(email, $"wrong guess {i}");
        }

        using var blocked = await attacker.LoginAsync(email, PeopleWorld.Password);
        using var user = factory.ClientFrom("10.0.0.1", forwardedFor: "192.0.2.13");
        using var signedIn = await user.LoginAsync(email, PeopleWorld.Password);

        Assert.Contains(Locked, await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_is_refused_with_the_same_messages_as_a_known_one()
    {
        var known = await MemberAsync();
        var unknown = PeopleWorld.NewEmail("nobody");

        Assert.Equal(await AnswersAsync(known, "198.51.100.5"), await AnswersAsync(unknown, "198.51.100.6"));
    }

    /// <summary>The error shown after each of six wrong passwords from one address.</summary>
    private async Task<List<string>> AnswersAsync(string email, string peer)
    {
        using var client = factory.ClientFrom(peer);
        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.LoginAsync(email, $"wrong guess {i}");
            answers.Add($"{(int)response.StatusCode} {(await SigninWorld.ErrorsAsync(response)).Trim()}");
        }

        Assert.Contains(answers, a => a.Contains(Locked, StringComparison.Ordinal));
        return answers;
    }

    private async Task<string> MemberAsync()
    {
        var (client, email) = await SigninWorld.NewMemberAsync(factory);
        client.Dispose();
        return email;
    }
}
