using Kepu.Web.Features.Accounts.Entities;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Files;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kepu.Web.Features.Learning;

internal static class QuestionBankApi
{
    public static void MapQuestionBankApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/learning/questions").WithTags("学习 Learning").RequireApiUser(Roles.Editor, Roles.Admin);
        api.MapGet("/export", async Task<FileContentHttpResult> (string? format, QuestionBank bank, CancellationToken ct) => Export(format, await bank.RowsAsync(ct)))
            .WithSummary("导出题库：format=csv（默认）或 xlsx；导出的表格改好后可以再导入（编辑）");
        api.MapPost("/import", async Task<Ok<BankImportResult>> (HttpRequest request, QuestionBank bank, CancellationToken ct) =>
            {
                var result = await bank.ImportAsync(await Spreadsheets.ReadUploadAsync(request, ct), ct);
                if (result.Errors.Count > 0)
                {
                    throw new ValidationFailedException(result.Errors.GroupBy(e => $"row{e.Row}").ToDictionary(g => g.Key, g => g.Select(e => $"第 {e.Row} 行：{e.Message}").ToArray()));
                }

                return TypedResults.Ok(result);
            })
            .WithSummary("导入题库（multipart 字段 file，CSV 或 XLSX）：先逐行检查，有任何一行错误则整个文件不导入，并按行号列出错误（编辑）")
            .DisableAntiforgery();
    }

    internal static FileContentHttpResult Export(string? format, IReadOnlyList<IReadOnlyList<string>> rows) => format == "xlsx"
        ? TypedResults.File(Spreadsheets.Xlsx("题库", QuestionBank.Columns, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "questions.xlsx")
        : TypedResults.File(Spreadsheets.Csv(QuestionBank.Columns, rows), "text/csv; charset=utf-8", "questions.csv");
}
