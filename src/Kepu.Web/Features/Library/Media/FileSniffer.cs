namespace Kepu.Web.Features.Library.Media;

public sealed record SniffedType(string ContentType, string Extension, string Category);

/// <summary>What a file really is, read from its first bytes; the name and the browser's claim are ignored.</summary>
public static class FileSniffer
{
    public static SniffedType? Sniff(ReadOnlySpan<byte> head)
    {
        static bool At(ReadOnlySpan<byte> h, int offset, ReadOnlySpan<byte> magic) => h.Length >= offset + magic.Length && h.Slice(offset, magic.Length).SequenceEqual(magic);

        if (At(head, 0, [0xFF, 0xD8, 0xFF]))
        {
            return new("image/jpeg", "jpg", "image");
        }

        if (At(head, 0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new("image/png", "png", "image");
        }

        if (At(head, 0, "GIF87a"u8) || At(head, 0, "GIF89a"u8))
        {
            return new("image/gif", "gif", "image");
        }

        if (At(head, 0, "RIFF"u8) && At(head, 8, "WEBP"u8))
        {
            return new("image/webp", "webp", "image");
        }

        if (At(head, 0, "RIFF"u8) && At(head, 8, "WAVE"u8))
        {
            return new("audio/wav", "wav", "audio");
        }

        if (At(head, 4, "ftyp"u8))
        {
            // ISO media: M4A is audio, everything else (isom, mp41, mp42, avc1 ...) is played as MP4 video.
            return At(head, 8, "M4A "u8) ? new("audio/mp4", "m4a", "audio") : new("video/mp4", "mp4", "video");
        }

        if (At(head, 0, [0x1A, 0x45, 0xDF, 0xA3]))
        {
            return new("video/webm", "webm", "video");
        }

        if (At(head, 0, "OggS"u8))
        {
            return new("audio/ogg", "ogg", "audio");
        }

        if (At(head, 0, "ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0))
        {
            return new("audio/mpeg", "mp3", "audio");
        }

        return null;
    }
}
