namespace Kepu.Web.Infrastructure.Web;

/// <summary>长辈模式: large type, high contrast, big targets. Remembered in a cookie (and in the profile when signed in).</summary>
public static class ElderMode
{
    public const string CookieName = "kepu_elder";

    public static bool IsOn(HttpContext context) => context.Request.Cookies[CookieName] == "1";

    public static void Remember(HttpContext context, bool on) =>
        context.Response.Cookies.Append(CookieName, on ? "1" : "0", new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = false,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
        });
}
