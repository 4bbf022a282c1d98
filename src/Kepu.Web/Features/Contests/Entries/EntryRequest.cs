using System.ComponentModel.DataAnnotations;
using Kepu.Web.Infrastructure.Validation;

namespace Kepu.Web.Features.Contests.Entries;

/// <summary>A co-author: a name, optionally the platform user name (so conflicts of interest can be checked) and organisation.</summary>
public sealed record AuthorRequest(string? Name, string? UserName, string? Organization);

/// <summary>A file already stored through <c>POST /api/v1/media</c> or a resumable upload: its <c>/media/…</c> URL and original name.</summary>
public sealed record FileRequest(string? Url, string? Name);

/// <summary>A submission as the entrant writes it (page form and API).</summary>
public sealed record EntryRequest
{
    /// <summary>individual, team or organization.</summary>
    public string? EntrantKind { get; init; }

    /// <summary>For an organisation entry: one of the submitter's organisations.</summary>
    public int? OrganizationId { get; init; }

    /// <summary>A team's name (for a person, their display name is used when empty).</summary>
    [StringLength(100, ErrorMessage = "申报者名称不能超过 100 个字。")]
    [PlainText]
    public string? EntrantName { get; init; }

    [Required(ErrorMessage = "请填写作品名称。")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "作品名称需要 2 到 100 个字。")]
    [PlainText]
    public string? Title { get; init; }

    public string? Category { get; init; }

    [Required(ErrorMessage = "请填写作品简介。")]
    [StringLength(4000, MinimumLength = 20, ErrorMessage = "作品简介需要 20 到 4000 个字。")]
    [PlainText]
    public string? Description { get; init; }

    public IReadOnlyList<string>? Links { get; init; }
    public DateOnly? BirthDate { get; init; }
    public IReadOnlyList<AuthorRequest>? Authors { get; init; }
    public IReadOnlyList<FileRequest>? Files { get; init; }

    /// <summary>The declaration of originality: the work is the entrants' own and they may license it.</summary>
    public bool Declaration { get; init; }
}
