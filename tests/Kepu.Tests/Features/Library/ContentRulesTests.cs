using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Tests.Features.Library;

public sealed class ContentRulesTests
{
    private static readonly DateTime T0 = new(2026, 11, 29, 8, 0, 0, DateTimeKind.Utc);

    private static ContentFields Fields(string body = "正文内容，足够长的一段科普文字。") =>
        new("article", "老人如何识别电信诈骗", "三个办法，帮老人识别常见电信诈骗。", body, null, null, null,
            ["elderly"], ["防范电信诈骗"], [], [], ["张三"], "CC BY 4.0", true);

    [Fact]
    public void FullPath_Draft_Submit_Approve_Publish_Offline_IsRecorded()
    {
        var item = new ContentItem(Fields(), 1, "writer", T0);
        item.Submit("writer", T0.AddMinutes(1));
        item.Review(true, null, "expert", T0.AddMinutes(2));
        item.Publish(null, "editor", T0.AddMinutes(3));
        item.TakeOffline("信息已过时", "editor", T0.AddMinutes(4));

        Assert.Equal(ContentStatus.Offline, item.Status);
        Assert.Equal([ContentStatus.Draft, ContentStatus.Submitted, ContentStatus.Approved, ContentStatus.Published, ContentStatus.Offline],
            item.Transitions.Select(t => t.To).ToArray());
        Assert.Equal("信息已过时", item.Transitions[^1].Comment);
        Assert.Equal(T0.AddMinutes(3), item.PublishedAt);
    }

    [Fact]
    public void Publish_BeforeReview_BreaksARule()
    {
        var item = new ContentItem(Fields(), 1, "writer", T0);
        item.Submit("writer", T0);

        Assert.Throws<BusinessRuleException>(() => item.Publish(null, "editor", T0));
    }

    [Fact]
    public void Return_WithoutComment_BreaksARule_WithComment_AllowsEditAndResubmit()
    {
        var item = new ContentItem(Fields(), 1, "writer", T0);
        item.Submit("writer", T0);
        Assert.Throws<BusinessRuleException>(() => item.Review(false, " ", "expert", T0));

        item.Review(false, "第二段的数据需要注明来源。", "expert", T0);
        Assert.Equal(ContentStatus.Returned, item.Status);
        item.Edit(Fields("修改后的正文，已注明数据来源。"), "writer", T0.AddHours(1));
        Assert.Equal(2, item.Version);
        Assert.Equal(2, item.Versions.Count);
        item.Submit("writer", T0.AddHours(1));
        Assert.Equal(ContentStatus.Submitted, item.Status);
    }

    [Fact]
    public void Edit_WhileUnderReview_OrPublished_BreaksARule()
    {
        var item = new ContentItem(Fields(), 1, "writer", T0);
        item.Submit("writer", T0);
        Assert.Throws<BusinessRuleException>(() => item.Edit(Fields(), "writer", T0));
        item.Review(true, null, "expert", T0);
        item.Publish(null, "editor", T0);
        Assert.Throws<BusinessRuleException>(() => item.Edit(Fields(), "writer", T0));
    }

    [Fact]
    public void ScheduledPublish_WaitsForItsTime()
    {
        var item = new ContentItem(Fields(), 1, "writer", T0);
        item.Submit("writer", T0);
        item.Review(true, "准确", "expert", T0);
        item.Publish(T0.AddHours(2), "editor", T0);

        Assert.Equal(ContentStatus.Scheduled, item.Status);
        Assert.False(item.PublishIfDue(T0.AddHours(1)));
        Assert.True(item.PublishIfDue(T0.AddHours(2).AddSeconds(5)));
        Assert.Equal(ContentStatus.Published, item.Status);
        Assert.Equal(T0.AddHours(2), item.PublishedAt);
    }

    [Fact]
    public void Offline_NeedsAReason()
    {
        var item = new ContentItem(Fields(), 1, "writer", T0);
        item.Submit("writer", T0);
        item.Review(true, null, "expert", T0);
        item.Publish(null, "editor", T0);

        Assert.Throws<BusinessRuleException>(() => item.TakeOffline("", "editor", T0));
    }

    [Fact]
    public void ReadingTime_FollowsLength()
    {
        Assert.Equal(1, new ContentItem(Fields("短"), null, "w", T0).ReadingMinutes);
        Assert.Equal(3, new ContentItem(Fields(new string('字', 1000)), null, "w", T0).ReadingMinutes);
    }
}
