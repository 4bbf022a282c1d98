using Microsoft.AspNetCore.Http;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>Quiz answers as forms send them: a field q{questionId} per question, one value per chosen option.</summary>
public static class QuizForm
{
    public static Dictionary<int, IReadOnlyList<int>> Answers(IFormCollection form)
    {
        var answers = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var (key, values) in form)
        {
            if (key.Length > 1 && key[0] == 'q' && int.TryParse(key.AsSpan(1), out var question))
            {
                answers[question] = [.. values.Select(v => int.TryParse(v, out var i) ? i : -1)];
            }
        }

        return answers;
    }
}
