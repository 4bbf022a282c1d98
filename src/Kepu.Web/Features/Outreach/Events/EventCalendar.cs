using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Kepu.Web.Features.Outreach.Events;

/// <summary>
/// Events as iCalendar (RFC 5545): a feed of the calendar (with the same filters) and a file per event, so people can
/// add an event to their phone's calendar. Times are written in UTC; UIDs are stable, so a re-imported feed updates.
/// </summary>
public static class EventCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<EventView> events, string baseUrl, string name)
    {
        var calendar = new Calendar { ProductId = "-//科普重庆//Kepu//ZH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Shanghai");
        foreach (var e in events)
        {
            var url = $"{baseUrl.TrimEnd('/')}/events/{e.Id}";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"event-{e.Id}@kepu.cq",
                Summary = e.Title,
                Description = $"{e.KindLabel} · {e.OrganizerName}\n{e.Description}\n{url}".Trim(),
                Location = $"{e.DistrictName}{e.TownName} {e.Place}",
                DtStart = new CalDateTime(DateTime.SpecifyKind(e.StartsAt, DateTimeKind.Utc)),
                DtEnd = new CalDateTime(DateTime.SpecifyKind(e.EndsAt, DateTimeKind.Utc)),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(e.StartsAt, DateTimeKind.Utc)),
                Url = new Uri(url),
                Status = e.Status == Entities.EventStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Categories = [e.KindLabel],
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
