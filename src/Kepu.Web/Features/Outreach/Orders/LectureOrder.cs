using Kepu.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kepu.Web.Features.Outreach.Orders;

public static class OrderKinds
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("community", "社区"),
        ("village", "村"),
        ("school", "学校"),
        ("enterprise", "企业"),
    ];

    public static bool IsValid(string? code) => All.Any(k => k.Code == code);

    public static string Label(string code) => All.FirstOrDefault(k => k.Code == code).Label ?? code;
}

public static class OrderStatus
{
    public const string Open = "open";
    public const string Confirmed = "confirmed";
    public const string Done = "done";
    public const string Cancelled = "cancelled";

    public static string Label(string status) => status switch
    {
        Open => "待安排",
        Confirmed => "已安排",
        Done => "已完成",
        _ => "已取消",
    };
}

/// <summary>What the orderer asks for.</summary>
public sealed record OrderDetails(string Kind, string RequesterName, string Contact, string District, string? Town, string Place, string Topic,
    string Audience, int ExpectedSize, DateOnly From, DateOnly To, string? Dialect, string Note);

/// <summary>
/// 点单: a community, village, school or enterprise orders a lecture on a topic, in a date range; the district
/// administrator picks one of the proposed experts and a date, which creates the event; afterwards the orderer rates it.
/// </summary>
public sealed class LectureOrder
{
    public const int MaxNote = 500;
    public const int MaxFeedback = 500;

    private LectureOrder()
    {
    }

    public LectureOrder(string requesterId, OrderDetails d, DateTime now)
    {
        RequesterId = requesterId;
        Kind = d.Kind;
        RequesterName = d.RequesterName;
        Contact = d.Contact;
        DistrictCode = d.District;
        TownCode = d.Town;
        Place = d.Place;
        Topic = d.Topic;
        Audience = d.Audience;
        ExpectedSize = d.ExpectedSize;
        From = d.From;
        To = d.To;
        Dialect = d.Dialect;
        Note = d.Note;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public string RequesterId { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string RequesterName { get; private set; } = "";
    public string Contact { get; private set; } = "";
    public string DistrictCode { get; private set; } = "";
    public string? TownCode { get; private set; }
    public string Place { get; private set; } = "";
    public string Topic { get; private set; } = "";
    public string Audience { get; private set; } = "";
    public int ExpectedSize { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string? Dialect { get; private set; }
    public string Note { get; private set; } = "";
    public string Status { get; private set; } = OrderStatus.Open;
    public string? ExpertId { get; private set; }
    public int? EventId { get; private set; }
    public string? ConfirmedBy { get; private set; }
    public DateTime? ConfirmedAt { get; private set; }
    public int? Rating { get; private set; }
    public string? Feedback { get; private set; }
    public DateTime? FeedbackAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }

    public void Confirm(string expertId, DateOnly date, string by, DateTime now)
    {
        if (Status != OrderStatus.Open)
        {
            throw new BusinessRuleException($"这个点单{OrderStatus.Label(Status)}，不能再安排。");
        }

        if (date < From || date > To)
        {
            throw new BusinessRuleException($"讲座日期须在点单的时间范围内（{From:yyyy-MM-dd} 至 {To:yyyy-MM-dd}）。");
        }

        Status = OrderStatus.Confirmed;
        ExpertId = expertId;
        ConfirmedBy = by;
        ConfirmedAt = now;
        Version++;
    }

    public void LinkEvent(int eventId) => EventId = eventId;

    public void Cancel()
    {
        if (Status != OrderStatus.Open)
        {
            throw new BusinessRuleException("只有待安排的点单可以取消；已安排的请联系区县管理员取消活动。");
        }

        Status = OrderStatus.Cancelled;
        Version++;
    }

    /// <summary>The orderer rates the lecture once it has taken place.</summary>
    public void Rate(int rating, string feedback, DateTime eventEnded, DateTime now)
    {
        if (Status != OrderStatus.Confirmed)
        {
            throw new BusinessRuleException(Status == OrderStatus.Done ? "已经评价过了。" : "讲座安排好并举办之后才能评价。");
        }

        if (now < eventEnded)
        {
            throw new BusinessRuleException("讲座结束以后才能评价。");
        }

        Rating = rating;
        Feedback = feedback;
        FeedbackAt = now;
        Status = OrderStatus.Done;
        Version++;
    }
}

internal sealed class LectureOrderConfiguration : IEntityTypeConfiguration<LectureOrder>
{
    public void Configure(EntityTypeBuilder<LectureOrder> b)
    {
        b.ToTable("outreach_order");
        b.HasKey(o => o.Id);
        b.Property(o => o.RequesterId).HasMaxLength(450).IsRequired();
        b.Property(o => o.Kind).HasMaxLength(16).IsRequired();
        b.Property(o => o.RequesterName).HasMaxLength(100).IsRequired();
        b.Property(o => o.Contact).HasMaxLength(50).IsRequired();
        b.Property(o => o.DistrictCode).HasMaxLength(6).IsRequired();
        b.Property(o => o.TownCode).HasMaxLength(12);
        b.Property(o => o.Place).HasMaxLength(200).IsRequired();
        b.Property(o => o.Topic).HasMaxLength(50).IsRequired();
        b.Property(o => o.Audience).HasMaxLength(16).IsRequired();
        b.Property(o => o.Dialect).HasMaxLength(20);
        b.Property(o => o.Note).HasMaxLength(LectureOrder.MaxNote).IsRequired();
        b.Property(o => o.Status).HasMaxLength(16).IsRequired();
        b.Property(o => o.ExpertId).HasMaxLength(450);
        b.Property(o => o.ConfirmedBy).HasMaxLength(450);
        b.Property(o => o.Feedback).HasMaxLength(LectureOrder.MaxFeedback);
        b.Property(o => o.Version).IsConcurrencyToken();

        // A district's queue, a person's orders, an expert's ratings.
        b.HasIndex(o => new { o.DistrictCode, o.Status, o.CreatedAt });
        b.HasIndex(o => new { o.RequesterId, o.CreatedAt });
        b.HasIndex(o => new { o.ExpertId, o.Status });
    }
}

/// <summary>Average ratings experts received for 点单 lectures.</summary>
public static class OrderRatings
{
    public static async Task<Dictionary<string, double>> ByExpertAsync(Infrastructure.Data.AppDbContext db, CancellationToken ct) =>
        (await db.Set<LectureOrder>().AsNoTracking().Where(o => o.ExpertId != null && o.Rating != null)
            .Select(o => new { o.ExpertId, o.Rating }).ToListAsync(ct))
        .GroupBy(o => o.ExpertId!).ToDictionary(g => g.Key, g => Math.Round(g.Average(o => o.Rating!.Value), 1));
}
