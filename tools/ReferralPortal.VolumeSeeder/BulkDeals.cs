using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ReferralPortal.VolumeSeeder;

/// <summary>
/// Writes deals with raw prepared statements in large transactions (EF's change tracker would take
/// an hour for a million rows). The distribution mimics a programme: a few large partners hold most
/// deals, every status, type, country and registration status appears, with activities and favourites.
/// </summary>
internal sealed class BulkDeals(SqliteConnection connection, int seed)
{
    private const int BatchSize = 50_000;
    private static readonly string[] Countries = ["PT", "ES", "US", "GB", "DE", "BR", "FR", "NL", "IT", "IE", "PL", "SE", "CA", "MX", "JP", "AU"];
    private static readonly string[] Currencies = ["USD", "EUR", "GBP"];
    private static readonly string[] Industries = ["Retail", "Logistics", "Healthcare", "Manufacturing", "Energy", "Financial services", "Software", "Hospitality"];
    private static readonly string[] Projects = ["Data platform modernisation", "Retail analytics rollout", "Field service expansion", "Cloud migration", "Warehouse visibility", "Customer 360", "Demand forecasting", "ERP integration", "Fleet tracking", "E-commerce replatform"];
    private static readonly string[] Words = ["Atlas", "Beacon", "Cobalt", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Ion", "Juniper", "Keystone", "Lumen", "Meridian", "Nimbus", "Orion", "Pioneer", "Quartz", "Summit", "Tidal", "Vertex"];

    private readonly Random random = new(seed);

    public async Task<int> WriteAsync(int count)
    {
        await Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-200000;");
        var now = DateTime.UtcNow;
        var partners = await PartnersAsync();
        var customers = await CustomersAsync(Math.Clamp(count / 50, 200, 20_000));
        var vendorUser = await Scalar<string>("SELECT Id FROM AspNetUsers WHERE Email = 'reviewer@contoso.example'");

        var written = 0;
        while (written < count)
        {
            var batch = Math.Min(BatchSize, count - written);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var deal = Command(tx, """
                INSERT INTO Deals (OwnerOrganisationId, Direction, CustomerId, ContactFirstName, ContactLastName, ContactEmail, Name, NormalisedName, Value, Currency,
                  LocationCountry, EstimatedCloseDate, ContainsPlaceholderData, Notes, HelpWanted, DealType, Status, RegistrationStatus, CloseReason,
                  SharedAt, ReviewDueAt, DecidedAt, CreatedAt, UpdatedAt, CreatedByUserId, RegistrationSubmittedAt, Version)
                VALUES ($owner, $direction, $customer, $first, $last, $email, $name, upper($name), $value, $currency, $country, $close, 0, $notes, $help, $type,
                  $status, $registration, $reason, $shared, $due, $decided, $created, $updated, $createdBy, $submitted, 0);
                SELECT last_insert_rowid();
                """, "$owner", "$direction", "$customer", "$first", "$last", "$email", "$name", "$value", "$currency", "$country", "$close", "$notes",
                "$help", "$type", "$status", "$registration", "$reason", "$shared", "$due", "$decided", "$created", "$updated", "$createdBy", "$submitted");
            await using var link = Command(tx, "INSERT INTO DealSolutions (DealId, SolutionId) VALUES ($deal, $solution)", "$deal", "$solution");
            await using var activity = Command(tx, """
                INSERT INTO DealActivities (DealId, Kind, ActorUserId, ActorName, At, FromStatus, ToStatus, Reason)
                VALUES ($deal, $kind, $actor, $actorName, $at, $from, $to, $reason)
                """, "$deal", "$kind", "$actor", "$actorName", "$at", "$from", "$to", "$reason");

            for (var i = 0; i < batch; i++)
            {
                var partner = PickPartner(partners);
                var customer = customers[random.Next(customers.Count)];
                var created = now.AddMinutes(-random.Next(60, 3 * 365 * 24 * 60));
                var inbound = random.Next(100) < 15;
                var coSell = inbound || random.Next(100) < 80;
                var (status, decided) = PickStatus(coSell, created, now);
                var eligible = coSell && partner.EligibleSolution is not null && random.Next(100) < 70;
                var registration = !eligible ? "NotEligible"
                    : status != "Active" && status != "Won" ? "NotRegistered"
                    : random.Next(5) switch { 0 => "Submitted", 1 => "Approved", 2 => "Rejected", _ => "NotRegistered" };
                var updated = decided ?? created;

                // A registration was submitted after the deal became Active (the Review SLA view ages it from then).
                DateTime? submitted = registration is "Submitted" or "Approved" or "Rejected" ? updated : null;
                if (status == "New")
                {
                    created = now.AddHours(-random.Next(1, 13 * 24));
                    updated = created;
                }

                Set(deal, partner.Id, inbound ? "Inbound" : "Outbound", customer.Id,
                    random.Next(3) == 0 ? DBNull.Value : "Alex", random.Next(3) == 0 ? DBNull.Value : "Morgan" + random.Next(1000).ToString(CultureInfo.InvariantCulture),
                    DBNull.Value, $"{customer.Name} – {Projects[random.Next(Projects.Length)]}", Math.Round(1_000 + random.NextDouble() * 2_000_000, 2),
                    Currencies[random.Next(Currencies.Length)], customer.Country, DateOnly.FromDateTime(created).AddDays(30 + random.Next(300)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    random.Next(4) == 0 ? "Introduced by the regional team." : DBNull.Value, random.Next(5) == 0 ? "WorkloadValueProposition" : "None",
                    coSell ? "CoSell" : "Private", status, registration,
                    status is "Lost" or "Declined" ? "ChoseAnotherVendor" : DBNull.Value,
                    coSell ? Date(created) : DBNull.Value, coSell ? Date(created.AddDays(14)) : DBNull.Value,
                    decided is { } d ? Date(d) : DBNull.Value, Date(created), Date(updated), partner.AdminUserId, submitted is { } s ? Date(s) : DBNull.Value);
                var id = (long)(await deal.ExecuteScalarAsync())!;

                // Registration status follows the attached solution: eligible deals carry the eligible one.
                var solution = eligible ? partner.EligibleSolution!.Value : partner.SolutionIds.Find(x => x != partner.EligibleSolution) is var other and not 0 ? other : partner.SolutionIds[0];
                Set(link, id, solution);
                await link.ExecuteNonQueryAsync();
                Set(activity, id, "Created", inbound ? vendorUser : partner.AdminUserId, inbound ? "Rita Moreno" : "Partner admin", Date(created), DBNull.Value, coSell ? "New" : "Active", DBNull.Value);
                await activity.ExecuteNonQueryAsync();
                if (decided is { } at)
                {
                    // The decision's activity kind: a co-sell deal that became Active was Accepted (Active is a status, not an ActivityKind);
                    // the vendor's reviewer decides, so the Review SLA view's time to decision per reviewer has a reviewer to read.
                    var kind = status == "Active" ? "Accepted" : status;
                    var byReviewer = kind is "Accepted" or "Declined";
                    Set(activity, id, kind, byReviewer ? vendorUser : DBNull.Value, byReviewer ? "Rita Moreno" : "System", Date(at), coSell ? "New" : "Active", status,
                        status is "Lost" or "Declined" ? "ChoseAnotherVendor" : DBNull.Value);
                    await activity.ExecuteNonQueryAsync();
                }

                if (submitted is { } sent)
                {
                    Set(activity, id, "RegistrationSubmitted", partner.AdminUserId, "Partner admin", Date(sent), DBNull.Value, DBNull.Value, DBNull.Value);
                    await activity.ExecuteNonQueryAsync();
                }
            }

            await tx.CommitAsync();
            written += batch;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {written:N0} deals"));
        }

        await FavouritesAsync();
        await Exec("ANALYZE;");
        return written;
    }

    private static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private (string Status, DateTime? Decided) PickStatus(bool coSell, DateTime created, DateTime now)
    {
        var roll = random.Next(100);
        DateTime Later(int maxDays) => created.AddDays(1 + random.Next(maxDays)) is var d && d < now ? d : now.AddMinutes(-1);
        if (!coSell)
        {
            return roll switch
            {
                < 50 => ("Active", null),
                < 75 => ("Won", Later(200)),
                < 92 => ("Lost", Later(200)),
                _ => ("ClosedAsError", Later(30)),
            };
        }

        return roll switch
        {
            < 8 => ("New", null),
            < 38 => ("Active", Later(13)),
            < 58 => ("Won", Later(250)),
            < 72 => ("Lost", Later(250)),
            < 82 => ("Declined", Later(13)),
            < 96 => ("Expired", created.AddDays(14)),
            _ => ("ClosedAsError", Later(30)),
        };
    }

    private sealed record Partner(int Id, string AdminUserId, List<long> SolutionIds, long? EligibleSolution, int Weight);

    private sealed record CustomerRef(long Id, string Name, string Country);

    private Partner PickPartner(List<Partner> partners)
    {
        var total = partners.Sum(p => p.Weight);
        var roll = random.Next(total);
        foreach (var p in partners)
        {
            roll -= p.Weight;
            if (roll < 0)
            {
                return p;
            }
        }

        return partners[^1];
    }

    private async Task<List<Partner>> PartnersAsync()
    {
        // Twenty more partners, each with two published co-sell ready solutions (one registration eligible).
        var anyAdmin = await Scalar<string>("SELECT Id FROM AspNetUsers WHERE Email = 'admin@adventure-works.example'");
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            for (var i = 1; i <= 20; i++)
            {
                var name = $"{Words[i % Words.Length]} Partners {i:D2}";
                if (await Scalar<long>($"SELECT COUNT(*) FROM Organisations WHERE Name = '{name}'", tx) > 0)
                {
                    continue;
                }

                await using var org = Command(tx, "INSERT INTO Organisations (Name, Kind, Country) VALUES ($n, 'Partner', $c); SELECT last_insert_rowid();", "$n", "$c");
                Set(org, name, Countries[i % Countries.Length]);
                var id = (long)(await org.ExecuteScalarAsync())!;
                await using var sol = Command(tx, "INSERT INTO Solutions (OrganisationId, Name, Description, MarketplaceStatus, CoSellStatus, RegistrationEligible) VALUES ($o, $n, 'Volume seed', 'Published', 'CoSellReady', $e)", "$o", "$n", "$e");
                Set(sol, id, name + " Cloud", 1);
                await sol.ExecuteNonQueryAsync();
                Set(sol, id, name + " Services", 0);
                await sol.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }

        var result = new List<Partner>();
        await using var read = connection.CreateCommand();
        read.CommandText = """
            SELECT o.Id, o.Name, (SELECT u.Id FROM AspNetUsers u WHERE u.OrganisationId = o.Id AND u.Role = 'ReferralAdmin' LIMIT 1)
            FROM Organisations o WHERE o.Kind = 'Partner' AND o.Name <> 'Fabrikam Consulting'
            """;
        var rows = new List<(int Id, string Name, string? Admin)>();
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        foreach (var (id, name, admin) in rows)
        {
            var solutions = new List<long>();
            long? eligible = null;
            await using var s = connection.CreateCommand();
            s.CommandText = $"SELECT Id, RegistrationEligible FROM Solutions WHERE OrganisationId = {id} AND MarketplaceStatus = 'Published' AND CoSellStatus = 'CoSellReady'";
            await using (var reader = await s.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    solutions.Add(reader.GetInt64(0));
                    if (reader.GetBoolean(1))
                    {
                        eligible = reader.GetInt64(0);
                    }
                }
            }

            var weight = name switch { "Northwind Traders" => 40, "Adventure Works" => 15, _ => 2 + id % 4 };
            result.Add(new Partner(id, admin ?? anyAdmin, solutions, eligible, weight));
        }

        return result;
    }

    private async Task<List<CustomerRef>> CustomersAsync(int count)
    {
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await using var insert = Command(tx, """
                INSERT INTO Customers (Name, NormalisedName, Country, AddressLine, City, PostalCode, Industry, Size, Website, AddedManually)
                VALUES ($n, $nn, $c, 'Main Street 1', 'Capital', '1000', $i, 'Medium', NULL, 0)
                """, "$n", "$nn", "$c", "$i");
            for (var i = 0; i < count; i++)
            {
                var name = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {Industries[i % Industries.Length]} {i:D5}";
                Set(insert, name, name.ToUpperInvariant(), Countries[random.Next(Countries.Length)], Industries[i % Industries.Length]);
                await insert.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }

        var customers = new List<CustomerRef>();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT Id, Name, Country FROM Customers";
        await using var r = await read.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            customers.Add(new CustomerRef(r.GetInt64(0), r.GetString(1), r.GetString(2)));
        }

        return customers;
    }

    private async Task FavouritesAsync()
    {
        // The Northwind sales user stars a few hundred deals spread over their history; the admin a few dozen.
        await Exec("""
            INSERT OR IGNORE INTO DealFavourites (UserId, DealId)
            SELECT u.Id, d.Id FROM AspNetUsers u JOIN Deals d ON d.OwnerOrganisationId = u.OrganisationId
            WHERE u.Email = 'sales@northwind.example' AND d.Id % 997 = 0;
            INSERT OR IGNORE INTO DealFavourites (UserId, DealId)
            SELECT u.Id, d.Id FROM AspNetUsers u JOIN Deals d ON d.OwnerOrganisationId = u.OrganisationId
            WHERE u.Email = 'admin@northwind.example' AND d.Id % 4999 = 0;
            """);
    }

    private SqliteCommand Command(SqliteTransaction tx, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var p in parameters)
        {
            command.Parameters.Add(new SqliteParameter(p, null));
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private async Task Exec(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> Scalar<T>(string sql, SqliteTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }
}
