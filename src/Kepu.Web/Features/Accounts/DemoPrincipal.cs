using System.Security.Claims;

namespace Kepu.Web.Features.Accounts;

/// <summary>The signed-in person a demo seeder acts as, so demo data goes through the same use cases (and rules) people use.</summary>
public static class DemoPrincipal
{
    public static ClaimsPrincipal For(string id, string name, string role, string? district = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        if (district is not null)
        {
            claims.Add(new Claim(KepuClaims.ManagedDistrict, district));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "demo", ClaimTypes.Name, ClaimTypes.Role));
    }
}
