using System.Security.Cryptography;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Processing;

namespace Kepu.Web.Features.Library.Media;

public sealed record StoredMedia(string Url, string ContentType, long Bytes, int? Width, int? Height);

/// <summary>
/// Uploaded files under <c>Data:Directory/media</c>, named by the SHA-256 of what is stored, so the same
/// file is kept once. Images are decoded, stripped of metadata (EXIF may hold a home's GPS position),
/// resized to at most 1600 px and re-encoded; a file that is not what it claims is refused and nothing stays behind.
/// Private images (screenshots sent with rumour reports, which may show people's chats) are kept apart under
/// <c>private-media</c> and served only to editors and experts.
/// </summary>
public sealed class MediaStore(DataOptions options, IConfiguration configuration)
{
    public const int MaxImageSide = 1600;

    public const string PublicPrefix = "/media/";
    public const string PrivatePrefix = "/private-media/";

    /// <summary>The Chinese message for a file of an unknown kind.</summary>
    public const string UnsupportedType = "不支持的文件类型。可以上传 JPEG、PNG、GIF、WebP 图片，MP4、WebM 视频，MP3、M4A、OGG、WAV 音频。";

    public string Folder { get; } = Path.Combine(options.DataDirectory, "media");

    public string PrivateFolder { get; } = Path.Combine(options.DataDirectory, "private-media");

    public long LimitFor(string category) => category switch
    {
        "image" => configuration.GetValue("Media:MaxImageBytes", 10L * 1024 * 1024),
        "audio" => configuration.GetValue("Media:MaxAudioBytes", 50L * 1024 * 1024),
        _ => configuration.GetValue("Media:MaxVideoBytes", 200L * 1024 * 1024),
    };

    /// <summary>The Chinese message for a file over its category's limit.</summary>
    public string TooLarge(string category) => $"文件太大：{Describe(category)}最大 {Readable(LimitFor(category))}。";

    /// <summary>A limit as people read it: whole megabytes, or kilobytes below one.</summary>
    public static string Readable(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024} MB" : $"{Math.Max(1, bytes / 1024)} KB";

    public Task<StoredMedia> SaveAsync(Stream upload, long? declaredLength, CancellationToken ct = default) =>
        SaveAsync(upload, Folder, PublicPrefix, imagesOnly: false, "file", ct);

    /// <summary>A public image (event photos); anything that is not an image is refused, errors reported on <paramref name="field"/>.</summary>
    public Task<StoredMedia> SaveImageAsync(Stream upload, string field, CancellationToken ct = default) =>
        SaveAsync(upload, Folder, PublicPrefix, imagesOnly: true, field, ct);

    /// <summary>An image only editors and experts can see (<see cref="FindPrivate"/>); errors are reported on <paramref name="field"/>.</summary>
    public Task<StoredMedia> SavePrivateImageAsync(Stream upload, string field, CancellationToken ct = default) =>
        SaveAsync(upload, PrivateFolder, PrivatePrefix, imagesOnly: true, field, ct);

    /// <summary>
    /// Stores a file already written to disk (a finished resumable upload) as <see cref="SaveAsync(Stream, long?, CancellationToken)"/>
    /// would: sniffed, held to its category's limit, images re-encoded, video and audio kept as they are. On success the
    /// file at <paramref name="path"/> is gone (moved into the store or deleted); when refused it is left for the caller.
    /// </summary>
    public async Task<StoredMedia> SaveFileAsync(string path, string field, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        var stored = await StoreWrittenAsync(path, new FileInfo(path).Length, Folder, PublicPrefix, imagesOnly: false, field, ct);
        File.Delete(path);
        return stored;
    }

