using Kepu.Web.Features.Contests.Entities;

namespace Kepu.Web.Features.Contests.Entries;

public sealed record AuthorView(string Name, string? Organization);

public sealed record FeedbackView(string Round, string Reviewer, decimal Total, string Comment);

public sealed record FileView(string Url, string ContentType, long Bytes, string Name);

/// <summary>An entry as its submitter sees it (never who reviews it).</summary>
public sealed record EntryView(int Id, int CallId, string CallTitle, string ReceiptNo, string EntrantKind, string EntrantKindLabel, string EntrantName,
    int? OrganizationId, string Title, string Category, string Description, IReadOnlyList<string> Links, DateOnly? BirthDate,
    IReadOnlyList<AuthorView> Authors, IReadOnlyList<FileView> Files, string Status, string StatusLabel, int Round, DateTime SubmittedAt,
    DateTime UpdatedAt, bool Editable)
{
    /// <summary>Reviewers' scores and comments from closed rounds, numbered per round (评审 1, 2 …) — never who gave them.</summary>
    public IReadOnlyList<FeedbackView> Feedback { get; init; } = [];

    public static EntryView Of(ContestEntry e, string callTitle, bool editable) => new(e.Id, e.CallId, callTitle, e.ReceiptNo, e.EntrantKind,
        EntrantKinds.Label(e.EntrantKind), e.EntrantName, e.OrganizationId, e.Title, e.Category, e.Description, e.Links, e.BirthDate,
        [.. e.Authors.OrderBy(a => a.Position).Select(a => new AuthorView(a.Name, a.Organization))], FilesOf(e), e.Status, EntryStatus.Label(e.Status),
        e.Round, e.SubmittedAt, e.UpdatedAt, editable);

    public static IReadOnlyList<FileView> FilesOf(ContestEntry e) =>
        [.. e.Files.OrderBy(f => f.Position).Select(f => new FileView(f.Url, f.ContentType, f.Bytes, f.Name))];
}

/// <summary>An entry with nothing that says who made it: what reviewers and voters see before results are published.</summary>
public sealed record BlindEntryView(int Id, string Code, string Title, string Category, string Description, IReadOnlyList<string> Links,
    IReadOnlyList<FileView> Files)
{
    public static BlindEntryView Of(ContestEntry e) => new(e.Id, CodeOf(e.Id), e.Title, e.Category, e.Description, e.Links, EntryView.FilesOf(e));

    public static string CodeOf(int entryId) => $"作品 {entryId}";
}
