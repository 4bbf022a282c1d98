using Kepu.Web.Features.Accounts;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>
/// One lesson: read (or listen with 朗读), mark it studied, answer its quiz. The quiz is scored on the server and the
/// page then shows every answer with the right one and why; finishing the course shows the certificate link.
/// </summary>
public sealed class LessonModel(CourseProgress progress, IAccountDirectory accounts) : PageModel
{
    public LessonView Lesson { get; private set; } = null!;
    public QuizResult? Result { get; private set; }
    public string? Earned { get; private set; }
    public string? Certificate { get; private set; }

    public async Task OnGetAsync(int id, CancellationToken ct) => Lesson = await progress.OpenAsync(id, User.UserId(), ct);

    public async Task<IActionResult> OnPostStudyAsync(int id, CancellationToken ct)
    {
        if (User.UserId() is not { } me)
        {
            return Challenge();
        }

        var result = await progress.StudyAsync(id, me, await NameAsync(me, ct), ct);
        Lesson = await progress.OpenAsync(id, me, ct);
        Earned = result.PointsEarned > 0 ? $"学完了这一课，得 {result.PointsEarned} 积分。" : "已记录学完这一课。";
        Certificate = result.Completion?.CertificateCode;
        return Page();
    }

    public async Task<IActionResult> OnPostQuizAsync(int id, CancellationToken ct)
    {
        if (User.UserId() is not { } me)
        {
            return Challenge();
        }

        var answers = QuizForm.Answers(Request.Form);
        _answers = answers;
        try
        {
            Result = await progress.SubmitQuizAsync(id, answers, me, await NameAsync(me, ct), ct);
            Earned = Result.PointsEarned > 0 ? $"得 {Result.PointsEarned} 积分。" : null;
            Certificate = Result.Completion?.CertificateCode;
        }
        catch (Exception e) when (e is ValidationFailedException or BusinessRuleException)
        {
            ModelState.AddProblem(e);
        }

        Lesson = await progress.OpenAsync(id, me, ct);
        return Page();
    }

    public AnswerResult? AnswerFor(int questionId) => Result?.Answers.FirstOrDefault(a => a.QuestionId == questionId);

    /// <summary>What the person chose for a question in the answers just sent (kept checked on the result page).</summary>
    public IReadOnlyList<int> Chosen(int questionId) => _answers.TryGetValue(questionId, out var chosen) ? chosen : [];

    private Dictionary<int, IReadOnlyList<int>> _answers = [];

    private async Task<string> NameAsync(string me, CancellationToken ct) => (await accounts.DisplayNamesAsync([me], ct)).GetValueOrDefault(me, "学员");
}
