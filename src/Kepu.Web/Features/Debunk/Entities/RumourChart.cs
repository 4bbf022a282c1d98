using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Debunk.Entities;

/// <summary>One line of a 流言榜: a debunk (when there is one) or a cluster still being checked, with the editor's note.</summary>
public sealed record ChartItem(int Rank, string Claim, int? EntryId, int? ClusterId, int Submissions, string? Verdict, string Note);

/// <summary>
/// 流言榜: the month's rumours, drafted from the largest clusters and the new debunks, edited and approved by an editor.
/// Only an approved chart is public; approving fixes it (a later draft for the same month is refused).
/// </summary>
public sealed class RumourChart
{
    private RumourChart()
    {
    }

    public RumourChart(string month, string intro, IReadOnlyList<ChartItem> items, DateTime now)
    {
        Month = month;
        Redraft(intro, items, now);
    }

    public int Id { get; private set; }

    /// <summary><c>yyyy-MM</c>.</summary>
    public string Month { get; private set; } = "";

    public string Intro { get; private set; } = "";
    public List<ChartItem> Items { get; private set; } = [];
    public bool Approved { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public void Redraft(string intro, IReadOnlyList<ChartItem> items, DateTime now)
    {
        EnsureDraft();
        Intro = intro;
        Items = [.. items.OrderBy(i => i.Rank).Select((item, i) => item with { Rank = i + 1 })];
        UpdatedAt = now;
    }

    /// <summary>The editor's version: which lines stay, in which order, with which notes.</summary>
    public void Edit(string intro, IReadOnlyList<(int Rank, string Note, bool Keep)> lines, DateTime now)
    {
        EnsureDraft();
        if (lines.Count != Items.Count)
        {
            throw new BusinessRuleException("榜单已被重新生成，请刷新后再编辑。");
        }

        var edited = Items.Zip(lines).Where(x => x.Second.Keep).Select(x => x.First with { Rank = x.Second.Rank, Note = x.Second.Note.Trim() }).ToList();
        Redraft(intro.Trim(), edited, now);
    }

    public void Approve(string editor, DateTime now)
    {
        EnsureDraft();
        if (Items.Count == 0)
        {
            throw new BusinessRuleException("榜单是空的，不能发布。");
        }

        Approved = true;
        ApprovedBy = editor;
        ApprovedAt = now;
        UpdatedAt = now;
    }

    private void EnsureDraft()
    {
        if (Approved)
        {
            throw new BusinessRuleException($"{Month} 的流言榜已发布，不能再修改。");
        }
    }
}
