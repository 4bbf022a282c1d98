using Kepu.Web.Features.Accounts.Admin;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Kepu.Web.Features.Accounts;

internal static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddSingleton<AccountSnapshots>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, AccountCacheEviction>();
        services
            .AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = string.Empty; // checked by Register (allows Chinese)
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<KepuClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "kepu_auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            // API endpoints that also take the cookie (uploads from pages) answer 401/403, never a redirect to a page.
            o.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        // Role changes and locks renew the security stamp; cookies notice within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.DistrictAdmin, p => p.RequireRole(Roles.Admin, Roles.DistrictAdmin));

        services.AddHttpContextAccessor();
        services.AddScoped<IClaimsTransformation, BearerStampCheck>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, RevokedTokenChallenge>();
        services.AddScoped<IAccountDirectory, AccountDirectory>();
        services.AddScoped<Register>();
        services.AddScoped<IssueToken>();
        services.AddScoped<Profile>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<MyData>();
        services.AddScoped<ManageUsers>();
        services.AddScoped<AccountVerification>();
        services.AddScoped<ManageOrganizations>();
        services.AddScoped<DistrictAccounts>();
        services.AddScoped<CreateAdmin>();
        services.AddScoped<AccountSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapAccountsApi();
        AccountVerification.Map(app);
        app.MapElderModeToggle();
        return app;
    }

    private static Task ApiOrRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
