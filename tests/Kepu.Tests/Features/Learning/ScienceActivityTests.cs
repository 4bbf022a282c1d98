using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Tests.Features.Learning;

public sealed class ScienceActivityTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    private static ActivityDetails Details(string kind = ActivityKinds.Lecture, decimal hours = 3) =>
        new(kind, "防范电信诈骗讲座", new DateOnly(2026, 11, 10), "社区活动室", 80, hours, "https://example.org/a", 1, null, null);

    [Theory]
    [InlineData(ActivityKinds.Lecture, 2, 1)]
    [InlineData(ActivityKinds.Article, 3, 1.5)]
    [InlineData(ActivityKinds.Video, 0.5, 0.2)]
    [InlineData(ActivityKinds.Event, 6, 1.5)]
    [InlineData(ActivityKinds.Volunteering, 1, 0.2)]
    [InlineData(ActivityKinds.Volunteering, 100, 25)]
    public void Credits_FollowTheHoursOfTheKind_RoundedDownToATenth(string kind, decimal hours, decimal credits) =>
        Assert.Equal(credits, ActivityKinds.Credits(kind, hours));

    [Fact]
    public void Approving_GrantsAtMostTheHoursClaimed_Once_AndNeverToOneself()
    {
        var activity = new ScienceActivity("owner", Details(), Now);
        Assert.Throws<ForbiddenException>(() => activity.Approve("owner", 3, Now));
        Assert.Throws<ValidationFailedException>(() => activity.Approve("reviewer", 3.5m, Now));
        Assert.Throws<ValidationFailedException>(() => activity.Approve("reviewer", 1.2m, Now));
        Assert.Equal(1m, activity.Approve("reviewer", 2, Now));
        Assert.Equal(ActivityStates.Approved, activity.State);
        activity.Recorded(7);
        Assert.Equal(7, activity.LedgerSequence);
        Assert.Throws<BusinessRuleException>(() => activity.Approve("reviewer", 2, Now));
        Assert.Throws<BusinessRuleException>(() => activity.Recorded(8));
        Assert.Throws<BusinessRuleException>(() => activity.Resubmit("owner", Details(), Now));
    }

    [Fact]
    public void Returning_NeedsAReason_AndOnlyTheOwnerEditsAReturnedOne()
    {
        var activity = new ScienceActivity("owner", Details(), Now);
        Assert.Throws<BusinessRuleException>(() => activity.Resubmit("owner", Details(), Now));
        Assert.Throws<ValidationFailedException>(() => activity.Return("reviewer", "  ", Now));
        activity.Return("reviewer", "请补充照片。", Now);
        Assert.Equal(ActivityStates.Returned, activity.State);
        Assert.Throws<BusinessRuleException>(() => activity.Return("reviewer", "再退一次", Now));
        Assert.Throws<ForbiddenException>(() => activity.Resubmit("someone-else", Details(), Now));
        activity.Resubmit("owner", Details(ActivityKinds.Event, 4), Now.AddDays(1));
        Assert.Equal(ActivityStates.Submitted, activity.State);
        Assert.Equal(2, activity.Submissions);
        Assert.Equal("请补充照片。", activity.ReturnReason);
        Assert.Equal(1m, activity.Approve("reviewer", 4, Now.AddDays(2)));
    }
}
