using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralPortal.Data;

/// <summary>
/// Failed sign-ins under one throttle key (a hash of an account and client address, or of an address alone), shared
/// by every instance of the app as the account lockout is. The count starts again after a quiet window.
/// </summary>
public class LoginFailureCount
{
    private LoginFailureCount(string key, int count, long lastFailureUnixMs)
    {
        Key = key;
        Count = count;
        LastFailureUnixMs = lastFailureUnixMs;
    }

    public string Key { get; private set; }

    public int Count { get; private set; }

    /// <summary>The last failure, in milliseconds since 1970 (an integer compares the same on every provider).</summary>
    public long LastFailureUnixMs { get; private set; }

    /// <summary>
    /// Counts one failure under <paramref name="key"/> in one statement (an upsert of an increment), so failures sent to
    /// several instances at once are all counted; a count whose last failure is older than <paramref name="window"/> starts at 1.
    /// </summary>
    public static Task AddAsync(ReferralsDbContext db, string key, DateTimeOffset now, TimeSpan window, CancellationToken ct)
    {
        var at = now.ToUnixTimeMilliseconds();
        var stale = (now - window).ToUnixTimeMilliseconds();
        var sql = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer"
            ? """
              MERGE [LoginFailures] WITH (HOLDLOCK) AS t
              USING (VALUES ({0}, {1})) AS s ([Key], [At]) ON t.[Key] = s.[Key]
              WHEN MATCHED THEN UPDATE SET [Count] = CASE WHEN t.[LastFailureUnixMs] < {2} THEN 1 ELSE t.[Count] + 1 END, [LastFailureUnixMs] = s.[At]
              WHEN NOT MATCHED THEN INSERT ([Key], [Count], [LastFailureUnixMs]) VALUES (s.[Key], 1, s.[At]);
              """
            : """
              INSERT INTO "LoginFailures" ("Key", "Count", "LastFailureUnixMs") VALUES ({0}, 1, {1})
              ON CONFLICT ("Key") DO UPDATE
              SET "Count" = CASE WHEN "LoginFailures"."LastFailureUnixMs" < {2} THEN 1 ELSE "LoginFailures"."Count" + 1 END, "LastFailureUnixMs" = {1}
              """;
        return db.Database.ExecuteSqlRawAsync(sql, [key, at, stale], ct);
    }
}

internal sealed class LoginFailureCountConfiguration : IEntityTypeConfiguration<LoginFailureCount>
{
    public void Configure(EntityTypeBuilder<LoginFailureCount> b)
    {
        b.ToTable("LoginFailures");
        b.HasKey(f => f.Key);
        b.Property(f => f.Key).HasMaxLength(64).ValueGeneratedNever();
        b.HasIndex(f => f.LastFailureUnixMs);
    }
}
