using Kepu.Web.Features.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>
/// A certificate as anyone sees it (its QR code leads here): who, what, when, and whether it matches its ledger
/// record. Prints on one page; the PDF is the same certificate as a file.
/// </summary>
public sealed class VerifyModel(Certificates certificates) : PageModel
{
    public CertificateView Certificate { get; private set; } = null!;
    public string VerifyUrl { get; private set; } = "";
    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Certificate = await certificates.VerifyAsync(code, ct);
        VerifyUrl = $"{Request.Scheme}://{Request.Host}/verify/{Certificate.Code}";
        QrSvg = Channels.QrSvg(VerifyUrl);
        return Page();
    }
}
