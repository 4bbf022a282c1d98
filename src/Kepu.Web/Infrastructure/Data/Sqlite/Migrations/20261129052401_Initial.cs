using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Kepu.Web.Infrastructure.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts_organization",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_organization", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts_role",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_role", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts_user",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    TownCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Audiences = table.Column<string>(type: "TEXT", nullable: false),
                    Interests = table.Column<string>(type: "TEXT", nullable: false),
                    ElderMode = table.Column<bool>(type: "INTEGER", nullable: false),
                    Disciplines = table.Column<string>(type: "TEXT", nullable: false),
                    ManagedDistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_user", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "infra_data_protection_key",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_infra_data_protection_key", x => x.Id);
                });

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
                name: "library_campaign",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Banner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Audiences = table.Column<string>(type: "TEXT", nullable: false),
                    Districts = table.Column<string>(type: "TEXT", nullable: false),
                    RegionGroups = table.Column<string>(type: "TEXT", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_campaign", x => x.Id);
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
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: true),
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
                name: "library_hot_topic",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Deadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Experts = table.Column<string>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResponseContentId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_hot_topic", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "library_read",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    FirstViewedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastViewedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_read", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "library_screen_playlist",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Districts = table.Column<string>(type: "TEXT", nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    SecondsPerItem = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_screen_playlist", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "library_search_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Query = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RegionGroup = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Results = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_library_search_log", x => x.Id);
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
                name: "regions_district",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Remote = table.Column<bool>(type: "INTEGER", nullable: false),
                    Ethnic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Poverty = table.Column<bool>(type: "INTEGER", nullable: false),
                    OldRevolutionary = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regions_district", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "accounts_role_claim",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_role_claim", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accounts_role_claim_accounts_role_RoleId",
                        column: x => x.RoleId,
                        principalTable: "accounts_role",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_organization_member",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    IsManager = table.Column<bool>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_organization_member", x => new { x.OrganizationId, x.UserId });
                    table.ForeignKey(
                        name: "FK_accounts_organization_member_accounts_organization_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "accounts_organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_accounts_organization_member_accounts_user_UserId",
                        column: x => x.UserId,
                        principalTable: "accounts_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_privacy_consent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_privacy_consent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accounts_privacy_consent_accounts_user_UserId",
                        column: x => x.UserId,
                        principalTable: "accounts_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_user_claim",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_user_claim", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accounts_user_claim_accounts_user_UserId",
                        column: x => x.UserId,
                        principalTable: "accounts_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_user_login",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_user_login", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_accounts_user_login_accounts_user_UserId",
                        column: x => x.UserId,
                        principalTable: "accounts_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_user_role",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_user_role", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_accounts_user_role_accounts_role_RoleId",
                        column: x => x.RoleId,
                        principalTable: "accounts_role",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_accounts_user_role_accounts_user_UserId",
                        column: x => x.UserId,
                        principalTable: "accounts_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_user_token",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_user_token", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_accounts_user_token_accounts_user_UserId",
                        column: x => x.UserId,
                        principalTable: "accounts_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: true),
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

            migrationBuilder.CreateTable(
                name: "regions_district_change",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regions_district_change", x => x.Id);
                    table.ForeignKey(
                        name: "FK_regions_district_change_regions_district_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "regions_district",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "regions_town",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regions_town", x => x.Code);
                    table.ForeignKey(
                        name: "FK_regions_town_regions_district_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "regions_district",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.InsertData(
                table: "regions_district",
                columns: new[] { "Code", "Ethnic", "Group", "Name", "OldRevolutionary", "Poverty", "Remote", "SortOrder" },
                values: new object[,]
                {
                    { "500101", false, "northeast", "万州区", false, true, true, 22 },
                    { "500102", false, "new", "涪陵区", false, false, false, 10 },
                    { "500103", false, "core", "渝中区", false, false, false, 1 },
                    { "500104", false, "core", "大渡口区", false, false, false, 2 },
                    { "500105", false, "core", "江北区", false, false, false, 3 },
                    { "500106", false, "core", "沙坪坝区", false, false, false, 4 },
                    { "500107", false, "core", "九龙坡区", false, false, false, 5 },
                    { "500108", false, "core", "南岸区", false, false, false, 6 },
                    { "500109", false, "core", "北碚区", false, false, false, 7 },
                    { "500110", false, "new", "綦江区", false, false, false, 16 },
                    { "500111", false, "new", "大足区", false, false, false, 17 },
                    { "500112", false, "core", "渝北区", false, false, false, 8 },
                    { "500113", false, "core", "巴南区", false, false, false, 9 },
                    { "500114", true, "southeast", "黔江区", true, true, true, 33 },
                    { "500115", false, "new", "长寿区", false, false, false, 11 },
                    { "500116", false, "new", "江津区", false, false, false, 12 },
                    { "500117", false, "new", "合川区", false, false, false, 13 },
                    { "500118", false, "new", "永川区", false, false, false, 14 },
                    { "500119", false, "new", "南川区", false, false, false, 15 },
                    { "500120", false, "new", "璧山区", false, false, false, 18 },
                    { "500151", false, "new", "铜梁区", false, false, false, 19 },
                    { "500152", false, "new", "潼南区", false, false, false, 20 },
                    { "500153", false, "new", "荣昌区", false, false, false, 21 },
                    { "500154", false, "northeast", "开州区", false, true, true, 23 },
                    { "500155", false, "northeast", "梁平区", false, false, true, 24 },
                    { "500156", false, "southeast", "武隆区", false, true, true, 34 },
                    { "500229", false, "northeast", "城口县", true, true, true, 25 },
                    { "500230", false, "northeast", "丰都县", false, true, true, 26 },
                    { "500231", false, "northeast", "垫江县", false, false, true, 27 },
                    { "500233", false, "northeast", "忠县", false, false, true, 28 },
                    { "500235", false, "northeast", "云阳县", false, true, true, 29 },
                    { "500236", false, "northeast", "奉节县", false, true, true, 30 },
                    { "500237", false, "northeast", "巫山县", false, true, true, 31 },
                    { "500238", false, "northeast", "巫溪县", false, true, true, 32 },
                    { "500240", true, "southeast", "石柱土家族自治县", true, true, true, 35 },
                    { "500241", true, "southeast", "秀山土家族苗族自治县", true, true, true, 36 },
                    { "500242", true, "southeast", "酉阳土家族苗族自治县", true, true, true, 37 },
                    { "500243", true, "southeast", "彭水苗族土家族自治县", true, true, true, 38 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_organization_Name",
                table: "accounts_organization",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_organization_member_UserId",
                table: "accounts_organization_member",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_privacy_consent_UserId",
                table: "accounts_privacy_consent",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "accounts_role",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_role_claim_RoleId",
                table: "accounts_role_claim",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "accounts_user",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_user_DistrictCode",
                table: "accounts_user",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "accounts_user",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_user_claim_UserId",
                table: "accounts_user_claim",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_user_login_UserId",
                table: "accounts_user_login",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_user_role_RoleId",
                table: "accounts_user_role",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "IX_infra_outbox_Stream_Id",
                table: "infra_outbox",
                columns: new[] { "Stream", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_library_campaign_StartsAt_EndsAt",
                table: "library_campaign",
                columns: new[] { "StartsAt", "EndsAt" });

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
                name: "IX_library_hot_topic_Deadline",
                table: "library_hot_topic",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_library_read_ContentId_LastViewedAt",
                table: "library_read",
                columns: new[] { "ContentId", "LastViewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_library_read_UserId_ContentId",
                table: "library_read",
                columns: new[] { "UserId", "ContentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_library_search_log_At",
                table: "library_search_log",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_library_topic_Name",
                table: "library_topic",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_regions_district_change_DistrictCode_ChangedAt",
                table: "regions_district_change",
                columns: new[] { "DistrictCode", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_regions_town_DistrictCode",
                table: "regions_town",
                column: "DistrictCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_organization_member");

            migrationBuilder.DropTable(
                name: "accounts_privacy_consent");

            migrationBuilder.DropTable(
                name: "accounts_role_claim");

            migrationBuilder.DropTable(
                name: "accounts_user_claim");

            migrationBuilder.DropTable(
                name: "accounts_user_login");

            migrationBuilder.DropTable(
                name: "accounts_user_role");

            migrationBuilder.DropTable(
                name: "accounts_user_token");

            migrationBuilder.DropTable(
                name: "infra_data_protection_key");

            migrationBuilder.DropTable(
                name: "infra_outbox");

            migrationBuilder.DropTable(
                name: "library_campaign");

            migrationBuilder.DropTable(
                name: "library_content_transition");

            migrationBuilder.DropTable(
                name: "library_content_version");

            migrationBuilder.DropTable(
                name: "library_hot_topic");

            migrationBuilder.DropTable(
                name: "library_read");

            migrationBuilder.DropTable(
                name: "library_screen_playlist");

            migrationBuilder.DropTable(
                name: "library_search_log");

            migrationBuilder.DropTable(
                name: "library_topic");

            migrationBuilder.DropTable(
                name: "regions_district_change");

            migrationBuilder.DropTable(
                name: "regions_town");

            migrationBuilder.DropTable(
                name: "accounts_organization");

            migrationBuilder.DropTable(
                name: "accounts_role");

            migrationBuilder.DropTable(
                name: "accounts_user");

            migrationBuilder.DropTable(
                name: "library_content");

            migrationBuilder.DropTable(
                name: "regions_district");
        }
    }
}
