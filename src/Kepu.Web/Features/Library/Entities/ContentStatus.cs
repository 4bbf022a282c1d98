namespace Kepu.Web.Features.Library.Entities;

/// <summary>Where an item is in the co-construction workflow. Codes are stored and returned by the API.</summary>
public static class ContentStatus
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Approved = "approved";
    public const string Scheduled = "scheduled";
    public const string Published = "published";
    public const string Offline = "offline";

    public static string Label(string status) => status switch
    {
        Draft => "草稿",
        Submitted => "待审核",
        Returned => "退回修改",
        Approved => "审核通过",
        Scheduled => "定时发布",
        Published => "已发布",
        Offline => "已下线",
        _ => status,
    };
}
