using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kepu.Web.Infrastructure.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddSurvey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "insights_survey_wave",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    QuestionIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_survey_wave", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insights_survey_margin",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WaveId = table.Column<int>(type: "integer", nullable: false),
                    Variable = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Population = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_survey_margin", x => x.Id);
                    table.ForeignKey(
                        name: "FK_insights_survey_margin_insights_survey_wave_WaveId",
                        column: x => x.WaveId,
                        principalTable: "insights_survey_wave",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "insights_survey_quota",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WaveId = table.Column<int>(type: "integer", nullable: false),
                    District = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Urban = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Target = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_survey_quota", x => x.Id);
                    table.ForeignKey(
                        name: "FK_insights_survey_quota_insights_survey_wave_WaveId",
                        column: x => x.WaveId,
                        principalTable: "insights_survey_wave",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "insights_survey_response",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WaveId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    RespondentKey = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    District = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Urban = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Sex = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Education = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Audience = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    DesignWeight = table.Column<double>(type: "double precision", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_survey_response", x => x.Id);
                    table.ForeignKey(
                        name: "FK_insights_survey_response_insights_survey_wave_WaveId",
                        column: x => x.WaveId,
                        principalTable: "insights_survey_wave",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_insights_survey_margin_WaveId_Variable_Level",
                table: "insights_survey_margin",
                columns: new[] { "WaveId", "Variable", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insights_survey_quota_WaveId_District_Urban",
                table: "insights_survey_quota",
                columns: new[] { "WaveId", "District", "Urban" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insights_survey_response_WaveId_District_Urban",
                table: "insights_survey_response",
                columns: new[] { "WaveId", "District", "Urban" });

            migrationBuilder.CreateIndex(
                name: "IX_insights_survey_response_WaveId_RespondentKey",
                table: "insights_survey_response",
                columns: new[] { "WaveId", "RespondentKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insights_survey_wave_Year",
                table: "insights_survey_wave",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "insights_survey_margin");

            migrationBuilder.DropTable(
                name: "insights_survey_quota");

            migrationBuilder.DropTable(
                name: "insights_survey_response");

            migrationBuilder.DropTable(
                name: "insights_survey_wave");
        }
    }
}
