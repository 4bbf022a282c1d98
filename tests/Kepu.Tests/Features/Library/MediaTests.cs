using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Library.Media;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Kepu.Tests.Features.Library;

public sealed class SmallMediaFactory : KepuFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Media:MaxImageBytes"] = "200000" };
}

public sealed class MediaTests(SmallMediaFactory factory) : IClassFixture<SmallMediaFactory>
{
    private static MultipartFormDataContent Form(byte[] bytes, string name, string claimedType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static byte[] JpegWithGps(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(30, 120, 200));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
        image.Metadata.ExifProfile.SetValue(ExifTag.Make, "家里的手机");
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private int StoredFiles() =>
        Directory.Exists(factory.Services.GetRequiredService<MediaStore>().Folder)
            ? Directory.GetFiles(factory.Services.GetRequiredService<MediaStore>().Folder, "*", SearchOption.AllDirectories).Length
            : 0;

    [Fact]
    public async Task Image_IsResized_StrippedOfMetadata_AndServed()
    {
        using var org = await factory.ApiClientAsync("org");
        var response = await org.PostAsync("/api/v1/media", Form(JpegWithGps(2400, 1200), "photo.png", "image/png"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("image/jpeg", stored.GetProperty("contentType").GetString());
        Assert.Equal(1600, stored.GetProperty("width").GetInt32());
        Assert.Equal(800, stored.GetProperty("height").GetInt32());
        var url = stored.GetProperty("url").GetString()!;
        Assert.Matches("^/media/[0-9a-f]{64}\\.jpg$", url);

        using var anonymous = factory.CreateClient();
        var served = await anonymous.GetAsync(url);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", served.Headers.CacheControl?.ToString());
        using var image = Image.Load(await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(1600, image.Width);
        Assert.Null(image.Metadata.ExifProfile);

        // The same upload again is the same file.
        var again = await (await org.PostAsync("/api/v1/media", Form(JpegWithGps(2400, 1200), "again.jpg", "image/jpeg"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(url, again.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("not really a picture", "fake.jpg", "image/jpeg", "不支持的文件类型")]
    [InlineData("\u00FF\u00D8\u00FF broken jpeg body", "broken.jpg", "image/jpeg", "图片已损坏")]
    [InlineData("", "empty.png", "image/png", "空")]
    public async Task BadFiles_AreRefused_WithAMessage_AndLeaveNothing(string content, string name, string type, string message)
    {
        var before = StoredFiles();
        using var org = await factory.ApiClientAsync("org");
        var bytes = content.Select(c => (byte)c).ToArray();
        var response = await org.PostAsync("/api/v1/media", Form(bytes, name, type));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ProblemAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task TooLargeImage_IsRefused_AndVideoIsStoredAsIs()
    {
        using var org = await factory.ApiClientAsync("org");
        var noisy = new byte[300_000];
        Random.Shared.NextBytes(noisy);
        noisy[0] = 0xFF; noisy[1] = 0xD8; noisy[2] = 0xFF;
        var big = await org.PostAsync("/api/v1/media", Form(noisy, "big.jpg", "image/jpeg"));
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Contains("太大", (await big.ProblemAsync()).GetProperty("errors").GetProperty("file")[0].GetString());

        var mp4 = new byte[4096];
        "\0\0\0\u0018ftypisom"u8.ToArray().CopyTo(mp4, 0);
        var video = await org.PostAsync("/api/v1/media", Form(mp4, "clip.mov", "application/octet-stream"));
        Assert.Equal(HttpStatusCode.Created, video.StatusCode);
        var stored = await video.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("video/mp4", stored.GetProperty("contentType").GetString());
        Assert.EndsWith(".mp4", stored.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Upload_ByNonWriter_Is403_AndUnknownMedia_Is404()
    {
        using var citizen = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsync("/api/v1/media", Form(JpegWithGps(10, 10), "a.jpg", "image/jpeg"))).StatusCode);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/media/../../etc/passwd")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/media/" + new string('a', 64) + ".jpg")).StatusCode);
    }

    [Fact]
    public async Task CoverImage_MustBeAnUpload()
    {
        using var org = await factory.ApiClientAsync("org");
        var stored = await (await org.PostAsync("/api/v1/media", Form(JpegWithGps(40, 30), "c.jpg", "image/jpeg"))).Content.ReadFromJsonAsync<JsonElement>();
        var cover = stored.GetProperty("url").GetString();

        var ok = await org.PostAsJsonAsync("/api/v1/contents", new { kind = "article", title = "带封面的文章标题", summary = "这是一段足够长的摘要文字。", body = "正文", audiences = new[] { "public" }, topics = new[] { "生态环境" }, coverImage = cover });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var id = (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(cover, (await org.GetFromJsonAsync<JsonElement>($"/api/v1/contents/{id}")).GetProperty("coverImage").GetString());

        var bad = await org.PostAsJsonAsync("/api/v1/contents", new { kind = "article", title = "外链封面的文章标题", summary = "这是一段足够长的摘要文字。", body = "正文", audiences = new[] { "public" }, topics = new[] { "生态环境" }, coverImage = "https://evil.example/x.jpg" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
