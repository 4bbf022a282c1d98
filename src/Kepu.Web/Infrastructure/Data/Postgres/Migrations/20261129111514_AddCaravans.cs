using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kepu.Web.Infrastructure.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddCaravans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outreach_caravan_distance",
                columns: table => new
                {
                    FromCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ToCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Km = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_caravan_distance", x => new { x.FromCode, x.ToCode });
                });

            migrationBuilder.CreateTable(
                name: "outreach_caravan_plan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Targets = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Districts = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AdoptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TravelKm = table.Column<double>(type: "double precision", nullable: false),
                    LowerBoundKm = table.Column<double>(type: "double precision", nullable: false),
                    SolveMs = table.Column<long>(type: "bigint", nullable: false),
                    Unplanned = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_caravan_plan", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outreach_caravan_target",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DaysPerStop = table.Column<int>(type: "integer", nullable: true),
                    Priority = table.Column<bool>(type: "boolean", nullable: true),
                    LastVisit = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_caravan_target", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "outreach_caravan_unit",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HomeDistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    WorkingDays = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_caravan_unit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outreach_caravan_plan_unit",
                columns: table => new
                {
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Km = table.Column<double>(type: "double precision", nullable: false),
                    ReturnKm = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_caravan_plan_unit", x => new { x.PlanId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_outreach_caravan_plan_unit_outreach_caravan_plan_PlanId",
                        column: x => x.PlanId,
                        principalTable: "outreach_caravan_plan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_outreach_caravan_plan_unit_outreach_caravan_unit_UnitId",
                        column: x => x.UnitId,
                        principalTable: "outreach_caravan_unit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outreach_caravan_visit",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    DayOfStop = table.Column<int>(type: "integer", nullable: false),
                    TargetCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    TargetName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TargetDistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    KmFromPrevious = table.Column<double>(type: "double precision", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BookedDay = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_caravan_visit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outreach_caravan_visit_outreach_caravan_plan_PlanId",
                        column: x => x.PlanId,
                        principalTable: "outreach_caravan_plan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_outreach_caravan_visit_outreach_caravan_unit_UnitId",
                        column: x => x.UnitId,
                        principalTable: "outreach_caravan_unit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_caravan_plan_CreatedAt",
                table: "outreach_caravan_plan",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_outreach_caravan_plan_unit_UnitId",
                table: "outreach_caravan_plan_unit",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_outreach_caravan_unit_Name",
                table: "outreach_caravan_unit",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outreach_caravan_visit_PlanId_UnitId_Sequence",
                table: "outreach_caravan_visit",
                columns: new[] { "PlanId", "UnitId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_caravan_visit_TargetCode_Status_Date",
                table: "outreach_caravan_visit",
                columns: new[] { "TargetCode", "Status", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_caravan_visit_TargetDistrictCode_Status_Date",
                table: "outreach_caravan_visit",
                columns: new[] { "TargetDistrictCode", "Status", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_caravan_visit_UnitId_BookedDay",
                table: "outreach_caravan_visit",
                columns: new[] { "UnitId", "BookedDay" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outreach_caravan_distance");

            migrationBuilder.DropTable(
                name: "outreach_caravan_plan_unit");

            migrationBuilder.DropTable(
                name: "outreach_caravan_target");

            migrationBuilder.DropTable(
                name: "outreach_caravan_visit");

            migrationBuilder.DropTable(
                name: "outreach_caravan_plan");

            migrationBuilder.DropTable(
                name: "outreach_caravan_unit");
        }
    }
}
