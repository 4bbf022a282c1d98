using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kepu.Web.Features.Learning.Entities;

public static class LedgerKinds
{
    public const string Certificate = "certificate";
    public const string ExamResult = "exam";
    public const string CreditGrant = "credit";

    public static string Label(string kind) => kind switch { Certificate => "证书", ExamResult => "考试成绩", _ => "学分/实绩" };
}

/// <summary>
/// One record of the tamper-evident ledger: numbered without gaps, carrying the hash of the record before it, and its
/// own hash over all of that. Changing, inserting or deleting a record breaks the chain from there on.
/// </summary>
public sealed class LedgerEntry
{
    /// <summary>The previous hash of the first record.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private LedgerEntry()
    {
    }

    public LedgerEntry(long sequence, string kind, string subject, string payload, DateTime at, string previousHash)
    {
        Sequence = sequence;
        Kind = kind;
        Subject = subject;
        Payload = payload;
        At = DateTime.SpecifyKind(new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond)), DateTimeKind.Utc);
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    public long Sequence { get; private set; }
    public string Kind { get; private set; } = "";

    /// <summary>Whose record it is (a user id).</summary>
    public string Subject { get; private set; } = "";

    /// <summary>What was recorded, as compact JSON.</summary>
    public string Payload { get; private set; } = "";

    /// <summary>UTC, to the millisecond (both databases keep that exactly).</summary>
    public DateTime At { get; private set; }

    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    /// <summary>SHA-256 over the number, kind, subject, time, payload and previous hash, one per line.</summary>
    public string ComputeHash()
    {
        var text = string.Join('\n', Sequence.ToString(CultureInfo.InvariantCulture), Kind, Subject,
            At.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), Payload, PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>The chain head published for a day: anyone who kept it can later check that nothing before it changed.</summary>
public sealed class LedgerDigest
{
    private LedgerDigest()
    {
    }

    public LedgerDigest(DateOnly day, long sequence, string hash, DateTime publishedAt)
    {
        Day = day;
        Sequence = sequence;
        Hash = hash;
        PublishedAt = publishedAt;
    }

    public DateOnly Day { get; private set; }
    public long Sequence { get; private set; }
    public string Hash { get; private set; } = "";
    public DateTime PublishedAt { get; private set; }
}

/// <summary>A certificate: what it is for, whose it is (the name as printed), and its ledger record.</summary>
public sealed class Certificate
{
    private Certificate()
    {
    }

    public Certificate(string code, string userId, string holderName, string kind, string title, string? detail, DateTime issuedAt, long ledgerSequence)
    {
        Code = code;
        UserId = userId;
        HolderName = holderName;
        Kind = kind;
        Title = title;
        Detail = detail;
        IssuedAt = issuedAt;
        LedgerSequence = ledgerSequence;
    }

    public int Id { get; private set; }

    /// <summary>Public code on the certificate and in its QR link (<c>/verify/{code}</c>).</summary>
    public string Code { get; private set; } = "";

    public string UserId { get; private set; } = "";
    public string HolderName { get; private set; } = "";

    /// <summary><c>course</c> or <c>exam</c>.</summary>
    public string Kind { get; private set; } = "";

    public string Title { get; private set; } = "";
    public string? Detail { get; private set; }
    public DateTime IssuedAt { get; private set; }
    public long LedgerSequence { get; private set; }
}
