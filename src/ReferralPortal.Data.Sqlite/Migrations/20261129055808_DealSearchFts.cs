using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.Sqlite.Migrations
{
    /// <summary>
    /// SQLite only: a trigram FTS5 index over deal and customer names, kept in step by triggers, so
    /// workspace search finds substrings without scanning every deal. SQL Server keeps LIKE (see DealSearch).
    /// </summary>
    public partial class DealSearchFts : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE DealSearch USING fts5(Name, CustomerName, tokenize = 'trigram');
                """);
            migrationBuilder.Sql("""
                INSERT INTO DealSearch (rowid, Name, CustomerName)
                SELECT d.Id, d.Name, c.Name FROM Deals d JOIN Customers c ON c.Id = d.CustomerId;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Deals_Search_Insert AFTER INSERT ON Deals BEGIN
                  INSERT INTO DealSearch (rowid, Name, CustomerName)
                  VALUES (new.Id, new.Name, (SELECT Name FROM Customers WHERE Id = new.CustomerId));
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Deals_Search_Update AFTER UPDATE OF Name, CustomerId ON Deals BEGIN
                  UPDATE DealSearch SET Name = new.Name, CustomerName = (SELECT Name FROM Customers WHERE Id = new.CustomerId)
                  WHERE rowid = new.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Deals_Search_Delete AFTER DELETE ON Deals BEGIN
                  DELETE FROM DealSearch WHERE rowid = old.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Customers_Search_Rename AFTER UPDATE OF Name ON Customers BEGIN
                  UPDATE DealSearch SET CustomerName = new.Name WHERE rowid IN (SELECT Id FROM Deals WHERE CustomerId = new.Id);
                END;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Customers_Search_Rename;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Deals_Search_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Deals_Search_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Deals_Search_Insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS DealSearch;");
        }
    }
}
