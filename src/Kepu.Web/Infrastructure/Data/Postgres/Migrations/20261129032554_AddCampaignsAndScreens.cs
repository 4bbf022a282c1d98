using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kepu.Web.Infrastructure.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddCampaignsAndScreens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "library_campaign",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Banner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audiences = table.Column<List<string>>(type: "text[]", nullable: false),
                    Districts = table.Column<List<string>>(type: "text[]", nullable: false),
                    RegionGroups = table.Column<List<string>>(type: "text[]", nullable: false),
                    Items = table.Column<List<int>>(type: "integer[]", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_campaign", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "library_screen_playlist",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Districts = table.Column<List<string>>(type: "text[]", nullable: false),
                    Items = table.Column<List<int>>(type: "integer[]", nullable: false),
                    SecondsPerItem = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_screen_playlist", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_library_campaign_StartsAt_EndsAt",
                table: "library_campaign",
                columns: new[] { "StartsAt", "EndsAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "library_campaign");

            migrationBuilder.DropTable(
                name: "library_screen_playlist");
        }
    }
}
