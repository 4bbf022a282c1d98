using System.Security.Claims;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Features.Library;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Infrastructure;

public static class ContentHelpers
{
    public static async Task<ClaimsPrincipal> PrincipalAsync(this KepuFactory factory, string userName)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        return await principals.CreateAsync((await users.FindByNameAsync(userName))!);
    }

    /// <summary>Writes (as the demo organisation), approves (demo expert) and publishes (demo editor) an article.</summary>
    public static async Task<int> PublishAsync(this KepuFactory factory, string title, string summary, string body, string[] audiences, string[] topics,
        string[]? districts = null, string[]? regionGroups = null, bool elderFriendly = false)
    {
        await using var scope = factory.Scope();
        var save = scope.ServiceProvider.GetRequiredService<SaveContent>();
        var workflow = scope.ServiceProvider.GetRequiredService<ContentWorkflow>();
        var org = await factory.PrincipalAsync("org");
        var id = await save.CreateAsync(new ContentRequest
        {
            Title = title, Summary = summary, Body = body, Audiences = audiences, Topics = topics,
            Districts = districts ?? [], RegionGroups = regionGroups ?? [], ElderFriendly = elderFriendly,
        }, org);
        await workflow.SubmitAsync(id, org);
        await workflow.ReviewAsync(id, new ReviewRequest { Approve = true }, await factory.PrincipalAsync("expert"));
        await workflow.PublishAsync(id, new PublishRequest(), await factory.PrincipalAsync("editor"));
        return id;
    }
}
