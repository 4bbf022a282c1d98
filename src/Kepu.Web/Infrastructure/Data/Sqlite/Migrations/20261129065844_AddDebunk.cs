using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kepu.Web.Infrastructure.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddDebunk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "debunk_chart",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Intro = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Approved = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_debunk_chart", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "debunk_claim",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrackingCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Screenshot = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SeenWhere = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredBy = table.Column<int>(type: "INTEGER", nullable: true),
                    MatchScore = table.Column<double>(type: "REAL", nullable: false),
                    ClusterId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_debunk_claim", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "debunk_cluster",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSeen = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeen = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Districts = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Experts = table.Column<string>(type: "TEXT", nullable: false),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VerdictAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousCount = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowStart = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_debunk_cluster", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "debunk_entry",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Claim = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phrasings = table.Column<string>(type: "TEXT", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Audiences = table.Column<string>(type: "TEXT", nullable: false),
                    Experts = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeen = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Sources = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_debunk_entry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "debunk_entry_revision",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_debunk_entry_revision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_debunk_entry_revision_debunk_entry_EntryId",
                        column: x => x.EntryId,
                        principalTable: "debunk_entry",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_debunk_chart_Month",
                table: "debunk_chart",
                column: "Month",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_debunk_claim_ClusterId",
                table: "debunk_claim",
                column: "ClusterId");

            migrationBuilder.CreateIndex(
                name: "IX_debunk_claim_SubmittedAt",
                table: "debunk_claim",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_debunk_claim_TrackingCode",
                table: "debunk_claim",
                column: "TrackingCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_debunk_cluster_State_LastSeen",
                table: "debunk_cluster",
                columns: new[] { "State", "LastSeen" });

            migrationBuilder.CreateIndex(
                name: "IX_debunk_entry_Category",
                table: "debunk_entry",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_debunk_entry_Key",
                table: "debunk_entry",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_debunk_entry_PublishedAt",
                table: "debunk_entry",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_debunk_entry_revision_EntryId_Number",
                table: "debunk_entry_revision",
                columns: new[] { "EntryId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "debunk_chart");

            migrationBuilder.DropTable(
                name: "debunk_claim");

            migrationBuilder.DropTable(
                name: "debunk_cluster");

            migrationBuilder.DropTable(
                name: "debunk_entry_revision");

            migrationBuilder.DropTable(
                name: "debunk_entry");
        }
    }
}
