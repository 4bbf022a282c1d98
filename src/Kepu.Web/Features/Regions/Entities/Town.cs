namespace Kepu.Web.Features.Regions.Entities;

/// <summary>A town or sub-district (乡镇/街道) from the statistics bureau's code list.</summary>
public sealed class Town
{
    private Town()
    {
    }

    public Town(string code, string name, string districtCode)
    {
        Code = code;
        Name = name;
        DistrictCode = districtCode;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string DistrictCode { get; private set; } = "";

    public bool Rename(string name)
    {
        if (Name == name)
        {
            return false;
        }

        Name = name;
        return true;
    }
}
