using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Learning.Entities;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Learning.Pages;

/// <summary>学习: the courses by track, and for a signed-in person their points, streak and courses under way.</summary>
public sealed class IndexModel(CourseCatalog catalog, Leaderboards boards) : PageModel
{
    public IReadOnlyList<CourseCard> Courses { get; private set; } = [];
    public MyProgress? Mine { get; private set; }
    public IEnumerable<IGrouping<string, CourseCard>> ByTrack => Courses.GroupBy(c => c.Track).OrderBy(g => Array.IndexOf(Tracks.All, g.Key));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        Courses = await catalog.ListAsync(me, null, ct);
        Mine = me is null ? null : await boards.MineAsync(me, ct);
    }
}
