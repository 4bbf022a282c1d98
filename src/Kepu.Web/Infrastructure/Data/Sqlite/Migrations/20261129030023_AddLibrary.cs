using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Kepu.Web.Infrastructure.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Disciplines",
                table: "accounts_user",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "infra_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Stream = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_infra_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "library_content",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Transcript = table.Column<string>(type: "TEXT", nullable: true),
                    MediaUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CoverImage = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Audiences = table.Column<string>(type: "TEXT", nullable: false),
                    Topics = table.Column<string>(type: "TEXT", nullable: false),
                    Districts = table.Column<string>(type: "TEXT", nullable: false),
                    RegionGroups = table.Column<string>(type: "TEXT", nullable: false),
                    Authors = table.Column<string>(type: "TEXT", nullable: false),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ElderFriendly = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReadingMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OfflineReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_content", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "library_topic",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_topic", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "library_content_transition",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_content_transition", x => x.Id);
                    table.ForeignKey(
                        name: "FK_library_content_transition_library_content_ContentId",
                        column: x => x.ContentId,
                        principalTable: "library_content",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "library_content_version",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Transcript = table.Column<string>(type: "TEXT", nullable: true),
                    EditedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_content_version", x => x.Id);
                    table.ForeignKey(
                        name: "FK_library_content_version_library_content_ContentId",
                        column: x => x.ContentId,
                        principalTable: "library_content",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "library_topic",
                columns: new[] { "Id", "Name", "ParentId", "SortOrder" },
                values: new object[,]
                {
                    { 1, "健康", null, 1 },
                    { 2, "合理膳食", 1, 2 },
                    { 3, "食品安全", 1, 3 },
                    { 4, "心理健康", 1, 4 },
                    { 5, "体育锻炼", 1, 5 },
                    { 6, "合理用药", 1, 6 },
                    { 7, "安全", null, 7 },
                    { 8, "防灾减灾", 7, 8 },
                    { 9, "应急避险", 7, 9 },
                    { 10, "安全生产", 7, 10 },
                    { 11, "防范电信诈骗", 7, 11 },
                    { 12, "个人信息保护", 7, 12 },
                    { 13, "数字生活", null, 13 },
                    { 14, "智能手机", 13, 14 },
                    { 15, "智能就医", 13, 15 },
                    { 16, "智能消费", 13, 16 },
                    { 17, "智能金融", 13, 17 },
                    { 18, "农业农村", null, 18 },
                    { 19, "农业实用技术", 18, 19 },
                    { 20, "乡村振兴", 18, 20 },
                    { 21, "前沿科技", null, 21 },
                    { 22, "生态环境", null, 22 },
                    { 23, "科学精神与科学家", null, 23 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_infra_outbox_Stream_Id",
                table: "infra_outbox",
                columns: new[] { "Stream", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_library_content_OrganizationId",
                table: "library_content",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_library_content_Status_PublishedAt",
                table: "library_content",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_library_content_transition_ContentId",
                table: "library_content_transition",
                column: "ContentId");

            migrationBuilder.CreateIndex(
                name: "IX_library_content_version_ContentId_Number",
                table: "library_content_version",
                columns: new[] { "ContentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_library_topic_Name",
                table: "library_topic",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "infra_outbox");

            migrationBuilder.DropTable(
                name: "library_content_transition");

            migrationBuilder.DropTable(
                name: "library_content_version");

            migrationBuilder.DropTable(
                name: "library_topic");

            migrationBuilder.DropTable(
                name: "library_content");

            migrationBuilder.DropColumn(
                name: "Disciplines",
                table: "accounts_user");
        }
    }
}
