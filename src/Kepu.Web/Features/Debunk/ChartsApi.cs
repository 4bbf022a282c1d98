using System.Globalization;
using System.Security.Claims;
using System.Xml.Linq;
using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Debunk;

public sealed record ChartLine(int Rank, string? Note, bool Keep = true);

public sealed record ChartEditRequest(string? Intro, IReadOnlyList<ChartLine>? Lines);

public sealed record ChartView(string Month, string Intro, bool Approved, DateTime? ApprovedAt, IReadOnlyList<ChartItemView> Items);

public sealed record ChartItemView(int Rank, string Claim, int? DebunkId, int? ClusterId, int Submissions, string? Verdict, string? VerdictLabel, string Note);

internal static class ChartsApi
{
    public static ChartView View(RumourChart c) => new(c.Month, c.Intro, c.Approved, c.ApprovedAt,
        c.Items.OrderBy(i => i.Rank).Select(i => new ChartItemView(i.Rank, i.Claim, i.EntryId, i.ClusterId, i.Submissions, i.Verdict,
            i.Verdict is null ? null : Verdicts.Label(i.Verdict), i.Note)).ToList());

    public static void MapChartsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/debunks/charts").WithTags("科学辟谣 Debunk");
        api.MapPost("/{month}/draft", async Task<Ok<ChartView>> (string month, ClaimsPrincipal user, RumourCharts charts, CancellationToken ct) =>
                TypedResults.Ok(View(await charts.DraftAsync(month, user, ct))))
            .WithSummary("按本月最大的线索和新发布的辟谣生成流言榜草稿（编辑；已发布的月份不能重做）").RequireApiUser();
        api.MapPut("/{month}", async Task<NoContent> (string month, ChartEditRequest request, ClaimsPrincipal user, RumourCharts charts, CancellationToken ct) =>
            {
                var lines = (request.Lines ?? []).Select(l => (l.Rank, Note: l.Note ?? "", l.Keep)).ToList();
                if (lines.Any(l => l.Note.Length > 200))
                {
                    throw new ValidationFailedException(new Dictionary<string, string[]> { ["lines"] = ["每条点评最多 200 字。"] });
                }

                await charts.EditAsync(month, request.Intro ?? "", lines, user, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("编辑草稿：保留哪些条目、顺序和点评（编辑）").RequireApiUser();
        api.MapPost("/{month}/approve", async Task<NoContent> (string month, ClaimsPrincipal user, RumourCharts charts, CancellationToken ct) =>
            {
                await charts.ApproveAsync(month, user, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("审定发布流言榜（编辑）").RequireApiUser();
        api.MapGet("/{month}", async Task<Ok<ChartView>> (string month, ClaimsPrincipal user, RumourCharts charts, CancellationToken ct) =>
                TypedResults.Ok(View(await charts.GetAsync(month, user, ct))))
            .WithSummary("一个月的流言榜（已发布的公开；草稿仅编辑可见）").AllowApiUser();

        app.MapGet("/debunks/top/rss", async (HttpContext http, RumourCharts charts, CancellationToken ct) =>
            {
                var site = $"{http.Request.Scheme}://{http.Request.Host}";
                var items = (await charts.ApprovedAsync(12, ct)).Select(c => new XElement("item",
                    new XElement("title", $"{c.Month[..4]}年{int.Parse(c.Month[5..], CultureInfo.InvariantCulture)}月流言榜"),
                    new XElement("link", $"{site}/debunks/top/{c.Month}"),
                    new XElement("guid", $"{site}/debunks/top/{c.Month}"),
                    new XElement("pubDate", (c.ApprovedAt ?? c.UpdatedAt).ToString("R", CultureInfo.InvariantCulture)),
                    new XElement("description", c.Intro + " " + string.Join("；", c.Items.OrderBy(i => i.Rank)
                        .Select(i => $"{i.Rank}. {i.Claim}（{(i.Verdict is null ? "核查中" : Verdicts.Label(i.Verdict))}）")))));
                var rss = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("rss", new XAttribute("version", "2.0"),
                    new XElement("channel",
                        new XElement("title", "科普重庆 · 流言榜"),
                        new XElement("link", $"{site}/debunks/top"),
                        new XElement("description", "每月传得最广的说法和专家的核查结论"),
                        new XElement("language", "zh-cn"),
                        items)));
                return Results.Text(rss.Declaration + "\n" + rss.Root, "application/rss+xml; charset=utf-8");
            })
            .WithTags("科学辟谣 Debunk").WithSummary("流言榜 RSS 2.0");
    }
}
