using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.Sqlite.Migrations
{
    /// <summary>
    /// Deals get the domain's accent- and case-free search key (customers already had the column; both are
    /// recomputed), and the trigram search index reads the keys instead of the names, so "logistica" finds
    /// "Logística".
    /// </summary>
    public partial class RulesSearchKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NormalisedName",
                table: "Deals",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
            SearchKeyBackfill.Recompute(migrationBuilder, "Deals");
            SearchKeyBackfill.Recompute(migrationBuilder, "Customers");
            DropSearchIndex(migrationBuilder);
            CreateSearchIndex(migrationBuilder, "NormalisedName");
        }

        private static void DropSearchIndex(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Customers_Search_Rename;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Deals_Search_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Deals_Search_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Deals_Search_Insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS DealSearch;");
        }

        // The DealSearchFts index, over the given column of deals and customers.
        private static void CreateSearchIndex(MigrationBuilder migrationBuilder, string column)
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE DealSearch USING fts5(Name, CustomerName, tokenize = 'trigram');");
            migrationBuilder.Sql($"""
                INSERT INTO DealSearch (rowid, Name, CustomerName)
                SELECT d.Id, d.{column}, c.{column} FROM Deals d JOIN Customers c ON c.Id = d.CustomerId;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER Deals_Search_Insert AFTER INSERT ON Deals BEGIN
                  INSERT INTO DealSearch (rowid, Name, CustomerName)
                  VALUES (new.Id, new.{column}, (SELECT {column} FROM Customers WHERE Id = new.CustomerId));
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER Deals_Search_Update AFTER UPDATE OF {column}, CustomerId ON Deals BEGIN
                  UPDATE DealSearch SET Name = new.{column}, CustomerName = (SELECT {column} FROM Customers WHERE Id = new.CustomerId)
                  WHERE rowid = new.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Deals_Search_Delete AFTER DELETE ON Deals BEGIN
                  DELETE FROM DealSearch WHERE rowid = old.Id;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER Customers_Search_Rename AFTER UPDATE OF {column} ON Customers BEGIN
                  UPDATE DealSearch SET CustomerName = new.{column} WHERE rowid IN (SELECT Id FROM Deals WHERE CustomerId = new.Id);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropSearchIndex(migrationBuilder);
            CreateSearchIndex(migrationBuilder, "Name");
            migrationBuilder.DropColumn(
                name: "NormalisedName",
                table: "Deals");
        }
    }
}
