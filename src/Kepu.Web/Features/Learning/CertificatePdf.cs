using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using QRCoder;

namespace Kepu.Web.Features.Learning;

/// <summary>
/// A certificate as an A4 PDF with its QR code, the Chinese font embedded (subset) so it prints the same anywhere.
/// PDFsharp reads TrueType outlines only; the font is a CJK TrueType file on the server (<c>Certificates:FontFile</c>,
/// or Debian's fonts-droid-fallback / WenQuanYi). Without one, the PDF is refused with a clear message and the web
/// certificate still prints.
/// </summary>
public sealed class CertificatePdf
{
    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
    ];

    private static readonly Lock Setup = new();
    private readonly string? _fontFile;

    public CertificatePdf(IConfiguration configuration)
    {
        _fontFile = configuration["Certificates:FontFile"] is { Length: > 0 } configured ? configured : Candidates.FirstOrDefault(File.Exists);
        if (_fontFile is not null && File.Exists(_fontFile))
        {
            lock (Setup)
            {
                GlobalFontSettings.FontResolver ??= new Resolver(File.ReadAllBytes(_fontFile));
            }
        }
    }

    public bool Available => _fontFile is not null && File.Exists(_fontFile) && GlobalFontSettings.FontResolver is Resolver;

    public byte[] Render(CertificateView certificate, string verifyUrl)
    {
        if (!Available)
        {
            throw new Infrastructure.Errors.BusinessRuleException("服务器没有安装中文 TrueType 字体（如 fonts-droid-fallback），暂时不能生成 PDF；可以用网页上的“打印”。");
        }

        using var document = new PdfDocument();
        document.Info.Title = $"{certificate.Title} 证书 {certificate.Code}";
        document.Info.Author = "科普重庆";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point;
            var frame = new XPen(XColor.FromArgb(11, 87, 155), 3);
            gfx.DrawRectangle(frame, 36, 36, width - 72, page.Height.Point - 72);
            var center = new XStringFormat { Alignment = XStringAlignment.Center };
            void Line(string text, double size, double y, bool bold = false) =>
                gfx.DrawString(text, new XFont(Resolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular), XBrushes.Black, new XPoint(width / 2, y), center);

            Line("科普重庆 · 重庆市全域科学素质服务平台", 14, 110);
            Line(certificate.Kind switch { "exam" => "考试合格证书", "award" => "荣誉证书", _ => "结业证书" }, 36, 190, bold: true);
            Line(certificate.HolderName, 28, 280, bold: true);
            Line($"完成了《{certificate.Title}》的全部学习并通过测验，", 16, 340);
            Line("特发此证。", 16, 368);
            if (certificate.Detail is { } detail)
            {
                Line(detail, 12, 410);
            }

            Line($"发证日期：{Infrastructure.Web.Display.Beijing(certificate.IssuedAt, "yyyy年M月d日")}", 14, 470);
            Line($"证书编号：{certificate.Code}", 14, 496);
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(verifyUrl, QRCodeGenerator.ECCLevel.M);
            DrawQr(gfx, data, (width / 2) - 70, 540, 140);
            Line("扫码核验", 12, 700);
            Line(verifyUrl, 10, 720);
            Line($"账本第 {certificate.LedgerSequence} 条 · {certificate.LedgerHash[..Math.Min(16, certificate.LedgerHash.Length)]}…", 9, 760);
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>The QR code as vector squares (sharp at any print size; no image decoding needed).</summary>
    private static void DrawQr(XGraphics gfx, QRCodeData data, double x, double y, double size)
    {
        var matrix = data.ModuleMatrix;
        var cell = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var column = 0; column < matrix[row].Count; column++)
            {
                if (matrix[row][column])
                {
                    gfx.DrawRectangle(XBrushes.Black, x + (column * cell), y + (row * cell), cell + 0.05, cell + 0.05);
                }
            }
        }
    }

    /// <summary>Every family and style maps to the one CJK face (bold is simulated by PDFsharp).</summary>
    private sealed class Resolver(byte[] font) : IFontResolver
    {
        public const string Family = "KepuCjk";

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(Family, bold, false);

        public byte[] GetFont(string faceName) => font;
    }
}
