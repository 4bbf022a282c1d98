using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Library.Demo;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Features.Library.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Library;

public sealed class DemoContentFactory : KepuFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Demo:Content"] = "true" };
}

public sealed class DemoContentTests(DemoContentFactory factory) : IClassFixture<DemoContentFactory>
{
    private static readonly string[] Leaves =
    [
        "合理膳食", "食品安全", "心理健康", "体育锻炼", "合理用药", "防灾减灾", "应急避险", "安全生产", "防范电信诈骗", "个人信息保护",
        "智能手机", "智能就医", "智能消费", "智能金融", "农业实用技术", "乡村振兴", "前沿科技", "生态环境", "科学精神与科学家",
    ];

    [Fact]
    public void DemoFiles_Cover_EveryTopicAndAudience_WithSubstantialText()
    {
        var items = LibrarySeeder.Load();

        Assert.True(items.Count >= 60, $"{items.Count} demo items");
        Assert.Equal(items.Count, items.Select(i => i.Title).Distinct().Count());
        foreach (var topic in Leaves)
        {
            Assert.True(items.Count(i => i.Topics.Contains(topic)) >= 3, topic);
        }

        foreach (var audience in new[] { "youth", "farmers", "workers", "elderly", "officials", "public" })
        {
            Assert.True(items.Count(i => i.Audiences.Contains(audience)) >= 8, audience);
        }

        Assert.All(items, i => Assert.True(i.Body.Length >= 400 && i.Body.Split("\n\n").Length >= 3, i.Key));
        Assert.True(items.Select(i => i.Organization).Distinct().Count() >= 5);
        Assert.Contains(items, i => i.Districts?.Contains("500242") == true && i.Audiences.Contains("elderly"));
    }

    [Fact]
    public async Task Development_SeedsThePublishedLibrary_ThatSearchFinds()
    {
        var published = await factory.QueryAsync(db => db.Set<ContentItem>().CountAsync(c => c.Status == ContentStatus.Published));
        Assert.Equal(LibrarySeeder.Load().Count, published);

        await factory.Services.GetRequiredService<SearchProjector>().CatchUpAsync();
        using var client = factory.CreateClient();
        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString("诈骗") + "&audience=elderly");
        Assert.True(result.GetProperty("total").GetInt32() >= 2);

        var first = result.GetProperty("items")[0].GetProperty("id").GetInt32();
        var item = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contents/{first}");
        Assert.EndsWith("（演示）", item.GetProperty("organizationName").GetString());
        Assert.Equal(4, item.GetProperty("transitions").GetArrayLength());

        var campaigns = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/campaigns");
        Assert.Equal(2, campaigns!.Length);
        Assert.Contains(campaigns, c => c.GetProperty("active").GetBoolean());
        var playlist = await client.GetFromJsonAsync<JsonElement>("/api/v1/screens/1/playlist");
        Assert.True(playlist.GetProperty("slides").GetArrayLength() >= 4);
    }
}
