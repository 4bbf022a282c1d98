using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kepu.Web.Infrastructure.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddPractice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learning_challenge",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CurrentQuestionId = table.Column<int>(type: "INTEGER", nullable: true),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Asked = table.Column<string>(type: "TEXT", nullable: false),
                    Right = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_challenge", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "learning_practice_day",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Questions = table.Column<int>(type: "INTEGER", nullable: false),
                    Right = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_practice_day", x => new { x.UserId, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_learning_challenge_UserId_StartedAt",
                table: "learning_challenge",
                columns: new[] { "UserId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learning_challenge");

            migrationBuilder.DropTable(
                name: "learning_practice_day");
        }
    }
}
