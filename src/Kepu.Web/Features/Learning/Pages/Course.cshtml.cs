using Kepu.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>A course's outline: chapters and lessons with what is done, and 开始学习 / 继续学习.</summary>
public sealed class CourseModel(CourseCatalog catalog, CourseProgress progress) : PageModel
{
    public CourseOutline Outline { get; private set; } = null!;

    public int? FirstLesson => Outline.Chapters.SelectMany(c => c.Lessons).Select(l => (int?)l.Id).FirstOrDefault();

    public async Task OnGetAsync(int id, CancellationToken ct) => Outline = await catalog.OutlineAsync(id, User.UserId(), ct);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (User.UserId() is not { } me)
        {
            return Challenge();
        }

        await progress.EnrollAsync(id, me, ct);
        Outline = await catalog.OutlineAsync(id, User.UserId(), ct);
        return Redirect($"/learn/lessons/{Outline.Course.Mine?.ResumeLessonId ?? FirstLesson}");
    }
}
