using System.Text;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Accounts.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Debunk.Pages;

/// <summary>批量导入辟谣: the <c>debunks import</c> command as a page for editors (bad lines listed, the rest loaded).</summary>
[Authorize(Roles = $"{Roles.Editor},{Roles.Admin}")]
[RequestSizeLimit(MaxFileBytes + (64 * 1024))]
public sealed class ImportModel(ImportDebunks import) : PageModel
{
    public const int MaxFileBytes = 20 * 1024 * 1024;

    public DebunkImportResult? Result { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Error = "请选择要上传的 JSONL 文件（每行一个 JSON 对象）。";
            return Page();
        }

        if (file.Length > MaxFileBytes)
        {
            Error = "文件超过 20 MB，请分成几个文件导入。";
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray());
        }
        catch (DecoderFallbackException)
        {
            Error = "这不是 UTF-8 文本文件（可能是二进制文件），没有导入任何内容。";
            return Page();
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            Error = "文件含有二进制数据，没有导入任何内容。";
            return Page();
        }

        Result = await import.ImportAsync(new StringReader(text), User.UserId() ?? "editor", ct);
        return Page();
    }
}
