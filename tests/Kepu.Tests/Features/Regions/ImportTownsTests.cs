using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kepu.Tests.Infrastructure;
using Kepu.Web.Features.Regions;
using Kepu.Web.Features.Regions.Entities;
using Kepu.Web.Infrastructure.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Regions;

public sealed class ImportTownsTests(KepuFactory factory) : IClassFixture<KepuFactory>
{
    private const string Header = "code,name,areaCode,provinceCode,cityCode\n";

    private async Task<ImportTownsResult> ImportAsync(string csv)
    {
        await using var scope = factory.Scope();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await scope.ServiceProvider.GetRequiredService<ImportTowns>().HandleAsync(stream);
    }

    private Task<int> TownCountAsync() => factory.QueryAsync(db => db.Set<Town>().CountAsync());

    [Fact]
    public async Task Command_ImportsTheRealList_ThenReimportChangesNothing()
    {
        var file = SharedData.Path("chongqing-towns.csv");
        var before = await TownCountAsync();
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await CommandLine.RunAsync(factory.Services, ["import", "towns", file], TextReader.Null, output, errors);
        Assert.True(exit == 0, errors.ToString());
        Assert.Contains("新增 1031", output.ToString());
        Assert.Contains("已处理 1031/1031", output.ToString());
        Assert.Equal(before + 1031, await TownCountAsync());

        output = new StringWriter();
        exit = await CommandLine.RunAsync(factory.Services, ["import", "towns", file], TextReader.Null, output, errors);
        Assert.Equal(0, exit);
        Assert.Contains("新增 0，更名 0，未变 1031", output.ToString());
        Assert.Equal(before + 1031, await TownCountAsync());

        using var client = factory.CreateClient();
        var districts = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/districts");
        Assert.Equal(39, districts!.Single(d => d.GetProperty("code").GetString() == "500242").GetProperty("townCount").GetInt32());
        Assert.Equal(before + 1031, districts!.Sum(d => d.GetProperty("townCount").GetInt32()));
        var towns = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/districts/500101/towns");
        Assert.Equal(52, towns!.Length);
        Assert.Contains(towns, t => t.GetProperty("name").GetString() == "高笋塘街道" && t.GetProperty("code").GetString() == "500101001");
    }

    [Fact]
    public async Task BadRows_AreReportedWithLineNumbers_AndNothingIsImported()
    {
        var before = await TownCountAsync();
        var csv = Header
            + "500242100,\"测试镇甲\",500242,50,5002\n"      // line 2: fine
            + "500242101,\"\",500242,50,5002\n"               // line 3: empty name
            + "500242102,\"测试镇乙\",999999,50,5002\n"       // line 4: unknown district
            + "12345,\"测试镇丙\",500242,50,5002\n"           // line 5: bad code
            + "500242100,\"测试镇丁\",500242,50,5002\n"       // line 6: duplicate of line 2
            + "500242103,\"<script>x</script>\",500242,50,5002\n"; // line 7: markup

        var result = await ImportAsync(csv);

        Assert.False(result.Succeeded);
        Assert.Equal([3, 4, 5, 6, 7], result.Errors.Select(e => e.Line).ToArray());
        Assert.Contains("名称为空", result.Errors[0].Message);
        Assert.Contains("第 2 行重复", result.Errors[3].Message);
        Assert.Equal(before, await TownCountAsync());
        Assert.False(await factory.QueryAsync(db => db.Set<Town>().AnyAsync(t => t.Code == "500242100")));
    }

    [Fact]
    public async Task MissingHeader_IsReportedOnLine1()
    {
        var result = await ImportAsync("500242100,测试镇,500242,50,5002\n");

        Assert.False(result.Succeeded);
        Assert.Equal(1, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public async Task Reimport_WithChangedName_RenamesInPlace()
    {
        Assert.True((await ImportAsync(Header + "500243900,\"旧名镇\",500243,50,5002\n")).Succeeded);
        var result = await ImportAsync(Header + "500243900,\"新名镇\",500243,50,5002\n");

        Assert.Equal(1, result.Renamed);
        Assert.Equal("新名镇", await factory.QueryAsync(db => db.Set<Town>().Where(t => t.Code == "500243900").Select(t => t.Name).SingleAsync()));
    }

    [Fact]
    public async Task Api_Import_IsAdminOnly_AndReportsErrorsAsProblem()
    {
        using var editor = await factory.ApiClientAsync("editor");
        var forbidden = await editor.PostAsync("/api/v1/towns/import", new StringContent(Header, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var admin = await factory.ApiClientAsync("admin");
        var bad = await admin.PostAsync("/api/v1/towns/import", new StringContent(Header + "1,\"x\",500242,50,5002\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.ProblemAsync();
        Assert.Contains("第 2 行", problem.GetProperty("errors").GetProperty("line2")[0].GetString());

        var ok = await admin.PostAsync("/api/v1/towns/import", new StringContent(Header + "500241900,\"接口镇\",500241,50,5002\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task AdminPage_UploadsAFile_AndShowsTheResult()
    {
        using var client = factory.PageClient();
        await client.LoginAsync("admin");
        var html = await client.GetStringAsync("/admin/towns/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HttpHelpers.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Header + "500240900,\"页面镇\",500240,50,5002\n500240901,\"\",500240,50,5002\n")), "file", "towns.csv" },
        };

        var response = await client.PostAsync("/admin/towns/import", form);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("第 3 行", page);
        Assert.Contains("未导入", page);
        Assert.False(await factory.QueryAsync(db => db.Set<Town>().AnyAsync(t => t.Code == "500240900")));
    }
}
