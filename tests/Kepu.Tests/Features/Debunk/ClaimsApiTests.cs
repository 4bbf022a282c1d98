using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Features.Library.Media;
using Kepu.Web.Infrastructure.Cli;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Kepu.Tests.Features.Debunk;

public sealed class ClaimsApiTests(DebunkFixture factory) : IClassFixture<DebunkFixture>
{
    private async Task<int> CountAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SubmittedClaim>().CountAsync();
    }

    private async Task<JsonElement> SubmitAsync(object body)
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/claims", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task KnownRumour_IsAnsweredAtOnce_UnknownOnes_AreClustered_AndFollowedByCode()
    {
        var known = await SubmitAsync(new { text = "群里都在传：隔夜菜会致癌，千万不能吃！", seenWhere = "微信群", district = "500242" });
        Assert.Equal("answered", known.GetProperty("status").GetString());
        Assert.Equal("谣言", known.GetProperty("verdictLabel").GetString());

        var first = await SubmitAsync(new { text = "听说喝隔壁村的井水能治好高血压，已经好几个人试过了", district = "500242" });
        var second = await SubmitAsync(new { text = "转发：喝隔壁村的井水能治好高血压！！好几个人试过了😮", district = "500101", link = "https://example.cn/post/1" });
        Assert.Equal("new", first.GetProperty("status").GetString());
        Assert.Equal("新收", second.GetProperty("statusLabel").GetString());

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var codes = new[] { first.GetProperty("trackingCode").GetString(), second.GetProperty("trackingCode").GetString() };
            var clusterIds = await db.Set<SubmittedClaim>().Where(c => codes.Contains(c.TrackingCode)).Select(c => c.ClusterId).Distinct().ToListAsync();
            var cluster = await db.Set<ClaimCluster>().SingleAsync(c => c.Id == clusterIds.Single());
            Assert.Equal(2, cluster.Count);
            Assert.Equal(["500242", "500101"], cluster.Districts);
        }

        using var client = factory.CreateClient();
        var status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{first.GetProperty("trackingCode").GetString()}");
        Assert.Equal("new", status.GetProperty("status").GetString());
        var page = await client.GetStringAsync($"/claims/{first.GetProperty("trackingCode").GetString()}");
        Assert.Contains("当前状态：<strong>新收</strong>", page);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/claims/RNOSUCHCODE")).StatusCode);
    }

    [Theory]
    [InlineData("", null, null)]
    [InlineData("一条说法", "javascript:alert(1)", null)]
    [InlineData("一条说法", null, "999999")]
    public async Task BadSubmission_Is400_AndWritesNothing(string text, string? link, string? district)
    {
        var before = await CountAsync();
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/claims", new { text, link, district });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).TryGetProperty("errors", out _));
        Assert.Equal(before, await CountAsync());
    }

    private static MultipartFormDataContent ReportForm(string text, byte[]? screenshot, string fileName = "shot.jpg")
    {
        var form = new MultipartFormDataContent { { new StringContent(text), "text" }, { new StringContent("微信群"), "seenWhere" }, { new StringContent("500242"), "district" } };
        if (screenshot is not null)
        {
            var file = new ByteArrayContent(screenshot);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "screenshot", fileName);
        }

        return form;
    }

    private static byte[] ChatScreenshot()
    {
        using var image = new Image<Rgb24>(360, 640, new Rgb24(237, 237, 237));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private int PrivateFiles()
    {
        var folder = factory.Services.GetRequiredService<MediaStore>().PrivateFolder;
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length : 0;
    }

    [Fact]
    public async Task AnonymousReport_WithAScreenshotFile_IsKeptPrivate_ForEditorsAndExperts()
    {
        using var anonymous = factory.CreateClient();
        var response = await anonymous.PostAsync("/api/v1/claims", ReportForm("看到一张截图说某品牌酱油里加了避孕药，吃多了会影响生育", ChatScreenshot()));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString();
        var claim = await factory.QueryAsync(db => db.Set<SubmittedClaim>().SingleAsync(c => c.TrackingCode == code));
        Assert.StartsWith("/private-media/", claim.Screenshot, StringComparison.Ordinal);
        Assert.Equal("微信群", claim.SeenWhere);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(claim.Screenshot)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(claim.Screenshot!.Replace("/private-media/", "/media/", StringComparison.Ordinal))).StatusCode);
        using var citizen = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(claim.Screenshot)).StatusCode);
        using var editor = await factory.ApiClientAsync("editor");
        var image = await editor.GetAsync(claim.Screenshot);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Null(Image.Identify(await image.Content.ReadAsByteArrayAsync()).Metadata.ExifProfile);

        var cluster = (await editor.GetFromJsonAsync<JsonElement>("/api/v1/debunk/clusters")).EnumerateArray()
            .Single(c => c.GetProperty("text").GetString()!.StartsWith("看到一张截图说某品牌酱油", StringComparison.Ordinal));
        Assert.Equal([claim.Screenshot], cluster.GetProperty("screenshots").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task AScreenshotThatIsNotAnImage_Is400_AndNothingIsWritten()
    {
        var (claims, files) = (await CountAsync(), PrivateFiles());
        using var anonymous = factory.CreateClient();
        var response = await anonymous.PostAsync("/api/v1/claims", ReportForm("有人说喝某种茶能把肺里的结节化掉", "%PDF-1.4 not an image"u8.ToArray(), "shot.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("图片", (await response.ProblemAsync()).GetProperty("errors").GetProperty("screenshot")[0].GetString(), StringComparison.Ordinal);

        // A bad report with a good image: the image is not stored either.
        var bad = await anonymous.PostAsync("/api/v1/claims", ReportForm("", ChatScreenshot()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal((claims, files), (await CountAsync(), PrivateFiles()));

        var notJson = await anonymous.PostAsync("/api/v1/claims", new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        var plain = await anonymous.PostAsync("/api/v1/claims", new StringContent("text=1", System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("multipart/form-data", (await plain.ProblemAsync()).GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_IsForPartners_AllOrNothing()
    {
        using var citizen = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsJsonAsync("/api/v1/claims/batch", new { items = new[] { new { text = "说法" } } })).StatusCode);

        using var org = await factory.ApiClientAsync("org");
        var before = await CountAsync();
        var bad = await org.PostAsJsonAsync("/api/v1/claims/batch", new { items = new object[] { new { text = "吃木耳能降血脂" }, new { text = "" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("items[1].text", out _));
        Assert.Equal(before, await CountAsync());

        var items = Enumerable.Range(1, 30).Select(i => new { text = i % 2 == 0 ? "吃木耳能降血脂，每天一碗就够了" : $"第{i}条：隔夜菜会致癌，千万不能吃" }).ToArray();
        var ok = await org.PostAsJsonAsync("/api/v1/claims/batch", new { items });
        Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        var statuses = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(30, statuses.GetArrayLength());
        Assert.Equal(15, statuses.EnumerateArray().Count(s => s.GetProperty("status").GetString() == "answered"));
        Assert.Equal(before + 30, await CountAsync());

        var tooMany = await org.PostAsJsonAsync("/api/v1/claims/batch", new { items = Enumerable.Range(0, 1001).Select(_ => new { text = "说法" }) });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task MatchBatch_ChecksManyTexts()
    {
        using var editor = await factory.ApiClientAsync("editor");
        var response = await editor.PostAsJsonAsync("/api/v1/debunks/match-batch", new { texts = new[] { "手机辐射会导致脑癌吗？", "今天天气不错" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("answer", results[0].GetProperty("decision").GetString());
        Assert.Equal("none", results[1].GetProperty("decision").GetString());
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/debunks/match-batch", new { texts = new[] { "x" } })).StatusCode);
    }
}

public sealed class ClaimsRateLimitTests(ClaimsRateLimitTests.Factory factory) : IClassFixture<ClaimsRateLimitTests.Factory>
{
    public sealed class Factory : KepuFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["RateLimits:ClaimsPerMinute"] = "2" };
    }

    [Fact]
    public async Task AnonymousSubmissions_AreLimitedPerClient()
    {
        using var client = factory.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await client.PostAsJsonAsync("/api/v1/claims", new { text = $"第{i}条测试说法：吃某种野菜能治百病" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], codes);
    }
}
