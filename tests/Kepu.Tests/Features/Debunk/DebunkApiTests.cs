using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Infrastructure.Cli;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Debunk;

/// <summary>Entries imported once for the class (a file with good and bad lines), then checked many ways.</summary>
public sealed class DebunkFixture : KepuFactory, IAsyncLifetime
{
    public const string Lines = """
        {"id":"t-001","claim":"隔夜菜会致癌，千万不能吃","phrasings":["剩菜放一夜就产生致癌物"],"verdict":"谣言","conclusion":"冷藏得当的隔夜菜亚硝酸盐远低于危害水平。","title":"隔夜菜不会致癌","body":"隔夜菜的亚硝酸盐含量和**保存方式**有关。\n\n冷藏、尽快吃完即可。","category":"食品安全","audiences":["elderly","public"],"sources":[{"title":"隔夜菜的亚硝酸盐","publisher":"国家食品安全风险评估中心","url":"https://www.cfsa.net.cn/"}],"firstSeen":"2023-06-01"}
        {"id":"t-002","claim":"手机辐射会导致脑癌","verdict":"rumor","title":"手机辐射不会致癌","body":"手机的射频辐射是非电离辐射。","category":"前沿科技"}
        not json at all
        {"id":"t-003","claim":"","verdict":"谣言","title":"缺说法","body":"正文"}
        {"id":"t-004","claim":"喝醋能软化血管","verdict":"maybe","title":"结论不对","body":"正文"}
        {"id":"t-005","claim":"发芽的土豆有毒不能吃","verdict":"属实","title":"发芽土豆确实有毒","body":"发芽土豆含龙葵素。","category":"食品安全"}
        """;

    public string Output { get; private set; } = "";
    public string Errors { get; private set; } = "";
    public int Exit { get; private set; }

    public async Task InitializeAsync()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, Lines);
        var output = new StringWriter();
        var errors = new StringWriter();
        Exit = await CommandLine.RunAsync(Services, ["debunks", "import", file], TextReader.Null, output, errors);
        Output = output.ToString();
        Errors = errors.ToString();
        File.Delete(file);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class DebunkApiTests(DebunkFixture factory) : IClassFixture<DebunkFixture>
{
    private async Task<HttpResponseMessage> MatchAsync(object body)
    {
        using var client = factory.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/debunks/match", body);
    }

    [Fact]
    public void Import_ReportsBadLinesByNumber_AndLoadsTheRest()
    {
        Assert.Equal(1, factory.Exit);
        Assert.Contains("新增 3", factory.Output);
        Assert.Contains("出错 3", factory.Output);
        Assert.Contains("第 3 行", factory.Errors);
        Assert.Contains("第 4 行", factory.Errors);
        Assert.Contains("claim", factory.Errors);
        Assert.Contains("第 5 行", factory.Errors);
        Assert.Contains("verdict", factory.Errors);
    }

    [Fact]
    public async Task Import_AgainIsIdempotent_AndAChangeMakesARevision()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, DebunkFixture.Lines.Replace("手机的射频辐射是非电离辐射。", "手机的射频辐射是非电离辐射，能量很低。", StringComparison.Ordinal));
        var output = new StringWriter();
        await CommandLine.RunAsync(factory.Services, ["debunks", "import", file], TextReader.Null, output, new StringWriter());
        File.Delete(file);

        Assert.Contains("新增 0，更新 1，未变 2", output.ToString());
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var phone = await db.Set<DebunkEntry>().Include(e => e.Revisions).SingleAsync(e => e.Key == "t-002");
        Assert.Equal(2, phone.Revisions.Count);
        Assert.Equal(1, await db.Set<DebunkEntry>().CountAsync(e => e.Key == "t-001"));
    }

    [Fact]
    public async Task Match_ALongForwardedMessage_IsAnsweredAtOnce()
    {
        var response = await MatchAsync(new
        {
            text = "【紧急扩散】各位亲朋好友早上好！😱 医院主任说：剩菜放一夜就产生致癌物，隔夜菜千萬不能吃！！！ #健康# http://t.cn/A6xyz 转给家人",
            top = 5,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("answer", result.GetProperty("decision").GetString());
        var first = result.GetProperty("candidates")[0];
        Assert.Equal("隔夜菜会致癌，千万不能吃", first.GetProperty("claim").GetString());
        Assert.Equal("rumor", first.GetProperty("verdict").GetString());
        Assert.True(first.GetProperty("score").GetDouble() > 0.6);
    }

    [Fact]
    public async Task Match_UnrelatedText_IsNone()
    {
        var result = await (await MatchAsync(new { text = "周末一起去南山看风景，顺便吃个火锅吧" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("none", result.GetProperty("decision").GetString());
        Assert.Equal(0, result.GetProperty("candidates").GetArrayLength());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("binary\u0000\u0001bytes")]
    public async Task Match_BadText_Is400_InChinese(string text)
    {
        var response = await MatchAsync(new { text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Match_100KB_Is400_WithTheLimit()
    {
        var response = await MatchAsync(new { text = new string('谣', 100 * 1024 / 3) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("最多 5000 字", (await response.ProblemAsync()).GetProperty("errors").GetProperty("text")[0].GetString());
    }

    [Fact]
    public async Task EntryPage_CarriesClaimReview_AndAShareCard()
    {
        using var scope = factory.Services.CreateScope();
        var id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<DebunkEntry>().Where(e => e.Key == "t-001").Select(e => e.Id).SingleAsync();
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync($"/debunks/{id}");

        var json = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"application/ld\\+json\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        using var ld = JsonDocument.Parse(json);
        Assert.Equal("ClaimReview", ld.RootElement.GetProperty("@type").GetString());
        Assert.Equal("隔夜菜会致癌，千万不能吃", ld.RootElement.GetProperty("claimReviewed").GetString());
        Assert.Equal("谣言", ld.RootElement.GetProperty("reviewRating").GetProperty("alternateName").GetString());
        Assert.Equal(1, ld.RootElement.GetProperty("reviewRating").GetProperty("ratingValue").GetInt32());
        Assert.EndsWith($"/debunks/{id}", ld.RootElement.GetProperty("url").GetString());
        Assert.Equal("科普重庆", ld.RootElement.GetProperty("author").GetProperty("name").GetString());
        Assert.True(ld.RootElement.TryGetProperty("datePublished", out _));
        Assert.Contains("分享卡片", html);
        Assert.Contains("<strong>保存方式</strong>", html);
        Assert.Contains("国家食品安全风险评估中心", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/debunks/999999")).StatusCode);
    }

    [Fact]
    public async Task CheckPage_ShowsTheVerdict_AndKeepsTheText_OnBadInput()
    {
        using var client = factory.PageClient();
        var answer = await client.PostAsync("/check", new FormUrlEncodedContent([new("Text", "土豆发芽了还能吃吗？发芽的土豆有毒不能吃是真的吗")]));
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains("data-decision=\"answer\"", html);
        Assert.Contains("属实", html);

        var empty = await client.PostAsync("/check", new FormUrlEncodedContent([new("Text", "")]));
        Assert.Contains("请粘贴或输入要查的内容", await empty.Content.ReadAsStringAsync());
    }
}
