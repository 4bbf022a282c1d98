using System.Collections.Concurrent;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Library.Media;

/// <summary>Where an upload stands: <see cref="Offset"/> bytes of <see cref="Length"/> received; deleted at <see cref="ExpiresAt"/> unless it moves on.</summary>
public sealed record UploadStatus(string Id, long Offset, long Length, DateTime ExpiresAt)
{
    public string Url => ResumableUploads.UrlFor(Id);
}

/// <summary>
/// Large files (contest videos) sent in pieces, tus-style: start with the total length, append pieces at the offset the
/// server has, ask the offset again after a broken connection, complete into <see cref="MediaStore"/>. State is kept in
/// files under <c>Data:Directory/uploads</c> (<see cref="UploadFolder"/>), never in the database. An upload is its
/// owner's alone: to anyone else it does not exist (404), so ids do not leak. The type is read from the first 16 bytes
/// as soon as they arrive, so a text file renamed .mp4 is refused after its first piece rather than after 200 MB.
/// An upload nobody appended to for 24 hours is deleted by <see cref="StaleUploadSweeper"/>.
/// </summary>
public sealed class ResumableUploads(DataOptions options, MediaStore store, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>The largest piece one PATCH may carry; clients should send 4 MB.</summary>
    public const int MaxChunkBytes = 8 * 1024 * 1024;

    private const int SniffBytes = 16;

    private const string BusyMessage = "这个上传正在接收另一段数据。请等它结束，再按 HEAD 返回的位置（Upload-Offset）继续。";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly UploadFolder _folder = new(Path.Combine(options.DataDirectory, "uploads"));

    // Ids of uploads a request is working on. A second request on the same upload is turned away, never queued: a
    // client that lost its connection asks HEAD for the offset and tries again.
    private readonly ConcurrentDictionary<string, byte> _busy = new(StringComparer.Ordinal);

    private readonly Lock _starting = new();

    public string Folder => _folder.Root;

    /// <summary>The most an upload may declare: the video limit (<c>Media:MaxVideoBytes</c>, 200 MB by default).</summary>
    public long MaxLength => store.LimitFor("video");

    /// <summary>Unfinished uploads one person may have at a time, so nobody can fill the disk with half-sent files.</summary>
    public int MaxOpenPerOwner => configuration.GetValue("Media:MaxOpenUploads", 5);

    public static string UrlFor(string id) => $"/api/v1/uploads/{id}";

    public Task<UploadStatus> StartAsync(string ownerId, long length, CancellationToken ct = default)
    {
        if (length <= 0)
        {
            throw Invalid("length", "请给出文件的大小（字节数，须大于 0）。");
        }

        if (length > MaxLength)
        {
            throw Invalid("length", $"文件太大：最大 {MediaStore.Readable(MaxLength)}。");
        }

        ct.ThrowIfCancellationRequested();
        var now = Now;
        lock (_starting)
        {
            var open = _folder.List().Count(u => u.Ticket is { } t && t.OwnerId == ownerId && !Expired(t, now));
            if (open >= MaxOpenPerOwner)
            {
                throw new BusinessRuleException($"您已有 {open} 个未完成的上传（最多 {MaxOpenPerOwner} 个）。请先完成或取消它们；24 小时没有续传的上传会自动删除。");
            }

            var id = UploadFolder.NewId();
            var ticket = new UploadTicket(ownerId, length, now, now, null);
            _folder.Create(id, ticket);
            return Task.FromResult(Status(id, 0, ticket));
        }
    }

    /// <summary>
    /// Appends <paramref name="chunk"/> at <paramref name="offset"/>, which must be what the server already has (else 409).
    /// A piece over 8 MB or past the declared length is refused whole. If the connection breaks mid-piece, the bytes
    /// that arrived are kept and HEAD reports the new offset.
    /// </summary>
    public async Task<UploadStatus> AppendAsync(string ownerId, string id, long offset, Stream chunk, CancellationToken ct = default)
    {
        Owned(ownerId, id);
        using var hold = Hold(id);
        var ticket = Owned(ownerId, id); // again: the request that held it before may have changed it
        string? refusal;
        long received;
        await using (var part = OpenExclusive(id))
        {
            received = part.Length;
            // A piece cut off earlier may have brought the first bytes without being checked.
            (ticket, refusal) = await CheckTypeAsync(part, ticket, ct);
            if (refusal is null)
            {
                if (offset != received)
                {
                    throw new BusinessRuleException($"续传位置不对：服务器已收到 {received} 字节，请从第 {received} 字节继续（Upload-Offset: {received}）。");
                }

                var left = ticket.Length - received;
                var copied = await CopyAsync(chunk, part, Math.Min(left, MaxChunkBytes), ct);
                if (copied < 0)
                {
                    throw Invalid("file", left > MaxChunkBytes
                        ? $"这一段太大：每段最多 {MediaStore.Readable(MaxChunkBytes)}，建议每段 4 MB。"
                        : $"这一段超出了文件的总大小：从第 {received} 字节起只剩 {left} 字节。");
                }

                received += copied;
                (ticket, refusal) = await CheckTypeAsync(part, ticket, ct);
            }
        }

        if (refusal is not null)
        {
            _folder.Delete(id);
            throw Invalid("file", refusal);
        }

        ticket = ticket with { TouchedAt = Now };
        _folder.Write(id, ticket);
        return Status(id, received, ticket);
    }

    public Task<UploadStatus> StatusAsync(string ownerId, string id)
    {
        var ticket = Owned(ownerId, id);
        return Task.FromResult(Status(id, _folder.Received(id), ticket));
    }

    /// <summary>Moves a fully received upload into <see cref="MediaStore"/> (checked and stored like any upload) and forgets it.</summary>
    public async Task<StoredMedia> CompleteAsync(string ownerId, string id, CancellationToken ct = default)
    {
        var ticket = Owned(ownerId, id);
        using var hold = Hold(id);
        var received = _folder.Received(id);
        if (received < ticket.Length)
        {
            throw new BusinessRuleException($"文件还没有传完：已收到 {received} 字节，共 {ticket.Length} 字节。请传完剩下的部分再完成上传。");
        }

        StoredMedia stored;
        try
        {
            stored = await store.SaveFileAsync(_folder.PartPath(id), "file", ct);
        }
        catch (ValidationFailedException)
        {
            // These bytes can never become acceptable; keeping them would only hold the owner's upload slot.
            _folder.Delete(id);
            throw;
        }

        _folder.Delete(id);
        return stored;
    }

    public Task CancelAsync(string ownerId, string id)
    {
        Owned(ownerId, id);
        using var hold = Hold(id);
        _folder.Delete(id);
        return Task.CompletedTask;
    }

    /// <summary>Deletes uploads nobody appended to for <see cref="Lifetime"/>, and leftovers of interrupted writes. Returns how many uploads went.</summary>
    public Task<int> PurgeStaleAsync(DateTime now)
    {
        var purged = 0;
        foreach (var (id, ticket, writtenAt) in _folder.List())
        {
            var last = ticket?.TouchedAt ?? writtenAt;
            if (now - last < Lifetime || !_busy.TryAdd(id, 0))
            {
                continue;
            }

            try
            {
                _folder.Delete(id);
                purged++;
            }
            finally
            {
                _busy.TryRemove(id, out _);
            }
        }

        _folder.DeleteStrayTemps(now - Lifetime);
        return Task.FromResult(purged);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static bool Expired(UploadTicket ticket, DateTime now) => now - ticket.TouchedAt >= Lifetime;

    private static UploadStatus Status(string id, long received, UploadTicket ticket) => new(id, received, ticket.Length, ticket.TouchedAt + Lifetime);

    /// <summary>The ticket of the caller's own, live upload; anything else is "not found", whoever's it is.</summary>
    private UploadTicket Owned(string ownerId, string id) =>
        UploadFolder.IsId(id) && _folder.Read(id) is { } ticket && ticket.OwnerId == ownerId && !Expired(ticket, Now)
            ? ticket
            : throw new NotFoundException("没有找到这个上传：它可能已经完成、已取消，或超过 24 小时没有续传而被删除。");

    private Busy Hold(string id) =>
        _busy.TryAdd(id, 0) ? new Busy(_busy, id) : throw new BusinessRuleException(BusyMessage);

    /// <summary>The part file, locked against other processes too (several web nodes on shared storage).</summary>
    private FileStream OpenExclusive(string id)
    {
        try
        {
            var part = new FileStream(_folder.PartPath(id), FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            part.Seek(0, SeekOrigin.End);
            return part;
        }
        catch (FileNotFoundException)
        {
            throw new NotFoundException("没有找到这个上传：它可能已经完成或已取消。");
        }
        catch (IOException)
        {
            throw new BusinessRuleException(BusyMessage);
        }
    }

    /// <summary>
    /// Once the first bytes are in, what the file is: unknown kinds, and kinds whose own limit the declared length
    /// exceeds (a 100 MB "image"), are refused. Returns the ticket with the category filled in, or the Chinese refusal.
    /// </summary>
    private async Task<(UploadTicket Ticket, string? Refusal)> CheckTypeAsync(FileStream part, UploadTicket ticket, CancellationToken ct)
    {
        if (ticket.Category is not null || part.Length < Math.Min(SniffBytes, ticket.Length))
        {
            return (ticket, null);
        }

        var head = new byte[SniffBytes];
        part.Seek(0, SeekOrigin.Begin);
        var read = await part.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        part.Seek(0, SeekOrigin.End);
        var type = FileSniffer.Sniff(head.AsSpan(0, read));
        if (type is null)
        {
            return (ticket, MediaStore.UnsupportedType);
        }

        return ticket.Length > store.LimitFor(type.Category) ? (ticket, store.TooLarge(type.Category)) : (ticket with { Category = type.Category }, null);
    }

    /// <summary>
    /// Copies the piece to the end of the part file and returns its length; a piece longer than <paramref name="room"/>
    /// is taken back whole and -1 returned. (Bytes of a piece whose connection breaks stay: they are the file's.)
    /// </summary>
    private static async Task<long> CopyAsync(Stream chunk, FileStream part, long room, CancellationToken ct)
    {
        var start = part.Length;
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await chunk.ReadAsync(buffer, ct)) > 0)
        {
            if (total + read > room)
            {
                part.SetLength(start);
                return -1;
            }

            await part.WriteAsync(buffer.AsMemory(0, read), ct);
            total += read;
        }

        return total;
    }

    private static ValidationFailedException Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });

    private sealed class Busy(ConcurrentDictionary<string, byte> busy, string id) : IDisposable
    {
        public void Dispose() => busy.TryRemove(id, out _);
    }
}
