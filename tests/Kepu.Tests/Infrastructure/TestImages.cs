using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Kepu.Tests.Infrastructure;

/// <summary>Small real images for upload tests.</summary>
public static class TestImages
{
    public static byte[] Png(int width, int height, byte r, byte g, byte b)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(r, g, b));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
