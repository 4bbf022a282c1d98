using Kepu.Web.Features.Outreach.Venues;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>The venue form of the create and edit pages: one open/close pair per weekday (both blank: closed).</summary>
public sealed class VenueForm
{
    public string? Kind { get; set; } = "courtyard";
    public string? Name { get; set; }
    public string? DistrictCode { get; set; }
    public string? TownCode { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string?[] Open { get; set; } = ["09:00", "09:00", "09:00", "09:00", "09:00", "", ""];
    public string?[] Close { get; set; } = ["17:00", "17:00", "17:00", "17:00", "17:00", "", ""];
    public string? HoursNote { get; set; }
    public int? Capacity { get; set; }
    public string? Contact { get; set; }
    public string? Description { get; set; }
    public int? OrganizationId { get; set; }

    public VenueRequest ToRequest() => new()
    {
        Kind = Kind, Name = Name, DistrictCode = DistrictCode, TownCode = TownCode, Address = Address, Latitude = Latitude, Longitude = Longitude,
        Opening = [.. Enumerable.Range(0, 7).Where(i => !string.IsNullOrWhiteSpace(At(Open, i)) || !string.IsNullOrWhiteSpace(At(Close, i)))
            .Select(i => new OpeningRequest(i + 1, At(Open, i), At(Close, i)))],
        HoursNote = HoursNote, Capacity = Capacity, Contact = Contact, Description = Description, OrganizationId = OrganizationId,
    };

    public static VenueForm From(VenueView v) => new()
    {
        Kind = v.Kind, Name = v.Name, DistrictCode = v.DistrictCode, TownCode = v.TownCode, Address = v.Address, Latitude = v.Latitude, Longitude = v.Longitude,
        Open = [.. v.Opening.Select(o => o.Open ?? "")], Close = [.. v.Opening.Select(o => o.Close ?? "")], HoursNote = v.HoursNote, Capacity = v.Capacity,
        Contact = v.Contact, Description = v.Description, OrganizationId = v.OrganizationId,
    };

    private static string? At(string?[] values, int i) => i < values.Length ? values[i] : null;
}
