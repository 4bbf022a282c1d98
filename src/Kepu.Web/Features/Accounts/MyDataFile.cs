using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Accounts;

/// <summary>The 我的数据 download: readable JSON (Chinese not escaped), as a file.</summary>
internal static class MyDataFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static FileContentHttpResult Create(MyDataExport export) =>
        TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(export, Options), "application/json; charset=utf-8",
            $"kepu-my-data-{export.ExportedAt:yyyyMMdd}.json");
}
