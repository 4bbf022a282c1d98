using System.Globalization;

namespace Kepu.Web.Features.Outreach.Caravans.Planning;

/// <summary>
/// China's statutory public holidays (《全国年节及纪念日放假办法》, as amended in 2024), computed for any year:
/// 元旦 1 January; 春节 除夕 to 初三 (four days); 清明 (the solar term, 4 or 5 April); 劳动节 1–2 May; 端午 (lunar 5/5);
/// 中秋 (lunar 8/15); 国庆 1–3 October. The State Council's yearly 调休 (weekends swapped to make bridges) is announced each
/// December and is not modelled: a swapped working Saturday stays a day off here, a bridged weekday stays a working day.
/// </summary>
public static class PublicHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static bool Contains(DateOnly day) => For(day.Year).Contains(day);

    public static IReadOnlySet<DateOnly> For(int year)
    {
        var days = new HashSet<DateOnly>
        {
            new(year, 1, 1), new(year, 5, 1), new(year, 5, 2), new(year, 10, 1), new(year, 10, 2), new(year, 10, 3),
            new(year, 4, QingmingDay(year)),
        };
        if (year is > 1901 and < 2100)
        {
            var newYear = LunarDate(year, 1, 1);
            for (var i = -1; i <= 2; i++)
            {
                days.Add(newYear.AddDays(i));
            }

            days.Add(LunarDate(year, 5, 5));
            days.Add(LunarDate(year, 8, 15));
        }

        return days;
    }

    /// <summary>The Gregorian day of lunar month/day in the lunar year that begins in <paramref name="year"/>; a leap month shifts the later months' index.</summary>
    private static DateOnly LunarDate(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>清明 for 2000–2099 by the usual solar-term formula: ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋ with Y the last two digits.</summary>
    private static int QingmingDay(int year)
    {
        var y = year % 100;
        return (int)Math.Floor(y * 0.2422 + 4.81) - y / 4;
    }
}
