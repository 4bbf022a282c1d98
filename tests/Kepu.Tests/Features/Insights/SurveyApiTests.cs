using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Insights.Survey.Entities;
using Kepu.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Tests.Features.Insights;

public sealed class SurveyFactory : ClockedFactory;

/// <summary>A survey wave end to end: questionnaire from the bank, margins and responses imported (bad files refused row by row), estimates, online answers.</summary>
public sealed class SurveyApiTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    private static MultipartFormDataContent Upload(byte[] bytes, string name = "data.csv")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static byte[] Text(string csv) => Encoding.UTF8.GetBytes(csv);

    /// <summary>Questions whose right answer is always the first option.</summary>
    private static byte[] Questions(int perDimension)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var dimension in new[] { "科学知识", "科学方法", "科学精神与思想", "应用科学的能力" })
        {
            for (var i = 0; i < perDimension; i++)
            {
                rows.Add(["", "单选", $"{dimension}问题 {i + 1}：下面哪一项正确？", "正确的说法", "错误的说法甲", "错误的说法乙", "", "", "", "A", "解析。", "2", dimension, "", "健康", ""]);
            }
        }

        return Spreadsheets.Csv(Kepu.Web.Features.Learning.QuestionBank.Columns, rows);
    }

    private static string Responses(int n, int seed)
    {
        var random = new Random(seed);
        var districts = new[] { "500103", "500101", "500242", "500118" };
        var csv = new StringBuilder("id,district,urban,sex,ageGroup,education,score,weight\n");
        for (var i = 0; i < n; i++)
        {
            var urban = random.NextDouble() < 0.7 ? "urban" : "rural";
            var education = new[] { "primary", "junior", "senior", "college" }[random.Next(4)];
            var score = Math.Clamp(55 + (urban == "urban" ? 5 : -5) + (education == "college" ? 12 : 0) + random.Next(-25, 26), 0, 100);
            csv.Append(CultureInfo.InvariantCulture, $"r{i},{districts[i % 4]},{urban},{(i % 2 == 0 ? "male" : "female")},{new[] { "18-29", "30-39", "40-49", "50-59", "60-69" }[random.Next(5)]},{education},{score},{1 + random.NextDouble():0.###}\n");
        }

        return csv.ToString();
    }

    [Fact]
    public async Task Wave_FromTheBank_ImportsCheckedRowByRow_WeightedEstimates_AndOnlineAnswersOncePerPerson()
    {
        using var admin = await factory.ApiClientAsync("admin");
        using var editor = await factory.ApiClientAsync("editor");

        // Without enough questions in the bank, no questionnaire can be built.
        var tooFew = await admin.PostAsJsonAsync("/api/v1/survey/waves", new { year = 2026, title = "2026 年公民科学素质调查" });
        if (tooFew.StatusCode == HttpStatusCode.Conflict)
        {
            Assert.Contains("题库的题不够", (await tooFew.ProblemAsync()).GetProperty("detail").GetString());
            Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync("/api/v1/learning/questions/import", Upload(Questions(10)))).StatusCode);
        }

        var created = await admin.PostAsJsonAsync("/api/v1/survey/waves", new { year = 2026, title = "2026 年公民科学素质调查" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var wave = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = wave.GetProperty("id").GetInt32();
        Assert.Equal(25, wave.GetProperty("questions").GetInt32());

        // Margins: a bad file is refused whole, with every bad row named.
        var badMargins = await admin.PostAsync($"/api/v1/survey/waves/{id}/margins", Upload(Text("variable,level,population\nsex,male,500\nsex,robot,10\nincome,high,3\nsex,female,-4\n")));
        Assert.Equal(HttpStatusCode.BadRequest, badMargins.StatusCode);
        var marginErrors = (await badMargins.ProblemAsync()).GetProperty("errors").ToString();
        Assert.Contains("第 3 行", marginErrors);
        Assert.Contains("第 4 行", marginErrors);
        Assert.Contains("第 5 行", marginErrors);
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<PopulationMargin>().CountAsync(m => m.WaveId == id)));
        var margins = "variable,level,population\nurban,urban,7000000\nurban,rural,3000000\nsex,male,5050000\nsex,female,4950000\n"
            + "district,500103,600000\ndistrict,500101,1500000\ndistrict,500242,500000\ndistrict,500118,7400000\n";
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/survey/waves/{id}/margins", Upload(Text(margins)))).StatusCode);

        // Responses: bad rows (unknown district, score out of range, repeated id) refuse the file.
        var bad = "id,district,urban,sex,ageGroup,education,score\na1,500103,urban,male,30-39,college,80\na2,999999,urban,male,30-39,college,80\na3,500103,urban,male,30-39,college,120\na1,500103,urban,male,30-39,college,60\n";
        var badResponses = await admin.PostAsync($"/api/v1/survey/waves/{id}/responses", Upload(Text(bad)));
        Assert.Equal(HttpStatusCode.BadRequest, badResponses.StatusCode);
        var responseErrors = (await badResponses.ProblemAsync()).GetProperty("errors").ToString();
        Assert.Contains("第 3 行", responseErrors);
        Assert.Contains("第 4 行", responseErrors);
        Assert.Contains("第 5 行", responseErrors);
        Assert.DoesNotContain("第 2 行", responseErrors);
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<SurveyResponse>().CountAsync(r => r.WaveId == id)));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/survey/waves/{id}/responses", Upload(Text(Responses(800, 7))))).StatusCode);

        var estimates = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey/waves/{id}/estimates");
        var overall = estimates.GetProperty("overall");
        var share = overall.GetProperty("share").GetDouble();
        Assert.InRange(share, 0.05, 0.6);
        Assert.True(overall.GetProperty("lower").GetDouble() < share && share < overall.GetProperty("upper").GetDouble());
        Assert.Equal(800, overall.GetProperty("n").GetInt32());
        var rows = estimates.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count(r => r.GetProperty("variable").GetString() == "district"));
        Assert.Contains(rows, r => r.GetProperty("variable").GetString() == "area" && r.GetProperty("levelLabel").GetString() == "渝东南武陵山区城镇群");
        Assert.All(rows.Where(r => r.GetProperty("estimate").GetProperty("n").GetInt32() < 30), r => Assert.True(r.GetProperty("estimate").GetProperty("suppressed").GetBoolean()));

        var export = await admin.GetStringAsync($"/api/v1/survey/waves/{id}/estimates/export?format=csv");
        var lines = export.Trim().Split('\n');
        Assert.Equal(rows.Count + 2, lines.Length); // header, 全市, every row
        Assert.Contains("具备科学素质比例", lines[0]);

        var citizen = await factory.NewCitizenAsync("respondent");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync($"/api/v1/survey/waves/{id}/estimates")).StatusCode);

        // Online: the questionnaire shows no answers; incomplete answers are refused; each person answers once; a full quota cell takes no more.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/survey/waves/{id}/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/survey/waves/{id}/quotas", Upload(Text("district,urban,target\n500242,rural,1\n500103,urban,50\n")))).StatusCode);
        var questionnaireText = await citizen.GetStringAsync("/api/v1/survey/current");
        Assert.DoesNotContain("\"answer", questionnaireText, StringComparison.OrdinalIgnoreCase);
        var questions = JsonDocument.Parse(questionnaireText).RootElement.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetInt32()).ToList();
        var profile = new { district = "500242", urban = "rural", sex = "female", ageGroup = "60-69", education = "junior" };
        var half = await citizen.PostAsJsonAsync($"/api/v1/survey/waves/{id}/answers", new
        {
            profile.district, profile.urban, profile.sex, profile.ageGroup, profile.education, answers = questions.Take(10).ToDictionary(q => q.ToString(CultureInfo.InvariantCulture), _ => new[] { 0 }),
        });
        Assert.Contains("没有作答", (await half.ProblemAsync()).GetProperty("errors").ToString());
        var all = new
        {
            profile.district, profile.urban, profile.sex, profile.ageGroup, profile.education,
            answers = questions.ToDictionary(q => q.ToString(CultureInfo.InvariantCulture), q => new[] { q == questions[0] ? 1 : 0 }),
        };
        var submitted = await citizen.PostAsJsonAsync($"/api/v1/survey/waves/{id}/answers", all);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var result = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(96, result.GetProperty("score").GetDouble()); // one knowledge question (4 points) wrong
        Assert.Equal("高阶", result.GetProperty("band").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PostAsJsonAsync($"/api/v1/survey/waves/{id}/answers", all)).StatusCode);
        var neighbour = await factory.NewCitizenAsync("neighbour");
        var full = await neighbour.PostAsJsonAsync($"/api/v1/survey/waves/{id}/answers", all);
        Assert.Contains("收满", (await full.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(801, await factory.QueryAsync(db => db.Set<SurveyResponse>().CountAsync(r => r.WaveId == id)));
        Assert.Equal(0, rows.Count(r => r.GetProperty("variable").GetString() == "audience")); // the imported rows name no group

        // The online answer carries the account's audience group (农民), so estimates now come by group too; the imported rows
        // without one form 未填写人群, and a group of one is suppressed.
        var byAudience = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey/waves/{id}/estimates")).GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("variable").GetString() == "audience")
            .ToDictionary(r => r.GetProperty("levelLabel").GetString()!, r => r.GetProperty("estimate"));
        Assert.Equal(["农民", "未填写人群"], byAudience.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, byAudience["农民"].GetProperty("n").GetInt32());
        Assert.True(byAudience["农民"].GetProperty("suppressed").GetBoolean());
        Assert.Equal(800, byAudience["未填写人群"].GetProperty("n").GetInt32());
    }
}
