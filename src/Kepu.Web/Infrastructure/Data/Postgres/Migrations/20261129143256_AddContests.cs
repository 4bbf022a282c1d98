using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kepu.Web.Infrastructure.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddContests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "VerifiedAt",
                table: "accounts_user",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedBy",
                table: "accounts_user",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contests_call",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Organizer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    Audiences = table.Column<List<string>>(type: "text[]", nullable: false),
                    Districts = table.Column<List<string>>(type: "text[]", nullable: false),
                    MinAge = table.Column<int>(type: "integer", nullable: true),
                    MaxAge = table.Column<int>(type: "integer", nullable: true),
                    OrganizationKinds = table.Column<List<string>>(type: "text[]", nullable: false),
                    EntrantKinds = table.Column<List<string>>(type: "text[]", nullable: false),
                    Licence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VoteWeight = table.Column<double>(type: "double precision", nullable: false),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CurrentRound = table.Column<int>(type: "integer", nullable: false),
                    PublicityUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_call", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "contests_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_audit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_audit_contests_call_CallId",
                        column: x => x.CallId,
                        principalTable: "contests_call",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_award",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    FundingYuan = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_award", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_award_contests_call_CallId",
                        column: x => x.CallId,
                        principalTable: "contests_call",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_criterion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Guidance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Weight = table.Column<int>(type: "integer", nullable: false),
                    Min = table.Column<int>(type: "integer", nullable: false),
                    Max = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_criterion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_criterion_contests_call_CallId",
                        column: x => x.CallId,
                        principalTable: "contests_call",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_declared_conflict",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    ReviewerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_declared_conflict", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_declared_conflict_contests_call_CallId",
                        column: x => x.CallId,
                        principalTable: "contests_call",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_entry",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    ReceiptNo = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmitterId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SubmitterOrganizationIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    EntrantKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EntrantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Links = table.Column<List<string>>(type: "text[]", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_entry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_entry_contests_call_CallId",
                        column: x => x.CallId,
                        principalTable: "contests_call",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_objection",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Upheld = table.Column<bool>(type: "boolean", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_objection", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_objection_contests_call_CallId",
                        column: x => x.CallId,
                        principalTable: "contests_call",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_phase",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_phase", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_phase_contests_call_CallId",
                        column: x => x.CallId,
                        principalTable: "contests_call",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_result",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    ReviewScore = table.Column<double>(type: "double precision", nullable: false),
                    Votes = table.Column<int>(type: "integer", nullable: false),
                    Combined = table.Column<double>(type: "double precision", nullable: false),
                    TieBreak = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AwardId = table.Column<int>(type: "integer", nullable: true),
                    LibraryContentId = table.Column<int>(type: "integer", nullable: true),
                    CertificateCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_result", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_result_contests_call_CallId",
                        column: x => x.CallId,
                        principalTable: "contests_call",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_round",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    K = table.Column<int>(type: "integer", nullable: false),
                    AdvanceTopN = table.Column<int>(type: "integer", nullable: true),
                    AdvanceThreshold = table.Column<double>(type: "double precision", nullable: true),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_round", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_round_contests_call_CallId",
                        column: x => x.CallId,
                        principalTable: "contests_call",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_entry_author",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Organization = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_entry_author", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_entry_author_contests_entry_EntryId",
                        column: x => x.EntryId,
                        principalTable: "contests_entry",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_entry_file",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Url = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_entry_file", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_entry_file_contests_entry_EntryId",
                        column: x => x.EntryId,
                        principalTable: "contests_entry",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_vote",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Network = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Flagged = table.Column<bool>(type: "boolean", nullable: false),
                    FlagReason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_vote", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_vote_contests_entry_EntryId",
                        column: x => x.EntryId,
                        principalTable: "contests_entry",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_panelist",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    ReviewerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_panelist", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_panelist_contests_round_RoundId",
                        column: x => x.RoundId,
                        principalTable: "contests_round",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_review",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    ReviewerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Total = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Z = table.Column<double>(type: "double precision", nullable: true),
                    Outlier = table.Column<bool>(type: "boolean", nullable: false),
                    RecusalReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_review", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_review_contests_entry_EntryId",
                        column: x => x.EntryId,
                        principalTable: "contests_entry",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_contests_review_contests_round_RoundId",
                        column: x => x.RoundId,
                        principalTable: "contests_round",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_round_score",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    RawMean = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    MeanZ = table.Column<double>(type: "double precision", nullable: false),
                    Scaled = table.Column<double>(type: "double precision", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    TieBreak = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HasOutlier = table.Column<bool>(type: "boolean", nullable: false),
                    Advanced = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_round_score", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_round_score_contests_round_RoundId",
                        column: x => x.RoundId,
                        principalTable: "contests_round",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contests_score",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssignmentId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contests_score", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contests_score_contests_review_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "contests_review",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contests_audit_CallId_At",
                table: "contests_audit",
                columns: new[] { "CallId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_contests_award_CallId_Position",
                table: "contests_award",
                columns: new[] { "CallId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contests_call_Stage_CreatedAt",
                table: "contests_call",
                columns: new[] { "Stage", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_contests_criterion_CallId_Position",
                table: "contests_criterion",
                columns: new[] { "CallId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contests_declared_conflict_CallId_ReviewerId_Name",
                table: "contests_declared_conflict",
                columns: new[] { "CallId", "ReviewerId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contests_entry_CallId_Status",
                table: "contests_entry",
                columns: new[] { "CallId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_contests_entry_ReceiptNo",
                table: "contests_entry",
                column: "ReceiptNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contests_entry_SubmitterId_SubmittedAt",
                table: "contests_entry",
                columns: new[] { "SubmitterId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_contests_entry_author_EntryId",
                table: "contests_entry_author",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_contests_entry_author_UserId",
                table: "contests_entry_author",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_contests_entry_file_EntryId",
                table: "contests_entry_file",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_contests_objection_CallId_FiledAt",
                table: "contests_objection",
                columns: new[] { "CallId", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_contests_panelist_ReviewerId",
                table: "contests_panelist",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_contests_panelist_RoundId_ReviewerId",
                table: "contests_panelist",
                columns: new[] { "RoundId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contests_phase_CallId_Code",
                table: "contests_phase",
                columns: new[] { "CallId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contests_result_CallId_EntryId",
                table: "contests_result",
                columns: new[] { "CallId", "EntryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contests_result_CallId_Rank",
                table: "contests_result",
                columns: new[] { "CallId", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_contests_review_EntryId",
                table: "contests_review",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_contests_review_ReviewerId_Status",
                table: "contests_review",
                columns: new[] { "ReviewerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_contests_review_RoundId_EntryId_ReviewerId",
                table: "contests_review",
                columns: new[] { "RoundId", "EntryId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contests_round_CallId_Number",
                table: "contests_round",
                columns: new[] { "CallId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contests_round_score_RoundId_EntryId",
                table: "contests_round_score",
                columns: new[] { "RoundId", "EntryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contests_score_AssignmentId_CriterionId",
                table: "contests_score",
                columns: new[] { "AssignmentId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contests_vote_CallId_At",
                table: "contests_vote",
                columns: new[] { "CallId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_contests_vote_EntryId_UserId_Day",
                table: "contests_vote",
                columns: new[] { "EntryId", "UserId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contests_vote_UserId_At",
                table: "contests_vote",
                columns: new[] { "UserId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contests_audit");

            migrationBuilder.DropTable(
                name: "contests_award");

            migrationBuilder.DropTable(
                name: "contests_criterion");

            migrationBuilder.DropTable(
                name: "contests_declared_conflict");

            migrationBuilder.DropTable(
                name: "contests_entry_author");

            migrationBuilder.DropTable(
                name: "contests_entry_file");

            migrationBuilder.DropTable(
                name: "contests_objection");

            migrationBuilder.DropTable(
                name: "contests_panelist");

            migrationBuilder.DropTable(
                name: "contests_phase");

            migrationBuilder.DropTable(
                name: "contests_result");

            migrationBuilder.DropTable(
                name: "contests_round_score");

            migrationBuilder.DropTable(
                name: "contests_score");

            migrationBuilder.DropTable(
                name: "contests_vote");

            migrationBuilder.DropTable(
                name: "contests_review");

            migrationBuilder.DropTable(
                name: "contests_entry");

            migrationBuilder.DropTable(
                name: "contests_round");

            migrationBuilder.DropTable(
                name: "contests_call");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "accounts_user");

            migrationBuilder.DropColumn(
                name: "VerifiedBy",
                table: "accounts_user");
        }
    }
}
