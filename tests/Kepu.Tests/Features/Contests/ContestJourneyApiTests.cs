using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Contests.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Tests.Features.Contests;

/// <summary>
/// A creation call end to end through the API: submissions (edit, withdraw, late refusal), conflict-free balanced assignment, blind
/// scoring with bad input refused, two rounds with z-score ranking and advancement, public voting with anomaly flags, 公示 with an
/// upheld objection, and publication into the library with ledger certificates and a full audit trail.
/// </summary>
public sealed class ContestJourneyApiTests(ContestsFixture factory) : IClassFixture<ContestsFixture>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private void MoveToDay(int day, DateOnly start) =>
        factory.Clock.SetUtcNow(new DateTimeOffset(start.AddDays(day).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)));

    [Fact]
    public async Task Call_Submit_BlindReview_TwoRounds_Vote_Publicity_Objection_Publish()
    {
        var start = factory.Today.AddDays(1);
        MoveToDay(0, start);
        var editor = await factory.ApiClientAsync("editor");
        var callId = await ContestsFixture.OpenCallAsync(editor, factory.Call("身边的科学短视频征集"));

        var reviewers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            reviewers.Add(await factory.NewExpertAsync("judge"));
        }

        // r2 knows 山城科普小组 and declares it before the assignment.
        var r2 = await factory.ApiClientAsync(reviewers[1], ClockedFactory.Password);
        Assert.Equal(HttpStatusCode.NoContent, (await r2.PostAsJsonAsync($"/api/v1/contests/{callId}/conflicts", new { name = "山城科普小组" })).StatusCode);

        // Seven entrants; entry 0 is co-authored by reviewer r1, entry 1 is by 山城科普小组.
        var entrants = new List<string>();
        var entryIds = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            var name = await factory.NewCitizenNameAsync("maker");
            entrants.Add(name);
            var client = await factory.ApiClientAsync(name, ClockedFactory.Password);
            var body = i switch
            {
                0 => ContestsFixture.Entry("看不见的细菌", authors: [new { name = "谭老师", userName = reviewers[0] }]),
                1 => ContestsFixture.Entry("山城的桥", "动漫", "team", [new { name = "王小明" }, new { name = "李小红" }]),
                _ => ContestsFixture.Entry($"科学一分钟第{i}集"),
            };
            var entry = await JsonAsync(await client.PostAsJsonAsync($"/api/v1/contests/{callId}/entries", body), HttpStatusCode.Created);
            Assert.Matches(@"^ZJ\d{3}-[A-Z2-9]{6}$", entry.GetProperty("receiptNo").GetString());
            entryIds.Add(entry.GetProperty("id").GetInt32());
        }

        var third = await factory.ApiClientAsync(entrants[3], ClockedFactory.Password);
        var edited = await JsonAsync(await third.PutAsJsonAsync($"/api/v1/contests/entries/{entryIds[3]}", ContestsFixture.Entry("科学一分钟：雷电")), HttpStatusCode.OK);
        Assert.Equal("科学一分钟：雷电", edited.GetProperty("title").GetString());
        var fourth = await factory.ApiClientAsync(entrants[4], ClockedFactory.Password);
        Assert.Equal("withdrawn", (await JsonAsync(await fourth.PostAsync($"/api/v1/contests/entries/{entryIds[4]}/withdraw", null), HttpStatusCode.OK))
            .GetProperty("status").GetString());

        // Day 3: collection is over. A late entry is refused and nothing is written.
        MoveToDay(3, start);
        var late = await factory.ApiClientAsync(entrants[5], ClockedFactory.Password);
        var refused = await late.PostAsJsonAsync($"/api/v1/contests/{callId}/entries", ContestsFixture.Entry("迟到的作品"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("截止", (await refused.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(7, await factory.QueryAsync(db => db.Set<ContestEntry>().CountAsync(e => e.CallId == callId)));

        // Round 1: four reviewers, two reviews per entry; top 4 advance.
        editor = await factory.ApiClientAsync("editor");
        var round1 = await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/contests/{callId}/rounds",
            new { reviewers, k = 2, advanceTopN = 4 }), HttpStatusCode.OK);
        Assert.Equal(6, round1.GetProperty("entries").GetArrayLength()); // the withdrawn entry is not reviewed
        var reviewerIds = new List<string>();
        foreach (var r in reviewers)
        {
            reviewerIds.Add(await factory.UserIdAsync(r));
        }

        var assigned = await factory.QueryAsync(db => db.Set<EntryReview>().Where(a => entryIds.Contains(a.EntryId)).ToListAsync());
        Assert.All(assigned.GroupBy(a => a.EntryId), g => Assert.Equal(2, g.Select(a => a.ReviewerId).Distinct().Count()));
        Assert.DoesNotContain(assigned, a => a.EntryId == entryIds[0] && a.ReviewerId == reviewerIds[0]); // co-author
        Assert.DoesNotContain(assigned, a => a.EntryId == entryIds[1] && a.ReviewerId == reviewerIds[1]); // declared tie
        Assert.DoesNotContain(assigned, a => a.EntryId == entryIds[4]);
        Assert.All(assigned.GroupBy(a => a.ReviewerId), g => Assert.Equal(3, g.Count())); // 12 reviews over 4 reviewers

        // Double-blind: what a reviewer reads names no entrant or author.
        var judges = new List<HttpClient>();
        foreach (var r in reviewers)
        {
            judges.Add(await factory.ApiClientAsync(r, ClockedFactory.Password));
        }

        var mine = await judges[2].GetFromJsonAsync<JsonElement>("/api/v1/contests/reviews");
        var firstId = mine[0].GetProperty("id").GetInt32();
        var detail = await judges[2].GetStringAsync($"/api/v1/contests/reviews/{firstId}");
        foreach (var secret in entrants.Append("山城科普小组").Append("王小明").Append("谭老师"))
        {
            Assert.DoesNotContain(secret, detail, StringComparison.Ordinal);
        }

        var criteria = JsonDocument.Parse(detail).RootElement.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("criterionId").GetInt32()).ToList();

        // A score out of range, or a review that is not yours, changes nothing.
        var outOfRange = await judges[2].PutAsJsonAsync($"/api/v1/contests/reviews/{firstId}",
            new { scores = criteria.ToDictionary(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture), c => c == criteria[0] ? 11 : 5) });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("0 到 10", (await outOfRange.ProblemAsync()).GetProperty("errors").ToString());
        var someoneElses = assigned.First(a => a.ReviewerId != reviewerIds[2]).Id;
        Assert.Equal(HttpStatusCode.NotFound, (await judges[2].PutAsJsonAsync($"/api/v1/contests/reviews/{someoneElses}",
            new { scores = criteria.ToDictionary(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => 5) })).StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<EntryReview>().CountAsync(a => a.RoundId == assigned[0].RoundId && a.Status != "pending")));
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsync($"/api/v1/contests/{callId}/rounds/close", null)).StatusCode);

        // Everyone scores: the work's quality plus the reviewer's habit (r4 is generous by 3 points).
        var quality = entryIds.Select((id, i) => (id, q: 3 + i)).ToDictionary(x => x.id, x => x.q);
        await ScoreAllAsync(judges, criteria, quality);
        var closed1 = await JsonAsync(await editor.PostAsync($"/api/v1/contests/{callId}/rounds/close", null), HttpStatusCode.OK);
        Assert.Equal("closed", closed1.GetProperty("status").GetString());
        var advanced = closed1.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("advanced").GetBoolean()).Select(e => e.GetProperty("entryId").GetInt32()).ToList();
        Assert.Equal(4, advanced.Count);
        Assert.Equal(2, await factory.QueryAsync(db => db.Set<ContestEntry>().CountAsync(e => e.CallId == callId && e.Status == EntryStatus.Out)));

        // Day 8: the final round (three reviews per entry), and voting by verified accounts at least a week old.
        MoveToDay(8, start);
        editor = await factory.ApiClientAsync("editor");
        await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/contests/{callId}/rounds", new { reviewers, k = 3 }), HttpStatusCode.OK);
        judges.Clear();
        foreach (var r in reviewers)
        {
            judges.Add(await factory.ApiClientAsync(r, ClockedFactory.Password));
        }

        await ScoreAllAsync(judges, criteria, quality);

        var voterName = entrants[6];
        await factory.VerifyAsync(voterName);
        var voter = await factory.ApiClientAsync(voterName, ClockedFactory.Password);
        var target = advanced.First(id => id != entryIds[6]);
        await JsonAsync(await voter.PostAsync($"/api/v1/contests/entries/{target}/vote", null), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await voter.PostAsync($"/api/v1/contests/entries/{target}/vote", null)).StatusCode); // once a day
        var unverified = await factory.ApiClientAsync(entrants[5], ClockedFactory.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await unverified.PostAsync($"/api/v1/contests/entries/{target}/vote", null)).StatusCode);
        var newcomerName = await factory.NewCitizenNameAsync("newcomer");
        await factory.VerifyAsync(newcomerName);
        var newcomer = await factory.ApiClientAsync(newcomerName, ClockedFactory.Password);
        await JsonAsync(await newcomer.PostAsync($"/api/v1/contests/entries/{target}/vote", null), HttpStatusCode.OK); // accepted, but flagged
        MoveToDay(9, start);
        voter = await factory.ApiClientAsync(voterName, ClockedFactory.Password);
        await JsonAsync(await voter.PostAsync($"/api/v1/contests/entries/{target}/vote", null), HttpStatusCode.OK); // a new day

        editor = await factory.ApiClientAsync("editor");
        await JsonAsync(await editor.PostAsync($"/api/v1/contests/{callId}/rounds/close", null), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsync($"/api/v1/contests/{callId}/rank", null)).StatusCode); // voting still open
        var report = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/contests/{callId}/votes");
        var row = report.EnumerateArray().Single(r => r.GetProperty("entryId").GetInt32() == target);
        Assert.Equal(2, row.GetProperty("valid").GetInt32());
        Assert.Equal(1, row.GetProperty("flagged").GetInt32());

        // Day 13: ranking and 公示. Results are public, with names now that review is over.
        MoveToDay(13, start);
        editor = await factory.ApiClientAsync("editor");
        var ranked = await JsonAsync(await editor.PostAsync($"/api/v1/contests/{callId}/rank", null), HttpStatusCode.OK);
        Assert.Equal("publicity", ranked.GetProperty("stage").GetString());
        var rows = ranked.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(new[] { 1, 2, 3, 4 }, rows.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal(new[] { "一等奖", "二等奖", "二等奖", null }, rows.Select(r => r.GetProperty("award").GetString()));
        Assert.Equal(2, rows.Single(r => r.GetProperty("entryId").GetInt32() == target).GetProperty("votes").GetInt32());
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/contests/{callId}/results")).StatusCode);

        var second = rows[1].GetProperty("entryId").GetInt32();
        var objector = await factory.ApiClientAsync(entrants[5], ClockedFactory.Password);
        var objection = await JsonAsync(await objector.PostAsJsonAsync($"/api/v1/contests/{callId}/objections",
            new { entryId = second, text = "这部作品的画面与网上已发表的作品几乎一样，疑似抄袭，附原作链接。" }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsync($"/api/v1/contests/{callId}/publish", null)).StatusCode);
        await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/contests/objections/{objection.GetProperty("id").GetInt32()}/answer",
            new { answer = "经核查，作品与已发表作品雷同，异议成立，取消奖项。", upheld = true }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsync($"/api/v1/contests/{callId}/publish", null)).StatusCode); // 公示 not over

        // Day 17: published. Awarded works join the library; certificates are on the ledger.
        MoveToDay(17, start);
        editor = await factory.ApiClientAsync("editor");
        var published = await JsonAsync(await editor.PostAsync($"/api/v1/contests/{callId}/publish", null), HttpStatusCode.OK);
        var awarded = published.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("award").ValueKind == JsonValueKind.String).ToList();
        Assert.Equal(2, awarded.Count);
        Assert.DoesNotContain(awarded, r => r.GetProperty("entryId").GetInt32() == second);
        foreach (var r in awarded)
        {
            var content = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/contents/{r.GetProperty("libraryContentId").GetInt32()}");
            Assert.Equal("published", content.GetProperty("status").GetString());
            Assert.Equal("CC BY-NC 4.0", content.GetProperty("licence").GetString());
            Assert.NotEmpty(content.GetProperty("authors").EnumerateArray());
            var certificate = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{r.GetProperty("certificateCode").GetString()}");
            Assert.True(certificate.GetProperty("valid").GetBoolean());
            Assert.Contains(r.GetProperty("award").GetString()!, certificate.GetProperty("title").GetString());
        }

        // The awarded funding appears in that year's 科普统计 sheet under the winners' home district (酉阳), in 万元.
        var year = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        var funded = awarded.Sum(r => r.GetProperty("fundingYuan").GetInt32());
        Assert.True(funded > 0);
        var admin = await factory.ApiClientAsync("admin");
        var sheet = await admin.GetAsync($"/api/v1/insights/statistics?year={year}");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        var (sheetRows, sheetError) = Kepu.Web.Infrastructure.Files.Spreadsheets.Read(await sheet.Content.ReadAsByteArrayAsync());
        Assert.Null(sheetError);
        Assert.Equal((funded / 10_000m).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), sheetRows.Single(r => r["区县编码"] == "500242")["征集评选资助（万元）"]);
        Assert.Equal("0", sheetRows.Single(r => r["区县编码"] == "500101")["征集评选资助（万元）"]);

        var audit = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/contests/{callId}/audit");
        var actions = audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToHashSet();
        foreach (var action in new[] { "create", "open", "submit", "edit-entry", "withdraw", "declare-conflict", "open-round", "score", "close-round", "rank", "object", "answer-objection", "publish" })
        {
            Assert.Contains(action, actions);
        }

        voter = await factory.ApiClientAsync(voterName, ClockedFactory.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await voter.GetAsync($"/api/v1/contests/{callId}/audit")).StatusCode);
    }

    private static async Task ScoreAllAsync(List<HttpClient> judges, List<int> criteria, Dictionary<int, int> quality)
    {
        for (var j = 0; j < judges.Count; j++)
        {
            var tasks = (await judges[j].GetFromJsonAsync<JsonElement>("/api/v1/contests/reviews")).EnumerateArray()
                .Where(a => a.GetProperty("roundOpen").GetBoolean() && a.GetProperty("status").GetString() == "pending").ToList();
            foreach (var task in tasks)
            {
                var entryId = int.Parse(task.GetProperty("entryCode").GetString()!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                var value = Math.Clamp(quality[entryId] - 1 + (j == 3 ? 3 : 0), 0, 10);
                var response = await judges[j].PutAsJsonAsync($"/api/v1/contests/reviews/{task.GetProperty("id").GetInt32()}",
                    new { scores = criteria.ToDictionary(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => value), comment = "表达清楚。" });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
    }
}
