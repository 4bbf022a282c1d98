using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kepu.Web.Features.Accounts.Pages;

/// <summary>What the shared profile fields partial needs: choices, current values and errors.</summary>
public sealed record ProfileFields(
    IReadOnlyList<DistrictInfo> Districts,
    IReadOnlyList<TownInfo> Towns,
    IReadOnlyList<string> Audiences,
    string? District,
    string? Town,
    IReadOnlyList<string> Interests,
    ModelStateDictionary ModelState)
{
    public string? ErrorFor(string key) => ModelState.ErrorFor(key);

    public static async Task<ProfileFields> LoadAsync(IRegionDirectory regions, IReadOnlyList<string>? audiences, string? district, string? town,
        IReadOnlyList<string>? interests, ModelStateDictionary modelState, CancellationToken ct)
    {
        var districts = await regions.DistrictsAsync(ct);
        var towns = districts.Any(d => d.Code == district) ? await regions.TownsAsync(district!, ct) : [];
        return new ProfileFields(districts, towns, audiences ?? [], district, town, interests ?? [], modelState);
    }
}
