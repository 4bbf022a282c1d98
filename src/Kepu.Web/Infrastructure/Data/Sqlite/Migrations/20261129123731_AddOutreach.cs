using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kepu.Web.Infrastructure.Data.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notify_message", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outreach_caravan_distance",
                columns: table => new
                {
                    FromCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ToCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Km = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_caravan_distance", x => new { x.FromCode, x.ToCode });
                });

            migrationBuilder.CreateTable(
                name: "outreach_caravan_plan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Targets = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Districts = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AdoptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TravelKm = table.Column<double>(type: "REAL", nullable: false),
                    LowerBoundKm = table.Column<double>(type: "REAL", nullable: false),
                    SolveMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Unplanned = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_caravan_plan", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outreach_caravan_target",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DaysPerStop = table.Column<int>(type: "INTEGER", nullable: true),
                    Priority = table.Column<bool>(type: "INTEGER", nullable: true),
                    LastVisit = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_caravan_target", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "outreach_caravan_unit",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HomeDistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_caravan_unit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outreach_envoy",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Specialty = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AppointedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_envoy", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outreach_event",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    TownCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: true),
                    Audiences = table.Column<string>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExpertId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: true),
                    RegisteredCount = table.Column<int>(type: "INTEGER", nullable: false),
                    WaitlistCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckedInCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckInSecret = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReportSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Attendance = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportPhotos = table.Column<string>(type: "TEXT", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_event", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outreach_expert_profile",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    HomeDistrict = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Teams = table.Column<string>(type: "TEXT", nullable: false),
                    Branch = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Dialects = table.Column<string>(type: "TEXT", nullable: false),
                    DistrictsServed = table.Column<string>(type: "TEXT", nullable: false),
                    Weekdays = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxPerMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    Bio = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_expert_profile", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "outreach_order",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequesterId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    TownCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExpectedSize = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Dialect = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExpertId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FeedbackAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_order", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outreach_venue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    TownCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    OpeningHours = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    HoursNote = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_venue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outreach_volunteer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Skills = table.Column<string>(type: "TEXT", nullable: false),
                    Weekdays = table.Column<int>(type: "INTEGER", nullable: false),
                    Availability = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Background = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_volunteer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outreach_caravan_plan_unit",
                columns: table => new
                {
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Km = table.Column<double>(type: "REAL", nullable: false),
                    ReturnKm = table.Column<double>(type: "REAL", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    DayOfStop = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    TargetName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TargetDistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    KmFromPrevious = table.Column<double>(type: "REAL", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BookedDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "outreach_envoy_town",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnvoyId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Villages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_envoy_town", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outreach_envoy_town_outreach_envoy_EnvoyId",
                        column: x => x.EnvoyId,
                        principalTable: "outreach_envoy",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outreach_service_log",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnvoyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TownCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Village = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    Served = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Photo = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_service_log", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outreach_service_log_outreach_envoy_EnvoyId",
                        column: x => x.EnvoyId,
                        principalTable: "outreach_envoy",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outreach_event_registration",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PromotedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedInAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "outreach_open_day",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Registered = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_open_day", x => x.Id);
                    table.CheckConstraint("ck_outreach_open_day_registered", "\"Registered\" >= 0 AND \"Registered\" <= \"Capacity\"");
                    table.ForeignKey(
                        name: "FK_outreach_open_day_outreach_venue_VenueId",
                        column: x => x.VenueId,
                        principalTable: "outreach_venue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outreach_venue_booking",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    GroupKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GroupName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    BookedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_venue_booking", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outreach_venue_booking_outreach_venue_VenueId",
                        column: x => x.VenueId,
                        principalTable: "outreach_venue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outreach_volunteer_hours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VolunteerId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Served = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: true),
                    LedgerSequence = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_volunteer_hours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outreach_volunteer_hours_outreach_volunteer_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "outreach_volunteer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outreach_open_day_registration",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpenDayId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outreach_open_day_registration", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outreach_open_day_registration_outreach_open_day_OpenDayId",
                        column: x => x.OpenDayId,
                        principalTable: "outreach_open_day",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notify_message_UserId_ReadAt_Id",
                table: "notify_message",
                columns: new[] { "UserId", "ReadAt", "Id" });

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

            migrationBuilder.CreateIndex(
                name: "IX_outreach_envoy_DistrictCode",
                table: "outreach_envoy",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_outreach_envoy_UserId_DistrictCode",
                table: "outreach_envoy",
                columns: new[] { "UserId", "DistrictCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outreach_envoy_town_EnvoyId_TownCode",
                table: "outreach_envoy_town",
                columns: new[] { "EnvoyId", "TownCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outreach_envoy_town_TownCode",
                table: "outreach_envoy_town",
                column: "TownCode");

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
                name: "IX_outreach_open_day_VenueId_Date",
                table: "outreach_open_day",
                columns: new[] { "VenueId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_open_day_registration_OpenDayId_UserId",
                table: "outreach_open_day_registration",
                columns: new[] { "OpenDayId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outreach_open_day_registration_UserId",
                table: "outreach_open_day_registration",
                column: "UserId");

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

            migrationBuilder.CreateIndex(
                name: "IX_outreach_service_log_EnvoyId_Date",
                table: "outreach_service_log",
                columns: new[] { "EnvoyId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_venue_DistrictCode_Kind",
                table: "outreach_venue",
                columns: new[] { "DistrictCode", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_venue_OrganizationId",
                table: "outreach_venue",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_outreach_venue_booking_BookedBy",
                table: "outreach_venue_booking",
                column: "BookedBy");

            migrationBuilder.CreateIndex(
                name: "IX_outreach_venue_booking_VenueId_Date",
                table: "outreach_venue_booking",
                columns: new[] { "VenueId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_volunteer_DistrictCode_Kind",
                table: "outreach_volunteer",
                columns: new[] { "DistrictCode", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_volunteer_UserId",
                table: "outreach_volunteer",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outreach_volunteer_hours_DistrictCode_State",
                table: "outreach_volunteer_hours",
                columns: new[] { "DistrictCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_volunteer_hours_OrganizationId_State",
                table: "outreach_volunteer_hours",
                columns: new[] { "OrganizationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_volunteer_hours_UserId_Date",
                table: "outreach_volunteer_hours",
                columns: new[] { "UserId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_outreach_volunteer_hours_VolunteerId",
                table: "outreach_volunteer_hours",
                column: "VolunteerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notify_message");

            migrationBuilder.DropTable(
                name: "outreach_caravan_distance");

            migrationBuilder.DropTable(
                name: "outreach_caravan_plan_unit");

            migrationBuilder.DropTable(
                name: "outreach_caravan_target");

            migrationBuilder.DropTable(
                name: "outreach_caravan_visit");

            migrationBuilder.DropTable(
                name: "outreach_envoy_town");

            migrationBuilder.DropTable(
                name: "outreach_event_registration");

            migrationBuilder.DropTable(
                name: "outreach_expert_profile");

            migrationBuilder.DropTable(
                name: "outreach_open_day_registration");

            migrationBuilder.DropTable(
                name: "outreach_order");

            migrationBuilder.DropTable(
                name: "outreach_service_log");

            migrationBuilder.DropTable(
                name: "outreach_venue_booking");

            migrationBuilder.DropTable(
                name: "outreach_volunteer_hours");

            migrationBuilder.DropTable(
                name: "outreach_caravan_plan");

            migrationBuilder.DropTable(
                name: "outreach_caravan_unit");

            migrationBuilder.DropTable(
                name: "outreach_event");

            migrationBuilder.DropTable(
                name: "outreach_open_day");

            migrationBuilder.DropTable(
                name: "outreach_envoy");

            migrationBuilder.DropTable(
                name: "outreach_volunteer");

            migrationBuilder.DropTable(
                name: "outreach_venue");
        }
    }
}
