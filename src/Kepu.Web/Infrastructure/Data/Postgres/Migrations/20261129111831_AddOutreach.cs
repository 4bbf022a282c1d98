using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kepu.Web.Infrastructure.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddOutreach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notify_message",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notify_message", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outreach_event",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    TownCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VenueId = table.Column<int>(type: "integer", nullable: true),
                    Audiences = table.Column<List<string>>(type: "text[]", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    OrganizerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ExpertId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    OrderId = table.Column<int>(type: "integer", nullable: true),
                    RegisteredCount = table.Column<int>(type: "integer", nullable: false),
                    WaitlistCount = table.Column<int>(type: "integer", nullable: false),
                    CheckedInCount = table.Column<int>(type: "integer", nullable: false),
                    CheckInSecret = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReportSummary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Attendance = table.Column<int>(type: "integer", nullable: true),
                    ReportPhotos = table.Column<List<string>>(type: "text[]", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_event", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outreach_expert_profile",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    HomeDistrict = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Teams = table.Column<List<string>>(type: "text[]", nullable: false),
                    Branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Dialects = table.Column<List<string>>(type: "text[]", nullable: false),
                    DistrictsServed = table.Column<List<string>>(type: "text[]", nullable: false),
                    Weekdays = table.Column<int>(type: "integer", nullable: false),
                    MaxPerMonth = table.Column<int>(type: "integer", nullable: false),
                    Bio = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_expert_profile", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "outreach_order",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequesterId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequesterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Contact = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    TownCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Topic = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Audience = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ExpectedSize = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Dialect = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ExpertId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    EventId = table.Column<int>(type: "integer", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    Feedback = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FeedbackAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_order", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outreach_event_registration",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PromotedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CheckedInAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_event_registration", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outreach_event_registration_outreach_event_EventId",
                        column: x => x.EventId,
                        principalTable: "outreach_event",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notify_message_UserId_ReadAt_Id",
                table: "notify_message",
                columns: new[] { "UserId", "ReadAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_event_DistrictCode_StartsAt",
                table: "outreach_event",
                columns: new[] { "DistrictCode", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_event_ExpertId_StartsAt",
                table: "outreach_event",
                columns: new[] { "ExpertId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_event_OrderId",
                table: "outreach_event",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_outreach_event_StartsAt_DistrictCode",
                table: "outreach_event",
                columns: new[] { "StartsAt", "DistrictCode" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_event_registration_EventId_Status_CreatedAt",
                table: "outreach_event_registration",
                columns: new[] { "EventId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_event_registration_EventId_UserId",
                table: "outreach_event_registration",
                columns: new[] { "EventId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outreach_event_registration_UserId_Status",
                table: "outreach_event_registration",
                columns: new[] { "UserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_order_DistrictCode_Status_CreatedAt",
                table: "outreach_order",
                columns: new[] { "DistrictCode", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_order_ExpertId_Status",
                table: "outreach_order",
                columns: new[] { "ExpertId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_order_RequesterId_CreatedAt",
                table: "outreach_order",
                columns: new[] { "RequesterId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notify_message");

            migrationBuilder.DropTable(
                name: "outreach_event_registration");

            migrationBuilder.DropTable(
                name: "outreach_expert_profile");

            migrationBuilder.DropTable(
                name: "outreach_order");

            migrationBuilder.DropTable(
                name: "outreach_event");
        }
    }
}