    private async Task<StoredMedia> SaveAsync(Stream upload, string folder, string prefix, bool imagesOnly, string field, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".upload-{Guid.NewGuid():N}");
        try
        {
            // Copy with a hard cap, whatever the client declared.
            var cap = LimitFor(imagesOnly ? "image" : "video");
            long written;
            await using (var file = File.Create(temp))
            {
                written = await CopyCappedAsync(upload, file, cap, field, ct);
            }

            return await StoreWrittenAsync(temp, written, folder, prefix, imagesOnly, field, ct);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<StoredMedia> StoreWrittenAsync(string temp, long written, string folder, string prefix, bool imagesOnly, string field, CancellationToken ct)
    {
        if (written == 0)
        {
            throw Invalid(field, "文件是空的。");
        }

        var head = new byte[16];
        await using (var read = File.OpenRead(temp))
        {
            _ = await read.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        }

        var type = FileSniffer.Sniff(head);
        if (imagesOnly && type?.Category != "image")
        {
            throw Invalid(field, "只能上传 JPEG、PNG、GIF 或 WebP 图片。");
        }

        if (type is null)
        {
            throw Invalid(field, UnsupportedType);
        }

        if (written > LimitFor(type.Category))
        {
            throw Invalid(field, TooLarge(type.Category));
        }

        return type.Category == "image" ? await StoreImageAsync(temp, folder, prefix, field, ct) : await StoreAsIsAsync(temp, type, written, ct);
    }

    /// <summary>The stored file for <c>/media/{name}</c>, or null; names are hashes, so nothing else can be reached.</summary>
    public (string Path, string ContentType)? Find(string name) => Find(Folder, name);

    /// <summary>The private image for <c>/private-media/{name}</c>, or null.</summary>
    public (string Path, string ContentType)? FindPrivate(string name) => Find(PrivateFolder, name);

    private static (string Path, string ContentType)? Find(string folder, string name)
    {
        if (name.Length < 66 || name.Length > 72 || !name[..64].All(Uri.IsHexDigit) || name[64] != '.')
        {
            return null;
        }

        var path = Path.Combine(folder, name[..2], name);
        var type = Path.GetExtension(name) switch
        {
            ".jpg" => "image/jpeg",
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".mp4" => "video/mp4",
            ".webm" => "video/webm",
            ".m4a" => "audio/mp4",
            ".mp3" => "audio/mpeg",
            ".ogg" => "audio/ogg",
            ".wav" => "audio/wav",
            _ => null,
        };
        return type is not null && File.Exists(path) ? (path, type) : null;
    }

    private static async Task<StoredMedia> StoreImageAsync(string temp, string folder, string prefix, string field, CancellationToken ct)
    {
        Image image;
        try
        {
            image = await Image.LoadAsync(temp, ct);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            throw Invalid(field, "图片已损坏或格式不正确，无法打开。");
        }

        using (image)
        {
            if (image.Width > MaxImageSide || image.Height > MaxImageSide)
            {
                image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(MaxImageSide, MaxImageSide) }));
            }

            image.Metadata.ExifProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.XmpProfile = null;
            var hasAlpha = image.PixelType.AlphaRepresentation is not (null or SixLabors.ImageSharp.PixelFormats.PixelAlphaRepresentation.None);
            using var output = new MemoryStream();
            if (hasAlpha)
            {
                await image.SaveAsync(output, new PngEncoder { CompressionLevel = PngCompressionLevel.BestCompression }, ct);
            }
            else
            {
                await image.SaveAsync(output, new JpegEncoder { Quality = 82 }, ct);
            }

            var url = await WriteAsync(output.ToArray(), hasAlpha ? "png" : "jpg", folder, prefix, ct);
            return new StoredMedia(url, hasAlpha ? "image/png" : "image/jpeg", output.Length, image.Width, image.Height);
        }
    }

    private async Task<StoredMedia> StoreAsIsAsync(string temp, SniffedType type, long length, CancellationToken ct)
    {
        string hash;
        await using (var read = File.OpenRead(temp))
        {
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
        }

        var name = $"{hash}.{type.Extension}";
        var target = Path.Combine(Folder, hash[..2], name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
        {
            // Another request may store the same bytes at the same moment; the content is the same either way.
            File.Move(temp, target, overwrite: true);
        }

        return new StoredMedia(PublicPrefix + name, type.ContentType, length, null, null);
    }

    private static async Task<string> WriteAsync(byte[] bytes, string extension, string folder, string prefix, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var name = $"{hash}.{extension}";
        var target = Path.Combine(folder, hash[..2], name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
        {
            var partial = target + ".part";
            await File.WriteAllBytesAsync(partial, bytes, ct);
            File.Move(partial, target, overwrite: true);
        }

        return prefix + name;
    }

    private static async Task<long> CopyCappedAsync(Stream source, Stream target, long cap, string field, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > cap)
            {
                throw Invalid(field, $"文件太大：最大 {Readable(cap)}。");
            }

            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return total;
    }

    private static string Describe(string category) => category switch { "image" => "图片", "audio" => "音频", _ => "视频" };

    private static ValidationFailedException Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
