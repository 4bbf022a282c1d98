using Kepu.Web.Features.Regions;

namespace Kepu.Web.Features.Accounts.Admin;

/// <summary>What the organisation fields partial needs, from either organisation page.</summary>
public interface IOrganizationForm
{
    OrganizationRequest Input { get; }
    IReadOnlyList<DistrictInfo> Districts { get; }
    string? ErrorFor(string key);
}
