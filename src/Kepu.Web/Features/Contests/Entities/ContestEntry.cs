using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Contests.Entities;

/// <summary>What a submitter fills in; files are already stored (content-addressed) when this is built.</summary>
public sealed record EntryFields(string EntrantKind, string EntrantName, int? OrganizationId, string Title, string Category, string Description,
    IReadOnlyList<string> Links, DateOnly? BirthDate, IReadOnlyList<EntryAuthor> Authors, IReadOnlyList<EntryFile> Files);

/// <summary>
/// A submission to a call: by a person, a team or an organisation, with files, links and a declaration of originality.
/// Editable and withdrawable until the deadline. Reviewers never see <see cref="SubmitterId"/>, <see cref="EntrantName"/> or the authors.
/// </summary>
public sealed class ContestEntry
{
    public const int MaxFiles = 6;
    public const int MaxLinks = 5;
    public const int MaxAuthors = 10;

    private ContestEntry()
    {
    }

    public ContestEntry(int callId, string receiptNo, string submitterId, IReadOnlyList<int> submitterOrganizations, EntryFields fields, DateTime now)
    {
        CallId = callId;
        ReceiptNo = receiptNo;
        SubmitterId = submitterId;
        SubmitterOrganizationIds = [.. submitterOrganizations];
        SubmittedAt = now;
        Apply(fields, now);
        DeclaredAt = now;
    }

    public int Id { get; private set; }
    public int CallId { get; private set; }

    /// <summary>回执编号, e.g. ZJ12-000034: given at submission, quoted in enquiries.</summary>
    public string ReceiptNo { get; private set; } = "";

    public string SubmitterId { get; private set; } = "";

    /// <summary>The submitter's organisations when they submitted (for conflict-of-interest checks).</summary>
    public List<int> SubmitterOrganizationIds { get; private set; } = [];

    public string EntrantKind { get; private set; } = EntrantKinds.Individual;
    public string EntrantName { get; private set; } = "";
    public int? OrganizationId { get; private set; }
    public string Title { get; private set; } = "";
    public string Category { get; private set; } = "";
    public string Description { get; private set; } = "";
    public List<string> Links { get; private set; } = [];

    /// <summary>The lead entrant's birth date, kept only when the call has an age rule.</summary>
    public DateOnly? BirthDate { get; private set; }

    /// <summary>When the submitter declared the work original and theirs to license.</summary>
    public DateTime DeclaredAt { get; private set; }

    public string Status { get; private set; } = EntryStatus.Submitted;

    /// <summary>The last review round this entry is in (0 before review).</summary>
    public int Round { get; private set; }

    public DateTime SubmittedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
    public int Version { get; private set; }

    public List<EntryAuthor> Authors { get; private set; } = [];
    public List<EntryFile> Files { get; private set; } = [];

    public bool IsActive => Status is EntryStatus.Submitted or EntryStatus.Ranked;

    public void Edit(EntryFields fields, DateTime now)
    {
        EnsureSubmitted("修改");
        Apply(fields, now);
        DeclaredAt = now;
        Version++;
    }

    public void Withdraw(DateTime now)
    {
        EnsureSubmitted("撤回");
        Status = EntryStatus.Withdrawn;
        WithdrawnAt = now;
        Version++;
    }

    public void EnterRound(int round)
    {
        if (Status != EntryStatus.Submitted)
        {
            throw new BusinessRuleException($"作品 {Id} {EntryStatus.Label(Status)}，不能进入评审。");
        }

        Round = round;
    }

    public void DropOut() => Status = EntryStatus.Out;

    public void MarkRanked() => Status = EntryStatus.Ranked;

    private void EnsureSubmitted(string action)
    {
        if (Status != EntryStatus.Submitted || Round > 0)
        {
            throw new BusinessRuleException(Status == EntryStatus.Withdrawn ? "作品已经撤回。" : $"作品已进入评审，不能再{action}。");
        }
    }

    private void Apply(EntryFields f, DateTime now)
    {
        EntrantKind = f.EntrantKind;
        EntrantName = f.EntrantName;
        OrganizationId = f.OrganizationId;
        Title = f.Title;
        Category = f.Category;
        Description = f.Description;
        Links = [.. f.Links];
        BirthDate = f.BirthDate;
        Authors.Clear();
        Authors.AddRange(f.Authors);
        Files.Clear();
        Files.AddRange(f.Files);
        UpdatedAt = now;
    }
}

/// <summary>A named author (co-author) of an entry; <see cref="UserId"/> is set when the name is a platform account.</summary>
public sealed class EntryAuthor
{
    private EntryAuthor()
    {
    }

    public EntryAuthor(int position, string name, string? userId, string? organization)
    {
        Position = position;
        Name = name;
        UserId = userId;
        Organization = organization;
    }

    public int Id { get; private set; }
    public int EntryId { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; } = "";
    public string? UserId { get; private set; }
    public string? Organization { get; private set; }
}

/// <summary>A stored file of an entry (its type was sniffed from the bytes when stored).</summary>
public sealed class EntryFile
{
    private EntryFile()
    {
    }

    public EntryFile(int position, string url, string contentType, long bytes, string name)
    {
        Position = position;
        Url = url;
        ContentType = contentType;
        Bytes = bytes;
        Name = name;
    }

    public int Id { get; private set; }
    public int EntryId { get; private set; }
    public int Position { get; private set; }
    public string Url { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Bytes { get; private set; }
    public string Name { get; private set; } = "";
}
