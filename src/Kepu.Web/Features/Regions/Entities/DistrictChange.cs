namespace Kepu.Web.Features.Regions.Entities;

/// <summary>One field of a district changed by an administrator: who, when, old and new value.</summary>
public sealed class DistrictChange
{
    private DistrictChange()
    {
    }

    public DistrictChange(string districtCode, string field, string oldValue, string newValue, string changedBy, DateTime changedAt)
    {
        DistrictCode = districtCode;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }

    public long Id { get; private set; }
    public string DistrictCode { get; private set; } = "";
    public string Field { get; private set; } = "";
    public string OldValue { get; private set; } = "";
    public string NewValue { get; private set; } = "";

    /// <summary>User name of the administrator at the time of the change (kept if the account is later deleted).</summary>
    public string ChangedBy { get; private set; } = "";
    public DateTime ChangedAt { get; private set; }
}
