using System.Security.Claims;
using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Library.Media;

internal static class MediaApi
{
    public static void MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/media", UploadAsync)
            .WithTags("科普资源 Library")
            .WithSummary("上传图片、视频或音频（multipart 字段 file）；类型按文件内容判断，图片会压缩并去除位置信息")
            .DisableAntiforgery()
            .RequireApiUser();

        // Content-addressed files never change, so browsers may keep them for a year.
        app.MapGet("/media/{name}", (string name, MediaStore store, HttpContext context) =>
        {
            if (store.Find(name) is not { } found)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(found.Path, found.ContentType, enableRangeProcessing: true);
        }).ExcludeFromDescription();

        // Screenshots sent with rumour reports may show people's chats: editors and experts only, never cached by others.
        app.MapGet("/private-media/{name}", (string name, MediaStore store, HttpContext context) =>
        {
            if (store.FindPrivate(name) is not { } found)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.File(found.Path, found.ContentType);
        }).ExcludeFromDescription().RequirePageOrApiUser(Roles.Editor, Roles.Expert, Roles.Admin);
    }

    private static async Task<Created<StoredMedia>> UploadAsync(HttpRequest request, ClaimsPrincipal user, ContentAccess access, MediaStore store, CancellationToken ct)
    {
        await access.EnsureCanWriteAsync(user, null, ct);
        if (!request.HasFormContentType)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = ["请用 multipart/form-data 上传，字段名为 file。"] });
        }

        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = ["请选择要上传的文件。"] });
        await using var stream = file.OpenReadStream();
        var stored = await store.SaveAsync(stream, file.Length, ct);
        return TypedResults.Created(stored.Url, stored);
    }
}
