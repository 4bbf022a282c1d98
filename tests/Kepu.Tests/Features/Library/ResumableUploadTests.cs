using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Library.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Library;

/// <summary>Videos up to 12 MB, so the limit can be crossed without writing 200 MB.</summary>
public sealed class SmallUploadFactory : KepuFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Media:MaxVideoBytes"] = (12 * MB).ToString(CultureInfo.InvariantCulture) };

    public const int MB = 1024 * 1024;
}

public sealed class ResumableUploadTests(SmallUploadFactory factory) : IClassFixture<SmallUploadFactory>
{
    private const int MB = SmallUploadFactory.MB;

    private static byte[] Mp4(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        "\0\0\0\u0018ftypmp42"u8.CopyTo(bytes);
        return bytes;
    }

    private static ByteArrayContent Piece(byte[] bytes, long start, long count)
    {
        var content = new ByteArrayContent(bytes, (int)start, (int)count);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return content;
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, long? offset, HttpContent content, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = content };
        if (offset is { } o)
        {
            request.Headers.Add("Upload-Offset", o.ToString(CultureInfo.InvariantCulture));
        }

        return client.SendAsync(request, ct);
    }

    /// <summary>The server may still be finishing a piece whose connection broke; a client waits and tries again.</summary>
    private static async Task<HttpResponseMessage> RetryWhileBusyAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.Conflict || attempt == 50 || !(await response.Content.ReadAsStringAsync()).Contains("正在接收", StringComparison.Ordinal))
            {
                return response;
            }

            await Task.Delay(100);
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await condition(), "timed out");
    }

    /// <summary>Asserts the status, showing the problem's text when it differs.</summary>
    private static async Task<HttpResponseMessage> Expect(HttpStatusCode status, Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        if (response.StatusCode != status)
        {
            Assert.Fail($"expected {status}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    /// <summary>
    /// A token client that streams request bodies: the factory's default client buffers every body first (to replay
    /// it on redirects), so the server would never see half a piece.
    /// </summary>
    private async Task<HttpClient> StreamingClientAsync(string userName)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.TokenAsync(userName));
        return client;
    }

    private static async Task<HttpResponseMessage> HeadAsync(HttpClient client, string url) =>
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

    private static async Task<long> OffsetAsync(HttpClient client, string url)
    {
        var response = await HeadAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return long.Parse(response.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);
    }

    private static async Task<string> StartAsync(HttpClient client, long length)
    {
        var response = await client.PostAsJsonAsync("/api/v1/uploads", new { length });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
    }

    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.ProblemAsync()).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    private string[] FilesOf(string url)
    {
        var folder = factory.Services.GetRequiredService<ResumableUploads>().Folder;
        var id = url[(url.LastIndexOf('/') + 1)..];
        return Directory.Exists(folder) ? Directory.GetFiles(folder, id + "*") : [];
    }

    [Fact]
    public async Task Video_InThreeChunks_ResumesAfterABrokenConnection_AndIsServedByteForByte()
    {
        using var org = await StreamingClientAsync("org");
        var video = Mp4(9 * MB);

        var start = await org.PostAsJsonAsync("/api/v1/uploads", new { length = video.Length });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var created = await start.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        var url = $"/api/v1/uploads/{id}";
        Assert.Equal(url, created.GetProperty("url").GetString());
        Assert.Equal(url, start.Headers.Location?.ToString());
        Assert.Equal(0, created.GetProperty("offset").GetInt64());
        Assert.Equal(video.Length, created.GetProperty("length").GetInt64());

        var first = await PatchAsync(org, url, 0, Piece(video, 0, 4 * MB));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(4 * MB, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("offset").GetInt64());
        Assert.Equal((4 * MB).ToString(CultureInfo.InvariantCulture), first.Headers.GetValues("Upload-Offset").Single());

        // The second piece breaks off after 1 MB: the bytes that arrived are kept, HEAD says where to go on.
        using (var connection = new CancellationTokenSource())
        {
            var broken = PatchAsync(org, url, 4 * MB, new StalledContent(video, 4 * MB, 4 * MB, MB), connection.Token);
            await UntilAsync(async () => await OffsetAsync(org, url) >= 5 * MB);
            await connection.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => broken);
        }

        var resumed = await OffsetAsync(org, url);
        Assert.Equal(5 * MB, resumed);
        await Expect(HttpStatusCode.OK, RetryWhileBusyAsync(() => PatchAsync(org, url, resumed, Piece(video, resumed, (8 * MB) - resumed))));
        await Expect(HttpStatusCode.OK, PatchAsync(org, url, 8 * MB, Piece(video, 8 * MB, video.Length - (8 * MB))));
        Assert.Equal(video.Length, await OffsetAsync(org, url));

        var complete = await org.PostAsync($"{url}/complete", null);
        Assert.Equal(HttpStatusCode.Created, complete.StatusCode);
        var stored = await complete.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/media/{Convert.ToHexStringLower(SHA256.HashData(video))}.mp4", stored.GetProperty("url").GetString());
        Assert.Equal("video/mp4", stored.GetProperty("contentType").GetString());
        Assert.Equal(video.Length, stored.GetProperty("bytes").GetInt64());

        using var anonymous = factory.CreateClient();
        Assert.Equal(video, await anonymous.GetByteArrayAsync(stored.GetProperty("url").GetString()));

        // The upload is gone once completed.
        Assert.Equal(HttpStatusCode.NotFound, (await HeadAsync(org, url)).StatusCode);
        Assert.Empty(FilesOf(url));
    }

    [Fact]
    public async Task WrongOffset_Is409_WithTheRightOffset_AndRefusedPieces_AppendNothing()
    {
        using var org = await factory.ApiClientAsync("org");
        var file = Mp4(100);
        var url = await StartAsync(org, file.Length);
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(org, url, 0, Piece(file, 0, 40))).StatusCode);

        var wrong = await PatchAsync(org, url, 10, Piece(file, 10, 30));
        Assert.Equal(HttpStatusCode.Conflict, wrong.StatusCode);
        Assert.Contains("已收到 40 字节", (await wrong.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(40, await OffsetAsync(org, url));

        // Past the declared length, no offset header, a bad offset or another content type: 400, nothing kept.
        Assert.Contains("超出", await FieldErrorAsync(await PatchAsync(org, url, 40, Piece(Mp4(70), 0, 70)), "file"));
        Assert.Contains("Upload-Offset", await FieldErrorAsync(await PatchAsync(org, url, null, Piece(file, 40, 10)), "Upload-Offset"));
        var bad = new HttpRequestMessage(HttpMethod.Patch, url) { Content = Piece(file, 40, 10) };
        bad.Headers.Add("Upload-Offset", "-40");
        Assert.Equal(HttpStatusCode.BadRequest, (await org.SendAsync(bad)).StatusCode);
        var json = new StringContent("{}", Encoding.UTF8, "application/json");
        Assert.Contains("octet-stream", await FieldErrorAsync(await PatchAsync(org, url, 40, json), "Content-Type"));
        Assert.Equal(40, await OffsetAsync(org, url));

        await Expect(HttpStatusCode.OK, PatchAsync(org, url, 40, Piece(file, 40, 60)));
        var stored = await (await Expect(HttpStatusCode.Created, org.PostAsync($"{url}/complete", null))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(file, await org.GetByteArrayAsync(stored.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task TextDisguisedAsVideo_IsRefusedAfterTheFirstChunk_AndTheUploadIsGone()
    {
        using var org = await factory.ApiClientAsync("org");
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("这不是视频，只是一段改成 .mp4 的文字。", 4000)));
        var url = await StartAsync(org, text.Length * 4L);

        var refused = await PatchAsync(org, url, 0, Piece(text, 0, text.Length));
        Assert.Contains("不支持的文件类型", await FieldErrorAsync(refused, "file"));
        Assert.Equal(HttpStatusCode.NotFound, (await HeadAsync(org, url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PatchAsync(org, url, text.Length, Piece(text, 0, text.Length))).StatusCode);
        Assert.Empty(FilesOf(url));
    }

    [Fact]
    public async Task Lengths_OverTheLimit_OrNone_Are400_AndAnImageMayNotExceedTheImageLimit()
    {
        using var org = await factory.ApiClientAsync("org");
        var over = await org.PostAsJsonAsync("/api/v1/uploads", new { length = (12 * MB) + 1 });
        Assert.Equal("文件太大：最大 12 MB。", await FieldErrorAsync(over, "length"));
        Assert.Contains("大于 0", await FieldErrorAsync(await org.PostAsJsonAsync("/api/v1/uploads", new { length = 0 }), "length"));
        Assert.Contains("大小", await FieldErrorAsync(await org.PostAsJsonAsync("/api/v1/uploads", new { }), "length"));

        // 11 MB fits a video but not an image (10 MB): known from the first bytes, long before the rest is sent.
        var url = await StartAsync(org, 11L * MB);
        byte[] jpegHead = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1];
        Assert.Contains("图片最大 10 MB", await FieldErrorAsync(await PatchAsync(org, url, 0, Piece(jpegHead, 0, jpegHead.Length)), "file"));
        Assert.Empty(FilesOf(url));
    }

    [Fact]
    public async Task PiecesOver8MB_AreRefusedWhole_WithOrWithoutContentLength()
    {
        using var org = await StreamingClientAsync("org");
        var video = Mp4(10 * MB);
        var url = await StartAsync(org, video.Length);

        Assert.Contains("每段最多 8 MB", await FieldErrorAsync(await PatchAsync(org, url, 0, Piece(video, 0, 9 * MB)), "file"));

        // Sent chunked, the size is only known while reading: what was written is taken back.
        var chunked = new StreamContent(new NonSeekableStream(new MemoryStream(video, 0, 9 * MB)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        Assert.Contains("每段最多 8 MB", await FieldErrorAsync(await PatchAsync(org, url, 0, chunked), "file"));
        Assert.Equal(0, await OffsetAsync(org, url));
        Assert.Equal(HttpStatusCode.NoContent, (await org.DeleteAsync(url)).StatusCode);
    }

    [Fact]
    public async Task AnotherPersonsUpload_IsNotFound_Whatever_TheyTry()
    {
        using var org = await factory.ApiClientAsync("org");
        using var citizen = await factory.ApiClientAsync("citizen");
        var file = Mp4(64);
        var url = await StartAsync(org, file.Length);

        Assert.Equal(HttpStatusCode.NotFound, (await HeadAsync(citizen, url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PatchAsync(citizen, url, 0, Piece(file, 0, file.Length))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostAsync($"{url}/complete", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.DeleteAsync(url)).StatusCode);
        Assert.Equal(0, await OffsetAsync(org, url));

        Assert.Equal(HttpStatusCode.NotFound, (await HeadAsync(org, "/api/v1/uploads/" + new string('a', 32))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await org.GetAsync("/api/v1/uploads/..%2F..%2Fmedia")).StatusCode);

        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var unauthenticated = await anonymous.PostAsJsonAsync("/api/v1/uploads", new { length = 10 });
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Null(unauthenticated.Headers.Location);

        Assert.Equal(HttpStatusCode.NoContent, (await org.DeleteAsync(url)).StatusCode);
        Assert.Empty(FilesOf(url));
    }

    [Fact]
    public async Task Complete_BeforeEveryByteArrived_Is409_InChinese_AndTheUploadStays()
    {
        using var org = await factory.ApiClientAsync("org");
        var file = Mp4(1000);
        var url = await StartAsync(org, file.Length);
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(org, url, 0, Piece(file, 0, 600))).StatusCode);

        var early = await org.PostAsync($"{url}/complete", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("文件还没有传完：已收到 600 字节，共 1000 字节。请传完剩下的部分再完成上传。", (await early.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(600, await OffsetAsync(org, url));
        Assert.Equal(HttpStatusCode.NoContent, (await org.DeleteAsync(url)).StatusCode);
    }

    [Fact]
    public async Task TwoPiecesAtOnce_OneIsTurnedAway_AndTheFileIsIntact()
    {
        using var org = await StreamingClientAsync("org");
        var file = Mp4(2 * MB);
        var url = await StartAsync(org, file.Length);

        // The first request sends half its piece, then waits; meanwhile a second one tries the same offset.
        var gate = new TaskCompletionSource();
        var slow = PatchAsync(org, url, 0, new GatedContent(file, MB, gate.Task));
        await UntilAsync(async () => await OffsetAsync(org, url) >= MB);

        var racing = await PatchAsync(org, url, 0, Piece(file, 0, file.Length));
        Assert.Equal(HttpStatusCode.Conflict, racing.StatusCode);
        Assert.Contains("正在接收", (await racing.ProblemAsync()).GetProperty("detail").GetString());

        gate.SetResult();
        await Expect(HttpStatusCode.OK, slow);
        var stored = await (await Expect(HttpStatusCode.Created, org.PostAsync($"{url}/complete", null))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(file, await org.GetByteArrayAsync(stored.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task OpenUploads_AreCappedPerPerson_AndStaleOnesArePurged()
    {
        using var district = await factory.ApiClientAsync("district");
        var urls = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            urls.Add(await StartAsync(district, 1000));
        }

        var sixth = await district.PostAsJsonAsync("/api/v1/uploads", new { length = 1000 });
        Assert.Equal(HttpStatusCode.Conflict, sixth.StatusCode);
        Assert.Contains("最多 5 个", (await sixth.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await district.DeleteAsync(urls[0])).StatusCode);
        urls[0] = await StartAsync(district, 1000);

        var uploads = factory.Services.GetRequiredService<ResumableUploads>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Assert.Equal(0, await uploads.PurgeStaleAsync(now.AddHours(23)));
        Assert.True(await uploads.PurgeStaleAsync(now.AddHours(25)) >= 5);
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await HeadAsync(district, url)).StatusCode);
            Assert.Empty(FilesOf(url));
        }
    }

    [Fact]
    public async Task SignedInPages_Upload_WithTheirCookie_OnlyWithTheAntiforgeryToken()
    {
        using var browser = factory.PageClient();
        await browser.LoginAsync("editor");
        var token = HttpHelpers.AntiforgeryToken(await browser.GetStringAsync("/account/profile"));
        var file = Mp4(300);

        var forged = await browser.PostAsJsonAsync("/api/v1/uploads", new { length = file.Length });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("防伪令牌", (await forged.ProblemAsync()).GetProperty("detail").GetString());

        browser.DefaultRequestHeaders.Add("RequestVerificationToken", token);
        var url = await StartAsync(browser, file.Length);
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(browser, url, 0, Piece(file, 0, file.Length))).StatusCode);
        var complete = await browser.PostAsync($"{url}/complete", null);
        Assert.Equal(HttpStatusCode.Created, complete.StatusCode);
        Assert.EndsWith(".mp4", (await complete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString());
    }

    /// <summary>A stream whose length is unknown, so HttpClient sends it chunked.</summary>
    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Sends the first <c>sendBeforeStall</c> bytes of a piece, then nothing until the request is cancelled.</summary>
    private sealed class StalledContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly int _start;
        private readonly int _count;
        private readonly int _sendBeforeStall;

        public StalledContent(byte[] bytes, int start, int count, int sendBeforeStall)
        {
            (_bytes, _start, _count, _sendBeforeStall) = (bytes, start, count, sendBeforeStall);
            Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(_bytes.AsMemory(_start, _sendBeforeStall), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _count;
            return true;
        }
    }

    /// <summary>Sends the first <c>firstPart</c> bytes, then the rest once <c>gate</c> opens.</summary>
    private sealed class GatedContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly int _firstPart;
        private readonly Task _gate;

        public GatedContent(byte[] bytes, int firstPart, Task gate)
        {
            (_bytes, _firstPart, _gate) = (bytes, firstPart, gate);
            Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_bytes.AsMemory(0, _firstPart));
            await stream.FlushAsync();
            await _gate;
            await stream.WriteAsync(_bytes.AsMemory(_firstPart));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
