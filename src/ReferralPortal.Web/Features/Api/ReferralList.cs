using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Features.Workspace;

namespace ReferralPortal.Web.Features.Api;

/// <summary>The filters and paging of GET /api/v1/referrals, as the query string carries them.</summary>
public sealed record ReferralListQuery(
    string? Status,
    string? Direction,
    string? DealType,
    string? RegistrationStatus,
    string? Country,
    int? CustomerId,
    int? SolutionId,
    DateTimeOffset? UpdatedSince,
    string? Q,
    string? Sort,
    int? Limit,
    string? Cursor);

/// <summary>
/// Lists referrals through the tenant query filters with keyset ("cursor") paging on (sort key, id): the cursor
/// names the last row seen, so rows inserted meanwhile never shift or repeat what the next page returns.
/// </summary>
public sealed class ReferralList(ReferralsDbContext db, IDealSearch search)
{
    public const int MaxLimit = 100;
    public const int DefaultLimit = 25;

    /// <summary>The sorts offered: the key and its direction ("-" first means newest first).</summary>
    public static readonly IReadOnlyList<string> Sorts = ["-updatedAt", "updatedAt", "-createdAt", "createdAt", "-id", "id"];

    public async Task<IResult> RunAsync(ReferralListQuery query, HttpRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var deals = db.Deals.AsNoTracking();
        deals = Filter(deals, query.Status, "status", errors, (IReadOnlyList<DealStatus> v) => d => v.Contains(d.Status));
        deals = Filter(deals, query.Direction, "direction", errors, (IReadOnlyList<DealDirection> v) => d => v.Contains(d.Direction));
        deals = Filter(deals, query.DealType, "dealType", errors, (IReadOnlyList<DealType> v) => d => v.Contains(d.DealType));
        deals = Filter(deals, query.RegistrationStatus, "registrationStatus", errors, (IReadOnlyList<RegistrationStatus> v) => d => v.Contains(d.RegistrationStatus));
        if (!string.IsNullOrEmpty(query.Country))
        {
            var country = query.Country.Trim().ToUpperInvariant();
            deals = deals.Where(d => d.LocationCountry == country);
        }

        if (query.CustomerId is int customer)
        {
            deals = deals.Where(d => d.CustomerId == customer);
        }

        if (query.SolutionId is int solution)
        {
            deals = deals.Where(d => d.Solutions.Any(s => s.Id == solution));
        }

        if (query.UpdatedSince is { } since)
        {
            var utc = since.UtcDateTime;
            deals = deals.Where(d => d.UpdatedAt >= utc);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            deals = search.Apply(deals, query.Q.Trim());
        }

        var sort = string.IsNullOrEmpty(query.Sort) ? Sorts[0] : query.Sort;
        if (!Sorts.Contains(sort, StringComparer.Ordinal))
        {
            errors["sort"] = [Resources.SharedResource.Text("Choose a sort from the list: {0}.", string.Join(", ", Sorts))];
        }

        var limit = query.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [Resources.SharedResource.Text("Choose a limit from 1 to 100.")];
        }

        var after = query.Cursor is null ? null : ReferralCursor.Parse(query.Cursor);
        if (query.Cursor is not null && (after is null || after.Sort != sort))
        {
            errors["cursor"] = [Resources.SharedResource.Text("This cursor is not valid for this list; start again without it.")];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var descending = sort.StartsWith('-');
        var key = sort.TrimStart('-');
        deals = Page(deals, key, descending, after);
        var rows = await deals.Include(d => d.Customer).Include(d => d.Solutions).AsSplitQuery().Take(limit + 1).ToListAsync(ct);
        var more = rows.Count > limit;
        var items = rows.Take(limit).Select(ReferralResource.Of).ToList();
        string? nextCursor = null;
        string? next = null;
        if (more)
        {
            var last = rows[limit - 1];
            nextCursor = new ReferralCursor(sort, KeyOf(last, key), last.Id).Format();
            var parameters = QueryHelpers.ParseQuery(request.QueryString.Value)
                .Where(p => p.Key != "cursor")
                .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString()))
                .Append(new KeyValuePair<string, string?>("cursor", nextCursor));
            next = QueryHelpers.AddQueryString(request.PathBase + request.Path, parameters);
        }

        return TypedResults.Ok(new ReferralPage(items, nextCursor, next));
    }

    private static long KeyOf(Deal d, string key) => key switch
    {
        "updatedAt" => d.UpdatedAt.Ticks,
        "createdAt" => d.CreatedAt.Ticks,
        _ => d.Id,
    };

    private static IQueryable<Deal> Page(IQueryable<Deal> deals, string key, bool descending, ReferralCursor? after)
    {
        if (key == "id")
        {
            if (after is not null)
            {
                var id = after.Id;
                deals = descending ? deals.Where(d => d.Id < id) : deals.Where(d => d.Id > id);
            }

            return descending ? deals.OrderByDescending(d => d.Id) : deals.OrderBy(d => d.Id);
        }

        Expression<Func<Deal, DateTime>> sortKey = key == "createdAt" ? d => d.CreatedAt : d => d.UpdatedAt;
        if (after is not null)
        {
            deals = deals.Where(After(sortKey, new DateTime(after.Key, DateTimeKind.Unspecified), after.Id, descending));
        }

        return descending
            ? deals.OrderByDescending(sortKey).ThenByDescending(d => d.Id)
            : deals.OrderBy(sortKey).ThenBy(d => d.Id);
    }

    // (key < k) OR (key = k AND id < i) for newest first; the mirror image for oldest first.
    private static Expression<Func<Deal, bool>> After(Expression<Func<Deal, DateTime>> sortKey, DateTime k, int i, bool descending)
    {
        var d = sortKey.Parameters[0];
        var keyValue = Expression.Constant(k);
        var idValue = Expression.Constant(i);
        var id = Expression.Property(d, nameof(Deal.Id));
        var beyond = descending ? Expression.LessThan(sortKey.Body, keyValue) : Expression.GreaterThan(sortKey.Body, keyValue);
        var tie = Expression.AndAlso(Expression.Equal(sortKey.Body, keyValue), descending ? Expression.LessThan(id, idValue) : Expression.GreaterThan(id, idValue));
        return Expression.Lambda<Func<Deal, bool>>(Expression.OrElse(beyond, tie), d);
    }

    private static IQueryable<Deal> Filter<TEnum>(IQueryable<Deal> deals, string? text, string field, Dictionary<string, string[]> errors, Func<IReadOnlyList<TEnum>, Expression<Func<Deal, bool>>> where)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return deals;
        }

        var values = new List<TEnum>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!char.IsLetter(part[0]) || !Enum.TryParse<TEnum>(part, ignoreCase: true, out var value) || !Enum.IsDefined(value))
            {
                errors[field] = [Resources.SharedResource.Text("Choose values from the list: {0}.", string.Join(", ", Enum.GetNames<TEnum>().Select(ApiProblems.Camel)))];
                return deals;
            }

            values.Add(value);
        }

        return deals.Where(where(values));
    }
}

/// <summary>The opaque cursor: the sort, the last row's sort key and id, as base64url JSON.</summary>
public sealed record ReferralCursor(string Sort, long Key, int Id)
{
    public string Format() => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[] { Sort, Key.ToString(CultureInfo.InvariantCulture), Id.ToString(CultureInfo.InvariantCulture) })));

    public static ReferralCursor? Parse(string text)
    {
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(WebEncoders.Base64UrlDecode(text));
            return parts is [var sort, var key, var id]
                && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k >= 0 && k <= DateTime.MaxValue.Ticks
                && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                ? new ReferralCursor(sort, k, i)
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
