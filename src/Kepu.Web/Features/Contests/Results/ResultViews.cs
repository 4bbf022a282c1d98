namespace Kepu.Web.Features.Contests.Results;

public sealed record ResultRow(int EntryId, int Rank, string Title, string Category, string EntrantName, IReadOnlyList<string> Authors,
    double ReviewScore, int Votes, double Combined, string? Award, int? FundingYuan, string? TieBreak, int? LibraryContentId, string? CertificateCode);

public sealed record ResultsView(int CallId, string Title, string Stage, string StageLabel, DateTime? PublicityUntil, DateTime? PublishedAt, bool Voting,
    double VoteWeight, IReadOnlyList<ResultRow> Rows);

public sealed record ObjectionRequest(int? EntryId, string? Text);

public sealed record AnswerRequest(string? Answer, bool? Upheld);

public sealed record ObjectionView(int Id, int EntryId, string EntryTitle, string Text, DateTime FiledAt, string? Answer, bool? Upheld, DateTime? AnsweredAt,
    bool Mine);
