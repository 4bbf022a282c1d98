using System.Security.Cryptography;
using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Features.Library.Media;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Debunk;

public sealed record ClaimRequest(string? Text, string? Link, string? Screenshot, string? SeenWhere, string? District);

/// <summary>A screenshot sent with a report as a file (the page, or multipart on the API); kept private to editors and experts.</summary>
public sealed record ScreenshotUpload(Stream Content);

public sealed record ClaimStatus(string TrackingCode, string Status, string StatusLabel, DateTime SubmittedAt, int? DebunkId, string? Verdict, string? VerdictLabel,
    string? Conclusion, string? Reason);

/// <summary>
/// A rumour sent in. It is matched at once: answered by a known debunk (counted, no work for anyone), or grouped
/// with its near-duplicates in a cluster for editors to triage. The submitter gets a tracking code.
/// </summary>
public sealed class SubmitClaim(AppDbContext db, DebunkMatcher matcher, ClusterIndex clusters, IRegionDirectory regions, MediaStore media, TimeProvider clock)
{
    public const int MaxBatch = 1000;
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public Task<ClaimStatus> HandleAsync(ClaimRequest request, string channel, int? organizationId, CancellationToken ct = default) =>
        HandleAsync(request, channel, organizationId, null, ct);

    /// <summary>One report; a screenshot file, when sent, is checked and stored only after the rest of the report is valid.</summary>
    public async Task<ClaimStatus> HandleAsync(ClaimRequest request, string channel, int? organizationId, ScreenshotUpload? screenshot, CancellationToken ct) =>
        (await HandleBatchAsync([request], channel, organizationId, screenshot, ct))[0];

    /// <summary>Every request is validated before anything is written; one bad item refuses the batch (errors by index).</summary>
    public Task<IReadOnlyList<ClaimStatus>> HandleBatchAsync(IReadOnlyList<ClaimRequest> requests, string channel, int? organizationId, CancellationToken ct = default) =>
        HandleBatchAsync(requests, channel, organizationId, null, ct);

    private async Task<IReadOnlyList<ClaimStatus>> HandleBatchAsync(IReadOnlyList<ClaimRequest> requests, string channel, int? organizationId, ScreenshotUpload? upload,
        CancellationToken ct)
    {
        if (requests.Count == 0 || requests.Count > MaxBatch)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["items"] = [$"一次提交 1 到 {MaxBatch} 条。"] });
        }

        var errors = new RequestValidator();
        var valid = new List<(string Text, string? Link, string? Screenshot, string? SeenWhere, string? District)>();
        for (var i = 0; i < requests.Count; i++)
        {
            var prefix = requests.Count == 1 ? "" : $"items[{i}].";
            var r = requests[i];
            string text;
            try
            {
                text = CheckText.Validate(r.Text, prefix + "text");
            }
            catch (ValidationFailedException e)
            {
                foreach (var (field, messages) in e.Errors)
                {
                    foreach (var m in messages)
                    {
                        errors.Add(field, m);
                    }
                }

                continue;
            }

            var link = Blank(r.Link);
            if (link is not null && (link.Length > 500 || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                errors.Add(prefix + "link", "链接须为 http(s) 地址，最多 500 个字符。");
            }

            var screenshot = Blank(r.Screenshot);
            if (screenshot is not null && (screenshot.Length > 200 || !screenshot.StartsWith(MediaStore.PublicPrefix, StringComparison.Ordinal)))
            {
                errors.Add(prefix + "screenshot", "截图须先上传，填写上传后得到的 /media/… 地址。");
            }

            var seen = Blank(r.SeenWhere);
            if (seen is not null && (seen.Length > 30 || TextRules.HasControlCharacters(seen) || TextRules.HasMarkup(seen)))
            {
                errors.Add(prefix + "seenWhere", "在哪里看到的：最多 30 个字，不含符号 < >。");
            }

            var district = Blank(r.District);
            if (district is not null && await regions.FindDistrictAsync(district, ct) is null)
            {
                errors.Add(prefix + "district", $"未知的区县代码“{district}”。");
            }

            valid.Add((text, link, screenshot, seen, district));
        }

        errors.ThrowIfInvalid();
        if (upload is not null && valid is [var only])
        {
            if (only.Screenshot is not null)
            {
                throw new ValidationFailedException(new Dictionary<string, string[]> { ["screenshot"] = ["截图只需提供一次：上传文件，或填写已上传的地址。"] });
            }

            // Stored before the report is written; should writing fail, the image (named by its hash) stays unreferenced.
            valid[0] = only with { Screenshot = (await media.SavePrivateImageAsync(upload.Content, "screenshot", ct)).Url };
        }

        // Matching only reads, so it runs before the grouping (which runs one batch at a time).
        var matches = new List<MatchResult>(valid.Count);
        foreach (var v in valid)
        {
            matches.Add(await matcher.MatchAsync(v.Text, 3, ct: ct));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var results = await clusters.GroupAsync(db, async grouping =>
        {
            var results = new List<(SubmittedClaim Claim, MatchResult Match, ClaimCluster? Cluster)>();
            for (var i = 0; i < valid.Count; i++)
            {
                var (v, match) = (valid[i], matches[i]);
                var claim = new SubmittedClaim(NewCode(), v.Text, v.Link, v.Screenshot, v.SeenWhere, v.District, channel, organizationId, now);
                ClaimCluster? cluster = null;
                if (match.Decision == "answer")
                {
                    claim.Answered(match.Candidates[0].Id, match.Candidates[0].Score);
                }
                else
                {
                    cluster = await grouping.JoinAsync(v.Text, v.District, now, ct);
                }

                db.Add(claim);
                results.Add((claim, match, cluster));
            }

            // Clusters first (they get their ids), then the claims that point at them.
            await db.SaveChangesAsync(ct);
            foreach (var (claim, match, cluster) in results.Where(r => r.Cluster is not null))
            {
                claim.Joined(cluster!, match.Candidates.Count > 0 ? match.Candidates[0].Score : 0);
            }

            await db.SaveChangesAsync(ct);
            return results;
        }, ct);

        return results.Select(r => r.Cluster is null
            ? new ClaimStatus(r.Claim.TrackingCode, "answered", "已有结论", now, r.Match.Candidates[0].Id, r.Match.Candidates[0].Verdict, r.Match.Candidates[0].VerdictLabel, r.Match.Candidates[0].Conclusion, null)
            : Status(r.Claim, r.Cluster, null)).ToList();
    }

    public static ClaimStatus Status(SubmittedClaim claim, ClaimCluster? cluster, DebunkEntry? entry) => cluster switch
    {
        null when claim.AnsweredBy is not null => new ClaimStatus(claim.TrackingCode, "answered", "已有结论", claim.SubmittedAt, claim.AnsweredBy,
            entry?.Verdict, entry is null ? null : Verdicts.Label(entry.Verdict), entry?.Conclusion, null),
        null => new ClaimStatus(claim.TrackingCode, ClusterStates.New, ClusterStates.Label(ClusterStates.New), claim.SubmittedAt, null, null, null, null, null),
        _ => new ClaimStatus(claim.TrackingCode, cluster.State, ClusterStates.Label(cluster.State), claim.SubmittedAt, cluster.EntryId,
            entry?.Verdict, entry is null ? null : Verdicts.Label(entry.Verdict), entry?.Conclusion, cluster.RejectReason),
    };

    private static string NewCode() => "R" + RandomNumberGenerator.GetString(CodeAlphabet, 9);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
