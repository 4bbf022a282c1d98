using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kepu.Web.Infrastructure.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddLearning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learning_certificate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    HolderName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LedgerSequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_certificate", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "learning_course",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Track = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Audiences = table.Column<List<string>>(type: "text[]", nullable: false),
                    Topic = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PassMark = table.Column<int>(type: "integer", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_course", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "learning_learner",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Streak = table.Column<int>(type: "integer", nullable: false),
                    BestStreak = table.Column<int>(type: "integer", nullable: false),
                    LastActiveDay = table.Column<DateOnly>(type: "date", nullable: true),
                    ShowName = table.Column<bool>(type: "boolean", nullable: false),
                    CoursesCompleted = table.Column<int>(type: "integer", nullable: false),
                    QuestionsAnswered = table.Column<int>(type: "integer", nullable: false),
                    QuestionsRight = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_learner", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "learning_missed_topic",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Topic = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    LastMissedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_missed_topic", x => new { x.UserId, x.Topic });
                });

            migrationBuilder.CreateTable(
                name: "learning_point_day",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_point_day", x => new { x.UserId, x.Day, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "learning_point_event",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_point_event", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "learning_point_rule",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Label = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    DailyCap = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_point_rule", x => x.Kind);
                });

            migrationBuilder.CreateTable(
                name: "ledger_digest",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_digest", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entry",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_entry", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "learning_chapter",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_chapter", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learning_chapter_learning_course_CourseId",
                        column: x => x.CourseId,
                        principalTable: "learning_course",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learning_enrollment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    EnrolledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastLessonId = table.Column<int>(type: "integer", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CertificateCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_enrollment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learning_enrollment_learning_course_CourseId",
                        column: x => x.CourseId,
                        principalTable: "learning_course",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learning_lesson",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    ChapterId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    BodyHtml = table.Column<string>(type: "text", nullable: false),
                    MediaUrl = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LibraryItemId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_lesson", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learning_lesson_learning_chapter_ChapterId",
                        column: x => x.ChapterId,
                        principalTable: "learning_chapter",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learning_progress",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    LessonId = table.Column<int>(type: "integer", nullable: false),
                    StudiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    QuizScore = table.Column<int>(type: "integer", nullable: true),
                    QuizPassedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_progress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learning_progress_learning_lesson_LessonId",
                        column: x => x.LessonId,
                        principalTable: "learning_lesson",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learning_question",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Stem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Options = table.Column<List<string>>(type: "text[]", nullable: false),
                    Answer = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Difficulty = table.Column<int>(type: "integer", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Audiences = table.Column<List<string>>(type: "text[]", nullable: false),
                    Topic = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    LessonId = table.Column<int>(type: "integer", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_question", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learning_question_learning_lesson_LessonId",
                        column: x => x.LessonId,
                        principalTable: "learning_lesson",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learning_certificate_Code",
                table: "learning_certificate",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learning_certificate_UserId",
                table: "learning_certificate",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_learning_chapter_CourseId_Number",
                table: "learning_chapter",
                columns: new[] { "CourseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learning_course_Key",
                table: "learning_course",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learning_enrollment_CourseId",
                table: "learning_enrollment",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_learning_enrollment_UserId_CourseId",
                table: "learning_enrollment",
                columns: new[] { "UserId", "CourseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learning_learner_DistrictCode_Total",
                table: "learning_learner",
                columns: new[] { "DistrictCode", "Total" });

            migrationBuilder.CreateIndex(
                name: "IX_learning_learner_OrganizationId_Total",
                table: "learning_learner",
                columns: new[] { "OrganizationId", "Total" });

            migrationBuilder.CreateIndex(
                name: "IX_learning_learner_Total",
                table: "learning_learner",
                column: "Total");

            migrationBuilder.CreateIndex(
                name: "IX_learning_lesson_ChapterId",
                table: "learning_lesson",
                column: "ChapterId");

            migrationBuilder.CreateIndex(
                name: "IX_learning_lesson_CourseId_Number",
                table: "learning_lesson",
                columns: new[] { "CourseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learning_point_event_UserId_At",
                table: "learning_point_event",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_learning_progress_LessonId",
                table: "learning_progress",
                column: "LessonId");

            migrationBuilder.CreateIndex(
                name: "IX_learning_progress_UserId_CourseId",
                table: "learning_progress",
                columns: new[] { "UserId", "CourseId" });

            migrationBuilder.CreateIndex(
                name: "IX_learning_progress_UserId_LessonId",
                table: "learning_progress",
                columns: new[] { "UserId", "LessonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learning_question_Dimension_Difficulty",
                table: "learning_question",
                columns: new[] { "Dimension", "Difficulty" });

            migrationBuilder.CreateIndex(
                name: "IX_learning_question_Key",
                table: "learning_question",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learning_question_LessonId",
                table: "learning_question",
                column: "LessonId");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entry_Subject",
                table: "ledger_entry",
                column: "Subject");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learning_certificate");

            migrationBuilder.DropTable(
                name: "learning_enrollment");

            migrationBuilder.DropTable(
                name: "learning_learner");

            migrationBuilder.DropTable(
                name: "learning_missed_topic");

            migrationBuilder.DropTable(
                name: "learning_point_day");

            migrationBuilder.DropTable(
                name: "learning_point_event");

            migrationBuilder.DropTable(
                name: "learning_point_rule");

            migrationBuilder.DropTable(
                name: "learning_progress");

            migrationBuilder.DropTable(
                name: "learning_question");

            migrationBuilder.DropTable(
                name: "ledger_digest");

            migrationBuilder.DropTable(
                name: "ledger_entry");

            migrationBuilder.DropTable(
                name: "learning_lesson");

            migrationBuilder.DropTable(
                name: "learning_chapter");

            migrationBuilder.DropTable(
                name: "learning_course");
        }
    }
}
