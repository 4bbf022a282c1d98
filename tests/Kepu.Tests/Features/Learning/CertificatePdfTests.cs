using Kepu.Web.Features.Learning;
using Microsoft.Extensions.Configuration;

namespace Kepu.Tests.Features.Learning;

public sealed class CertificatePdfTests
{
    [Fact]
    public void ACertificate_RendersAsAPdf_WithTheChineseFontEmbedded()
    {
        var pdf = new CertificatePdf(new ConfigurationBuilder().Build());
        Assert.True(pdf.Available, "a CJK TrueType font is installed by scripts/test.sh (fonts-droid-fallback)");
        var view = new CertificateView("ABCDEFGH2345", "万州老人", "course", "智慧助老：玩转智能手机", "智慧助老 · 8 课 · 80 分钟",
            new DateTime(2026, 11, 29, 2, 0, 0, DateTimeKind.Utc), 7, new string('a', 64), true, "真实有效");
        var bytes = pdf.Render(view, "https://kepu.example/verify/ABCDEFGH2345");
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Contains("/FontFile2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutACjkTrueTypeFont_ThePdfIsRefusedWithAClearMessage()
    {
        var pdf = new CertificatePdf(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Certificates:FontFile"] = "/no/such/font.ttf" }).Build());
        Assert.False(pdf.Available);
        var view = new CertificateView("ABCDEFGH2345", "万州老人", "course", "智慧助老", null, DateTime.UtcNow, 1, new string('a', 64), true, "真实有效");
        var error = Assert.Throws<Kepu.Web.Infrastructure.Errors.BusinessRuleException>(() => pdf.Render(view, "https://kepu.example/verify/ABCDEFGH2345"));
        Assert.Contains("中文 TrueType 字体", error.Message, StringComparison.Ordinal);
    }
}
