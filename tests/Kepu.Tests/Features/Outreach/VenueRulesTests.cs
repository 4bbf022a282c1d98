using Kepu.Web.Features.Outreach.Venues.Entities;

namespace Kepu.Tests.Features.Outreach;

/// <summary>The rules of venues without a database: opening hours as text and as people read them, the peak load of overlapping visits.</summary>
public sealed class VenueRulesTests
{
    private static readonly DayHours NineToFive = new(new TimeOnly(9, 0), new TimeOnly(17, 0));

    [Fact]
    public void WeeklyHours_RoundTripThroughText_AndSummariseRunsOfDays()
    {
        var week = new WeeklyHours([NineToFive, NineToFive, NineToFive, NineToFive, NineToFive, new DayHours(new TimeOnly(9, 0), new TimeOnly(12, 0)), null]);
        Assert.Equal("1=09:00-17:00;2=09:00-17:00;3=09:00-17:00;4=09:00-17:00;5=09:00-17:00;6=09:00-12:00", week.Format());
        Assert.Equal(week.Days, WeeklyHours.Parse(week.Format()).Days);
        Assert.Equal("周一至周五 09:00–17:00；周六 09:00–12:00", week.Summary());
        Assert.Equal("周三 09:00–17:00", new WeeklyHours([null, null, NineToFive, null, null, null, null]).Summary());
        Assert.Null(week.On(new DateOnly(2026, 11, 29))); // a Sunday
        Assert.Equal(NineToFive, week.On(new DateOnly(2026, 11, 30)));
    }

    private static VenueBooking Visit(int from, int to, int size, string state = BookingStates.Pending)
    {
        var b = new VenueBooking(1, new DateOnly(2026, 12, 1), new TimeOnly(from, 0), new TimeOnly(to, 0), "school", "班级", "老师", "123456789", size, "u", DateTime.UtcNow);
        if (state == BookingStates.Cancelled)
        {
            b.Cancel("u", null, DateTime.UtcNow);
        }

        return b;
    }

    [Fact]
    public void PeakWith_CountsOnlyThePeopleInsideAtTheSameMoment()
    {
        VenueBooking[] day = [Visit(9, 11, 25), Visit(11, 12, 20), Visit(10, 12, 30, BookingStates.Cancelled)];
        // 10:30–11:30 with 15: 25 + 15 before eleven, 20 + 15 after.
        Assert.Equal(40, VenueBooking.PeakWith(day, new TimeOnly(10, 30), new TimeOnly(11, 30), 15));
        // Back to back with the first visit: it has left.
        Assert.Equal(30, VenueBooking.PeakWith(day, new TimeOnly(11, 0), new TimeOnly(12, 0), 10));
        // Nothing else that day at 14:00.
        Assert.Equal(5, VenueBooking.PeakWith(day, new TimeOnly(14, 0), new TimeOnly(15, 0), 5));
    }
}
