using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning;

/// <summary>A question as a questionnaire shows it (no answer, no explanation).</summary>
public sealed record AskedQuestion(int Id, string Dimension, string Kind, string Stem, IReadOnlyList<string> Options);

/// <summary>
/// The question bank as other modules use it for questionnaires (the civic science-literacy survey): pick active questions per
/// dimension, show them without answers, and mark answers on the server.
/// </summary>
public sealed class SurveyQuestions(AppDbContext db)
{
    /// <summary>
    /// <paramref name="perDimension"/> active questions of each dimension, spread over difficulties, in a stable order; or the
    /// dimensions that do not have enough.
    /// </summary>
    public async Task<(IReadOnlyList<int> Ids, IReadOnlyList<string> Short)> PickAsync(IReadOnlyDictionary<string, int> perDimension, int seed, CancellationToken ct = default)
    {
        var rows = await db.Set<Question>().AsNoTracking().Where(q => q.Active).Select(q => new { q.Id, q.Dimension, q.Difficulty }).ToListAsync(ct);
        var random = new Random(seed);
        var ids = new List<int>();
        var missing = new List<string>();
        foreach (var (dimension, count) in perDimension)
        {
            var pool = rows.Where(r => r.Dimension == dimension).OrderBy(r => r.Difficulty).ThenBy(_ => random.Next()).ToList();
            if (pool.Count < count)
            {
                missing.Add($"{Dimensions.Label(dimension)}只有 {pool.Count} 道题，需要 {count} 道");
                continue;
            }

            // Every (pool.Count / count)-th question: easy to hard, like the national questionnaire.
            ids.AddRange(Enumerable.Range(0, count).Select(i => pool[i * pool.Count / count].Id));
        }

        return (ids, missing);
    }

    public async Task<IReadOnlyList<AskedQuestion>> GetAsync(IReadOnlyList<int> ids, CancellationToken ct = default)
    {
        var questions = await db.Set<Question>().AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        return [.. ids.Where(questions.ContainsKey).Select(id => questions[id]).Select(q => new AskedQuestion(q.Id, q.Dimension, q.Kind, q.Stem, q.Options))];
    }

    /// <summary>Which of the questions were answered right (a question not answered is wrong).</summary>
    public async Task<IReadOnlyDictionary<int, bool>> MarkAsync(IReadOnlyDictionary<int, IReadOnlyList<int>> answers, IReadOnlyList<int> ids, CancellationToken ct = default)
    {
        var questions = await db.Set<Question>().AsNoTracking().Where(q => ids.Contains(q.Id)).ToListAsync(ct);
        return questions.ToDictionary(q => q.Id, q => answers.TryGetValue(q.Id, out var chosen) && q.IsRight(chosen));
    }
}
