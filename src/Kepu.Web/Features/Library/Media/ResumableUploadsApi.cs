using System.Globalization;
using System.Security.Claims;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Kepu.Web.Features.Library.Media;

/// <summary>Starts a resumable upload: the file's total size in bytes.</summary>
internal sealed record StartUploadRequest(long? Length);

/// <summary>
/// Resumable uploads over HTTP, after tus: POST the length, PATCH pieces with <c>Upload-Offset</c>, HEAD for the offset
/// after a broken connection, POST complete. Bearer tokens, or a signed-in page's cookie with its antiforgery token.
/// </summary>
internal static class ResumableUploadsApi
{
    public const string OffsetHeader = "Upload-Offset";
    public const string LengthHeader = "Upload-Length";

    public static void MapResumableUploads(this IEndpointRouteBuilder app)
    {
        var uploads = app.MapGroup("/api/v1/uploads").WithTags("科普资源 Library").DisableAntiforgery().RequireApiOrBrowserUser();

        uploads.MapPost("/", StartAsync)
            .WithSummary("开始可续传上传（大视频）：给出文件总字节数 length，返回上传地址；每人最多 5 个未完成的上传");

        // One piece is held to 8 MB by ResumableUploads (refused whole, nothing kept); Kestrel's own limit sits a little
        // above as a backstop, so a piece sent without Content-Length is refused by the rule with its Chinese message.
        uploads.MapPatch("/{id}", AppendAsync)
            .WithSummary("上传一段：请求头 Upload-Offset 为这一段的起始字节，正文为原始字节（application/offset+octet-stream），每段最多 8 MB，建议 4 MB")
            .WithMetadata(new ChunkSizeLimit());

        uploads.MapMethods("/{id}", [HttpMethods.Head], HeadAsync)
            .WithSummary("查询已收到的字节数（响应头 Upload-Offset、Upload-Length），断线后从这里续传");

        uploads.MapGet("/{id}", GetAsync)
            .WithSummary("查询上传进度");

        uploads.MapPost("/{id}/complete", CompleteAsync)
            .WithSummary("完成上传：检查文件类型和大小后存入媒体库，返回 /media/... 地址");

        uploads.MapDelete("/{id}", CancelAsync)
            .WithSummary("取消上传并删除已收到的部分");
    }

    private static async Task<Created<UploadStatus>> StartAsync(StartUploadRequest body, ClaimsPrincipal user, ResumableUploads uploads, CancellationToken ct)
    {
        var length = body.Length ?? throw Invalid("length", "请给出文件的大小（字节数）。");
        var status = await uploads.StartAsync(user.UserId()!, length, ct);
        return TypedResults.Created(status.Url, status);
    }

    private static async Task<Ok<UploadStatus>> AppendAsync(string id, HttpRequest request, HttpResponse response, ClaimsPrincipal user, ResumableUploads uploads, CancellationToken ct)
    {
        if (!long.TryParse(request.Headers[OffsetHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            throw Invalid(OffsetHeader, "请在请求头 Upload-Offset 中给出这一段的起始位置（服务器已收到的字节数，可用 HEAD 查询）。");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals("application/offset+octet-stream", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)))
        {
            throw Invalid("Content-Type", "请以 application/offset+octet-stream 提交这一段的原始字节。");
        }

        if (request.ContentLength > ResumableUploads.MaxChunkBytes)
        {
            throw Invalid("file", $"每段最多 {MediaStore.Readable(ResumableUploads.MaxChunkBytes)}，建议每段 4 MB。");
        }

        var status = await uploads.AppendAsync(user.UserId()!, id, offset, request.Body, ct);
        Describe(response, status);
        return TypedResults.Ok(status);
    }

    private static async Task<Ok> HeadAsync(string id, HttpResponse response, ClaimsPrincipal user, ResumableUploads uploads)
    {
        Describe(response, await uploads.StatusAsync(user.UserId()!, id));
        return TypedResults.Ok();
    }

    private static async Task<Ok<UploadStatus>> GetAsync(string id, HttpResponse response, ClaimsPrincipal user, ResumableUploads uploads)
    {
        var status = await uploads.StatusAsync(user.UserId()!, id);
        Describe(response, status);
        return TypedResults.Ok(status);
    }

    private static async Task<Created<StoredMedia>> CompleteAsync(string id, ClaimsPrincipal user, ResumableUploads uploads, CancellationToken ct)
    {
        var stored = await uploads.CompleteAsync(user.UserId()!, id, ct);
        return TypedResults.Created(stored.Url, stored);
    }

    private static async Task<NoContent> CancelAsync(string id, ClaimsPrincipal user, ResumableUploads uploads)
    {
        await uploads.CancelAsync(user.UserId()!, id);
        return TypedResults.NoContent();
    }

    /// <summary>The offset in headers too (as tus clients expect), never cached: it changes with every piece.</summary>
    private static void Describe(HttpResponse response, UploadStatus status)
    {
        response.Headers[OffsetHeader] = status.Offset.ToString(CultureInfo.InvariantCulture);
        response.Headers[LengthHeader] = status.Length.ToString(CultureInfo.InvariantCulture);
        response.Headers["Upload-Expires"] = status.ExpiresAt.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
    }

    private static ValidationFailedException Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });

    private sealed class ChunkSizeLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => ResumableUploads.MaxChunkBytes + (1024 * 1024);
    }
}
