using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Tests.Features.Learning;

public sealed class QuestionBankTests(LearningFixture factory) : IClassFixture<LearningFixture>
{
    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private Task<int> CountAsync() => factory.QueryAsync(db => db.Set<Question>().CountAsync());

    [Fact]
    public async Task ExportedXlsx_ImportsBack_AsUpdates_AndNewRowsAdd()
    {
        using var editor = await factory.ApiClientAsync("editor");
        var before = await CountAsync();
        var xlsx = await editor.GetByteArrayAsync("/api/v1/learning/questions/export?format=xlsx");
        var (rows, error) = Spreadsheets.Read(xlsx);
        Assert.Null(error);
        Assert.Equal(before, rows.Count);
        Assert.Equal("单选", rows.First(r => r["答案"].Length == 1 && r["选项C"].Length > 0)["题型"]);

        var response = await editor.PostAsync("/api/v1/learning/questions/import", Upload(xlsx, "questions.xlsx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, result.GetProperty("added").GetInt32());
        Assert.Equal(before, result.GetProperty("updated").GetInt32());

        var csv = Spreadsheets.Csv(Kepu.Web.Features.Learning.QuestionBank.Columns,
        [
            ["", "多选", "哪些做法能防范电信诈骗？", "不把验证码告诉别人", "陌生链接不点", "中奖要先交税就交", "", "", "", "AB", "验证码是账户的钥匙。", "2", "应用科学的能力", "elderly;public", "防范电信诈骗", ""],
            ["", "判断", "=正常人的体温约为37℃", "", "", "", "", "", "", "A", "", "1", "科学知识", "", "健康", ""],
        ]);
        var added = await (await editor.PostAsync("/api/v1/learning/questions/import", Upload(csv, "new.csv"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, added.GetProperty("added").GetInt32());
        Assert.Equal(before + 2, await CountAsync());
        var formula = await factory.QueryAsync(db => db.Set<Question>().SingleAsync(q => q.Stem.Contains("正常人的体温")));
        Assert.Equal(["正确", "错误"], formula.Options);
        Assert.Equal("=正常人的体温约为37℃", formula.Stem);
    }

    [Fact]
    public async Task AFileWithBadRows_ChangesNothing_AndNamesEveryBadRow()
    {
        using var editor = await factory.ApiClientAsync("editor");
        var before = await CountAsync();
        var csv = Spreadsheets.Csv(Kepu.Web.Features.Learning.QuestionBank.Columns,
        [
            ["", "单选", "好的一题", "甲", "乙", "", "", "", "", "A", "", "1", "科学知识", "", "健康", ""],
            ["", "单选", "两个答案的单选", "甲", "乙", "丙", "", "", "", "AB", "", "1", "科学知识", "", "健康", ""],
            ["", "填空", "", "甲", "", "", "", "", "", "Z", "", "9", "玄学", "外星人", "", "999999"],
        ]);
        var response = await editor.PostAsync("/api/v1/learning/questions/import", Upload(csv, "bad.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.Contains("只有一个正确答案", errors.GetProperty("row3")[0].GetString(), StringComparison.Ordinal);
        var row4 = errors.GetProperty("row4")[0].GetString()!;
        Assert.StartsWith("第 4 行：", row4, StringComparison.Ordinal);
        foreach (var part in new[] { "题型", "题干", "难度", "素质维度", "人群", "课时" })
        {
            Assert.Contains(part, row4, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync());

        var binary = await editor.PostAsync("/api/v1/learning/questions/import", Upload([0x00, 0xFF, 0xFE, 0x01, 0x02], "x.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, binary.StatusCode);
        using var citizen = await factory.ApiClientAsync("citizen");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/learning/questions/export")).StatusCode);
        Assert.Equal(before, await CountAsync());
    }
}
