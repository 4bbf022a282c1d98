using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Kepu.Web.Infrastructure.Files;

/// <summary>One data row of an uploaded table: its row number as the person sees it (header is row 1) and its cells by header.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var value) ? value : "";
}

/// <summary>
/// Tables people upload and download: CSV (UTF-8, with or without BOM) or XLSX, told apart by content, not by name.
/// Exports neutralise cells that Excel would run as formulas.
/// </summary>
public static class Spreadsheets
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The rows under the header, or a Chinese message saying why the file cannot be read.</summary>
    public static (IReadOnlyList<SheetRow> Rows, string? Error) Read(byte[] content)
    {
        if (content.Length == 0)
        {
            return ([], "文件是空的。");
        }

        if (content.Length > MaxBytes)
        {
            return ([], $"文件太大：最大 {MaxBytes / 1024 / 1024} MB。");
        }

        try
        {
            return content is [0x50, 0x4B, 0x03, 0x04, ..] ? (ReadXlsx(content), null) : ReadCsv(content);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or CsvHelperException or FormatException or IOException)
        {
            return ([], "无法读取文件：请上传 CSV（UTF-8）或 Excel（.xlsx）表格。");
        }
    }

    private static List<SheetRow> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        var rows = new List<SheetRow>();
        var number = 1;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: true))
        {
            number++;
            var cells = row.ToDictionary(c => c.Key.Trim(), c => Restore(Convert.ToString(c.Value, CultureInfo.InvariantCulture)?.Trim() ?? ""));
            if (cells.Values.Any(v => v.Length > 0))
            {
                rows.Add(new SheetRow(number, cells));
            }
        }

        return rows;
    }

    private static (IReadOnlyList<SheetRow>, string?) ReadCsv(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return ([], "文件不是 UTF-8 编码的文本：请另存为“CSV UTF-8”或 Excel（.xlsx）。");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return ([], "文件里有二进制内容，不是表格。");
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, BadDataFound = null, MissingFieldFound = null };
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
        {
            return ([], "文件为空，缺少表头。");
        }

        var rows = new List<SheetRow>();
        while (csv.Read())
        {
            var cells = header.Select((h, i) => (h.Trim(), csv.GetField(i) ?? "")).GroupBy(c => c.Item1).ToDictionary(g => g.Key, g => Restore(g.First().Item2.Trim()));
            if (cells.Values.Any(v => v.Length > 0))
            {
                rows.Add(new SheetRow(csv.Parser.Row, cells));
            }
        }

        return (rows, null);
    }

    /// <summary>CSV with a BOM (so Excel opens Chinese right), every cell quoted and formula-safe.</summary>
    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', headers.Select(CsvCell)));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(',', row.Select(CsvCell)));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(string sheet, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var data = rows.Select(r => (IDictionary<string, object>)headers.Select((h, i) => (h, (object)Neutralise(i < r.Count ? r[i] : "")))
            .ToDictionary(c => c.h, c => c.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [sheet] = data });
        return stream.ToArray();
    }

    /// <summary>A cell that starts with = + - @ would run as a formula in Excel: prefix it with a quote.</summary>
    public static string Neutralise(string value) => value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;

    /// <summary>Undoes <see cref="Neutralise"/>, so an exported table loads back as it was.</summary>
    private static string Restore(string value) => value.Length > 1 && value[0] == '\'' && "=+-@".Contains(value[1], StringComparison.Ordinal) ? value[1..] : value;

    /// <summary>One CSV cell: quoted, and formula-safe (<see cref="Neutralise"/>).</summary>
    public static string CsvCell(string value) => "\"" + Neutralise(value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The bytes of the uploaded table (multipart field <c>file</c>), or a Chinese field error.</summary>
    public static async Task<byte[]> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("file") is not { } file)
        {
            throw new Errors.ValidationFailedException(new Dictionary<string, string[]> { ["file"] = ["请选择要上传的表格（multipart 字段 file）。"] });
        }

        if (file.Length > Spreadsheets.MaxBytes)
        {
            throw new Errors.ValidationFailedException(new Dictionary<string, string[]> { ["file"] = [$"文件太大：最大 {Spreadsheets.MaxBytes / 1024 / 1024} MB。"] });
        }

        using var memory = new MemoryStream();
        await file.CopyToAsync(memory, ct);
        return memory.ToArray();
    }
}
