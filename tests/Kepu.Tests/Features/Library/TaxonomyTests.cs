using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Accounts.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Library;

public sealed class TaxonomyTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    [Fact]
    public async Task Editor_AddsAndRenamesTopics_ItemsAndExpertsFollow()
    {
        using var editor = await factory.ApiClientAsync("editor");
        var added = await editor.PostAsJsonAsync("/api/v1/topics", new { name = "用电安全", parentId = 7 });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync("/api/v1/topics", new { name = "用电安全", parentId = 7 })).StatusCode);

        await using (var scope = factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var expert = await users.FindByNameAsync("expert");
            expert!.Disciplines = ["安全", "用电安全"];
            await users.UpdateAsync(expert);
        }

        var item = await factory.PublishAsync("电动车不要进楼充电", "电动车进楼充电容易起火。", "电动车电池起火蔓延快，不要在楼道和家里充电。", ["public"], ["用电安全"]);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PutAsJsonAsync($"/api/v1/topics/{id}", new { name = "安全用电" })).StatusCode);

        using var anonymous = factory.CreateClient();
        var content = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/contents/{item}");
        Assert.Equal(["安全用电"], content.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToArray());
        var disciplines = await factory.QueryAsync(db => db.Set<AppUser>().Where(u => u.UserName == "expert").Select(u => u.Disciplines).SingleAsync());
        Assert.Contains("安全用电", disciplines);
        Assert.DoesNotContain("用电安全", disciplines);
        var tree = await anonymous.GetFromJsonAsync<JsonElement[]>("/api/v1/topics");
        Assert.Contains("安全用电", tree![1].GetProperty("children").EnumerateArray().Select(c => c.GetString()));

        using var org = await factory.ApiClientAsync("org");
        Assert.Equal(HttpStatusCode.Forbidden, (await org.PostAsJsonAsync("/api/v1/topics", new { name = "机构自己加的主题" })).StatusCode);
    }

    [Fact]
    public async Task Admin_SetsAnExpertsDisciplines_OnTheUserPage()
    {
        using var page = factory.PageClient();
        await page.LoginAsync("admin");
        var id = await factory.QueryAsync(db => db.Set<AppUser>().Where(u => u.UserName == "expert").Select(u => u.Id).SingleAsync());
        var response = await page.PostFormAsync($"/admin/users/{id}", [new("disciplines", "健康、农业农村")], action: $"/admin/users/{id}?handler=Disciplines");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["健康", "农业农村"], await factory.QueryAsync(db => db.Set<AppUser>().Where(u => u.Id == id).Select(u => u.Disciplines).SingleAsync()));
    }
}
