using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Debunk.Entities;

/// <summary>Where a cluster of submitted rumours stands: 新收 → 已分派 → 核查中 → 已发布, or 不予处理 with a reason.</summary>
public static class ClusterStates
{
    public const string New = "new";
    public const string Assigned = "assigned";
    public const string Checking = "checking";
    public const string Published = "published";
    public const string Rejected = "rejected";

    public static string Label(string state) => state switch
    {
        New => "新收",
        Assigned => "已分派",
        Checking => "核查中",
        Published => "已发布",
        Rejected => "不予处理",
        _ => state,
    };
}

/// <summary>
/// One rumour someone sent in (page, API or partner), with what matching said at once. A submission that was
/// answered by a known debunk needs no work and joins no cluster; the rest are grouped with near-duplicates.
/// </summary>
public sealed class SubmittedClaim
{
    private SubmittedClaim()
    {
    }

    public SubmittedClaim(string trackingCode, string text, string? link, string? screenshot, string? seenWhere, string? district, string channel,
        int? organizationId, DateTime now)
    {
        TrackingCode = trackingCode;
        Text = text;
        Link = link;
        Screenshot = screenshot;
        SeenWhere = seenWhere;
        DistrictCode = district;
        Channel = channel;
        OrganizationId = organizationId;
        SubmittedAt = now;
    }

    public long Id { get; private set; }

    /// <summary>What the submitter keeps to follow the status (<c>/claims/{code}</c>).</summary>
    public string TrackingCode { get; private set; } = "";

    public string Text { get; private set; } = "";
    public string? Link { get; private set; }
    public string? Screenshot { get; private set; }

    /// <summary>Where it was seen: 微信群, 朋友圈, 短视频 …</summary>
    public string? SeenWhere { get; private set; }

    public string? DistrictCode { get; private set; }

    /// <summary><c>web</c>, <c>api</c> or <c>partner</c>.</summary>
    public string Channel { get; private set; } = "web";

    public int? OrganizationId { get; private set; }
    public DateTime SubmittedAt { get; private set; }

    /// <summary>The debunk that answered it at once, if any.</summary>
    public int? AnsweredBy { get; private set; }

    public double MatchScore { get; private set; }
    public int? ClusterId { get; private set; }

    public void Answered(int entryId, double score)
    {
        AnsweredBy = entryId;
        MatchScore = score;
    }

    public void Joined(ClaimCluster cluster, double score)
    {
        ClusterId = cluster.Id;
        MatchScore = score;
    }
}

/// <summary>Near-duplicate submissions grouped: how many, since when, from where, and where the check stands.</summary>
public sealed class ClaimCluster
{
    private ClaimCluster()
    {
    }

    public ClaimCluster(string text, string? district, DateTime now)
    {
        Text = text;
        FirstSeen = now;
        LastSeen = now;
        State = ClusterStates.New;
        Districts = district is null ? [] : [district];
        Count = 1;
        RecentCount = 1;
        WindowStart = now;
    }

    public int Id { get; private set; }

    /// <summary>The first submission's text: what the cluster is about.</summary>
    public string Text { get; private set; } = "";

    public int Count { get; private set; }
    public DateTime FirstSeen { get; private set; }
    public DateTime LastSeen { get; private set; }
    public List<string> Districts { get; private set; } = [];
    public string State { get; private set; } = ClusterStates.New;
    public string? Category { get; private set; }

    /// <summary>User ids of the experts it is assigned to.</summary>
    public List<string> Experts { get; private set; } = [];

    public string? RejectReason { get; private set; }
    public DateTime? AssignedAt { get; private set; }
    public DateTime? VerdictAt { get; private set; }
    public int? EntryId { get; private set; }

    /// <summary>Submissions in the last 24 hours and in the 24 hours before, for the rising flag.</summary>
    public int RecentCount { get; private set; }

    public int PreviousCount { get; private set; }
    public DateTime WindowStart { get; private set; }

    /// <summary>
    /// Rising at <paramref name="now"/>: at least 5 in the current day window and at least twice the day before. The
    /// windows only move when a submission arrives, so a cluster that has gone quiet for a day is not rising any more.
    /// </summary>
    public bool IsRising(DateTime now) =>
        now - WindowStart < TimeSpan.FromDays(1) && RecentCount >= RisingAt && RecentCount >= 2 * Math.Max(1, PreviousCount);

    /// <summary>Submissions in a day before a cluster can count as rising.</summary>
    public const int RisingAt = 5;

    public TimeSpan? TimeToVerdict => VerdictAt - FirstSeen;

    public void Add(string? district, DateTime now)
    {
        Count++;
        LastSeen = now;
        if (district is not null && !Districts.Contains(district))
        {
            Districts = [.. Districts, district];
        }

        // Day windows: when a day has passed, the recent count becomes the previous one.
        if (now - WindowStart >= TimeSpan.FromDays(2))
        {
            (PreviousCount, RecentCount, WindowStart) = (0, 0, now);
        }
        else if (now - WindowStart >= TimeSpan.FromDays(1))
        {
            (PreviousCount, RecentCount, WindowStart) = (RecentCount, 0, WindowStart.AddDays(1));
        }

        RecentCount++;
    }

    public void Assign(IReadOnlyList<string> experts, string category, DateTime now)
    {
        if (State is ClusterStates.Published or ClusterStates.Rejected)
        {
            throw new BusinessRuleException($"“{ClusterStates.Label(State)}”的线索不能再分派。");
        }

        if (experts.Count == 0)
        {
            throw new BusinessRuleException("请至少选择一位专家。");
        }

        Experts = [.. experts.Distinct()];
        Category = category;
        State = ClusterStates.Assigned;
        AssignedAt = now;
    }

    public void StartChecking(string expert)
    {
        EnsureAssignedTo(expert);
        State = ClusterStates.Checking;
    }

    public void Publish(int entryId, string expert, DateTime now)
    {
        EnsureAssignedTo(expert);
        EntryId = entryId;
        State = ClusterStates.Published;
        VerdictAt = now;
    }

    public void Reject(string reason, DateTime now)
    {
        if (State == ClusterStates.Published)
        {
            throw new BusinessRuleException("已发布结论的线索不能改为不予处理。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BusinessRuleException("不予处理须说明原因。");
        }

        RejectReason = reason.Trim();
        State = ClusterStates.Rejected;
        VerdictAt = now;
    }

    /// <summary>Only an expert the cluster is assigned to, while it is assigned or being checked.</summary>
    public void EnsureAssignedTo(string expert)
    {
        if (State is not (ClusterStates.Assigned or ClusterStates.Checking))
        {
            throw new BusinessRuleException($"线索当前为“{ClusterStates.Label(State)}”，不能核查。");
        }

        if (!Experts.Contains(expert))
        {
            throw new ForbiddenException("这条线索没有分派给您。");
        }
    }
}
