using System.Security.Cryptography;
using System.Text.Json;

namespace Kepu.Web.Features.Library.Media;

/// <summary>What is kept beside an unfinished upload's bytes: whose it is, how long it will be, when it last moved, what it is.</summary>
internal sealed record UploadTicket(string OwnerId, long Length, DateTime CreatedAt, DateTime TouchedAt, string? Category);

/// <summary>
/// Unfinished uploads as plain files (no database): <c>{id}.part</c> holds the bytes received so far, <c>{id}.json</c>
/// the <see cref="UploadTicket"/>. Tickets are replaced by rename, so a reader never sees half of one.
/// </summary>
internal sealed class UploadFolder(string root)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Root => root;

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Only 32 lowercase hex digits name an upload, so no id can reach outside the folder.</summary>
    public static bool IsId(string id) => id.Length == 32 && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public string PartPath(string id) => Path.Combine(root, id + ".part");

    private string TicketPath(string id) => Path.Combine(root, id + ".json");

    /// <summary>The ticket, or null when there is none (finished, cancelled, purged) or it cannot be read.</summary>
    public UploadTicket? Read(string id)
    {
        try
        {
            return JsonSerializer.Deserialize<UploadTicket>(File.ReadAllBytes(TicketPath(id)), Json);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    public void Write(string id, UploadTicket ticket)
    {
        Directory.CreateDirectory(root);
        var temp = Path.Combine(root, $".{id}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(ticket, Json));
        File.Move(temp, TicketPath(id), overwrite: true);
    }

    /// <summary>A new upload: the ticket first, so an empty part file never exists without its owner.</summary>
    public void Create(string id, UploadTicket ticket)
    {
        Write(id, ticket);
        File.Create(PartPath(id)).Dispose();
    }

    /// <summary>Bytes received so far (0 when the part file is gone).</summary>
    public long Received(string id) => new FileInfo(PartPath(id)) is { Exists: true } part ? part.Length : 0;

    public void Delete(string id)
    {
        File.Delete(PartPath(id));
        File.Delete(TicketPath(id));
    }

    /// <summary>Every upload present (by ticket or part file), with its ticket (null if missing or broken) and when its files last changed.</summary>
    public IEnumerable<(string Id, UploadTicket? Ticket, DateTime WrittenAt)> List()
    {
        if (!Directory.Exists(root))
        {
            yield break;
        }

        var ids = Directory.EnumerateFiles(root, "*.json").Concat(Directory.EnumerateFiles(root, "*.part"))
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(IsId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in ids)
        {
            var written = new[] { TicketPath(id), PartPath(id) }.Select(File.GetLastWriteTimeUtc).Max();
            yield return (id, Read(id), written);
        }
    }

    /// <summary>Ticket files half-written when a process stopped, older than <paramref name="before"/>.</summary>
    public int DeleteStrayTemps(DateTime before)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var stray = Directory.EnumerateFiles(root, ".*.tmp").Where(f => File.GetLastWriteTimeUtc(f) < before).ToList();
        stray.ForEach(File.Delete);
        return stray.Count;
    }
}
