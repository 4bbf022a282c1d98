using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Contests.Calls;
using Kepu.Web.Features.Contests.Entries;
using Kepu.Web.Features.Library.Media;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Contests.Pages;

/// <summary>
/// 申报 and 修改: the entry form. Files are stored first (type sniffed from the bytes, size limits); with JavaScript, large videos go
/// through the resumable upload and arrive here as <c>/media/…</c> URLs. Nothing is saved when any field is wrong.
/// </summary>
[Authorize]
[RequestSizeLimit(220L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 220L * 1024 * 1024)]
public sealed class SubmitModel(CallDesk calls, Submissions submissions, MediaStore media, IAccountDirectory accounts) : PageModel
{
    public const int AuthorRows = 5;

    [BindProperty]
    public SubmitInput Input { get; set; } = new();

    public CallView Call { get; private set; } = null!;

    public int? EntryId { get; private set; }

    public IReadOnlyList<(int Id, string Name)> MyOrganizations { get; private set; } = [];

    public sealed class SubmitInput
    {
        public string? EntrantKind { get; set; } = "individual";
        public int? OrganizationId { get; set; }
        public string? EntrantName { get; set; }
        public string? Title { get; set; }
        public string? Category { get; set; }
        public string? Description { get; set; }
        public string? Links { get; set; }
        public DateOnly? BirthDate { get; set; }
        public List<AuthorRequest> Authors { get; set; } = [];

        /// <summary>Already stored files (kept when editing, or uploaded by the resumable uploader): <c>/media/…#original name</c>.</summary>
        public List<string> FileUrls { get; set; } = [];

        /// <summary>A file the resumable uploader has already stored (<c>/media/…</c>).</summary>
        public string? UploadedUrl { get; set; }
        public bool Declaration { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, int? entryId, CancellationToken ct)
    {
        if (await LoadAsync(id, entryId, ct) is { } failed)
        {
            return failed;
        }

        if (entryId is { } e)
        {
            var entry = await submissions.GetMineAsync(e, User, ct);
            Input = new SubmitInput
            {
                EntrantKind = entry.EntrantKind, OrganizationId = entry.OrganizationId, EntrantName = entry.EntrantName, Title = entry.Title,
                Category = entry.Category, Description = entry.Description, Links = string.Join("\n", entry.Links), BirthDate = entry.BirthDate,
                Authors = [.. entry.Authors.Select(a => new AuthorRequest(a.Name, null, a.Organization))],
                FileUrls = [.. entry.Files.Select(f => $"{f.Url}#{f.Name}")],
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? entryId, List<IFormFile>? uploads, CancellationToken ct)
    {
        if (await LoadAsync(id, entryId, ct) is { } failed)
        {
            return failed;
        }

        var files = Input.FileUrls.Select(Split).Select(f => new FileRequest(f.Url, f.Name)).ToList();
        if (!string.IsNullOrWhiteSpace(Input.UploadedUrl))
        {
            files.Add(new FileRequest(Input.UploadedUrl.Trim(), "作品文件" + Path.GetExtension(Input.UploadedUrl.Trim())));
        }

        try
        {
            foreach (var upload in (uploads ?? []).Where(u => u.Length > 0))
            {
                await using var stream = upload.OpenReadStream();
                var stored = await media.SaveAsync(stream, upload.Length, ct);
                files.Add(new FileRequest(stored.Url, Path.GetFileName(upload.FileName)));
            }

            var request = new EntryRequest
            {
                EntrantKind = Input.EntrantKind, OrganizationId = Input.OrganizationId, EntrantName = Input.EntrantName, Title = Input.Title,
                Category = Input.Category, Description = Input.Description,
                Links = (Input.Links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                BirthDate = Input.BirthDate, Authors = Input.Authors, Files = files, Declaration = Input.Declaration,
            };
            var view = entryId is { } e ? await submissions.EditAsync(e, request, User, ct) : await submissions.SubmitAsync(id, request, User, ct);
            TempData["Message"] = entryId is null ? $"申报成功！回执编号 {view.ReceiptNo}，请妥善保存。" : "修改已保存。";
            return Redirect("/me/contests");
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddProblem(e);
        }

        // Files already stored stay listed (ticked), so a corrected form does not upload them again.
        Input.FileUrls = [.. files.Select(f => $"{f.Url}#{f.Name}")];
        return Page();
    }

    /// <summary>A kept file's form value, <c>url#name</c>, back into its parts (content-addressed URLs never contain '#').</summary>
    public static (string Url, string Name) Split(string value)
    {
        var hash = value.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (value, Path.GetFileName(value)) : (value[..hash], value[(hash + 1)..]);
    }

    private async Task<IActionResult?> LoadAsync(int id, int? entryId, CancellationToken ct)
    {
        try
        {
            Call = await calls.GetAsync(id, User, ct);
            EntryId = entryId;
            if (entryId is { } e && (await submissions.GetMineAsync(e, User, ct)).CallId != id)
            {
                return NotFound();
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        var ids = await accounts.OrganizationIdsAsync(User.UserId()!, ct);
        var names = await accounts.OrganizationNamesAsync(ids, ct);
        MyOrganizations = [.. names.Select(n => (n.Key, n.Value))];
        while (Input.Authors.Count < AuthorRows)
        {
            Input.Authors.Add(new AuthorRequest(null, null, null));
        }

        return null;
    }
}
