using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kepu.Web.Infrastructure.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddInsights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "insights_activity_event",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_activity_event", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insights_district_population",
                columns: table => new
                {
                    District = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Residents = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_district_population", x => x.District);
                });

            migrationBuilder.CreateTable(
                name: "insights_monthly_active",
                columns: table => new
                {
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_monthly_active", x => new { x.Month, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "insights_monthly_count",
                columns: table => new
                {
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_monthly_count", x => new { x.Month, x.Audience, x.District, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "insights_projection",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Watermark = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_projection", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "insights_projection_gap",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    SeenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_projection_gap", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "insights_projection",
                columns: new[] { "Name", "UpdatedAt", "Watermark" },
                values: new object[] { "reach", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0L });

            migrationBuilder.CreateIndex(
                name: "IX_insights_monthly_count_Month_District_Audience_Kind",
                table: "insights_monthly_count",
                columns: new[] { "Month", "District", "Audience", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "insights_activity_event");

            migrationBuilder.DropTable(
                name: "insights_district_population");

            migrationBuilder.DropTable(
                name: "insights_monthly_active");

            migrationBuilder.DropTable(
                name: "insights_monthly_count");

            migrationBuilder.DropTable(
                name: "insights_projection");

            migrationBuilder.DropTable(
                name: "insights_projection_gap");
        }
    }
}
