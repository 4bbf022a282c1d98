using System.Text.Json;
using Kepu.Web.Features.Debunk.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Debunk;

public sealed record ImportLineError(int Line, string Message);

public sealed record DebunkImportResult(int Lines, int Added, int Updated, int Unchanged, IReadOnlyList<ImportLineError> Errors);

/// <summary>
/// Loads entries in bulk, one JSON object per line. A bad line is reported with its number and skipped; the good
/// lines load together (one transaction). Re-importing is idempotent: an entry is found by its <c>id</c> and only
/// changed fields make a new revision.
/// </summary>
public sealed class ImportDebunks(AppDbContext db, DebunkMatcher matcher, TimeProvider clock)
{
    private const int MaxLineLength = 200_000;

    public async Task<DebunkImportResult> ImportAsync(TextReader reader, string by, CancellationToken ct = default)
    {
        var errors = new List<ImportLineError>();
        var valid = new List<(int Line, string Key, DebunkFields Fields)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (line.Length > MaxLineLength)
            {
                errors.Add(new(number, $"这一行太长（超过 {MaxLineLength} 个字符）。"));
                continue;
            }

            DebunkInput? input;
            try
            {
                input = JsonSerializer.Deserialize<DebunkInput>(line, DebunkInput.Json);
            }
            catch (JsonException e)
            {
                errors.Add(new(number, "不是有效的 JSON：" + (e.Message.Split(" Path:")[0])));
                continue;
            }

            if (input is null)
            {
                errors.Add(new(number, "不是 JSON 对象。"));
                continue;
            }

            var (fields, problems) = input.Validate();
            if (fields is null)
            {
                errors.Add(new(number, string.Join("；", problems.Select(p => $"{p.Key}：{string.Join("", p.Value)}"))));
                continue;
            }

            if (seen.TryGetValue(input.Id!, out var first))
            {
                errors.Add(new(number, $"编号“{input.Id}”与第 {first} 行重复。"));
                continue;
            }

            seen[input.Id!] = number;
            valid.Add((number, input.Id!.Trim(), fields));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        int added = 0, updated = 0, unchanged = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in valid.Chunk(500))
        {
            var keys = chunk.Select(v => v.Key).ToList();
            var existing = await db.Set<DebunkEntry>().Where(e => keys.Contains(e.Key!)).ToDictionaryAsync(e => e.Key!, ct);
            foreach (var (_, key, fields) in chunk)
            {
                if (existing.TryGetValue(key, out var entry))
                {
                    if (entry.Update(fields, by, now, "导入更新"))
                    {
                        updated++;
                    }
                    else
                    {
                        unchanged++;
                    }
                }
                else
                {
                    db.Add(new DebunkEntry(key, fields, by, now));
                    added++;
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await tx.CommitAsync(ct);
        matcher.Invalidate();
        return new DebunkImportResult(number, added, updated, unchanged, errors);
    }
}
