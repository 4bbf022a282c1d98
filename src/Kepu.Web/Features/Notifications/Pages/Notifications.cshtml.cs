using Kepu.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Notifications.Pages;

/// <summary>我的消息: newest first; unread ones are marked until the person presses 全部已读.</summary>
[Authorize]
public sealed class NotificationsModel(Notifier notifier) : PageModel
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await notifier.ListAsync(User.UserId()!, ct);

    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        await notifier.MarkAllReadAsync(User.UserId()!, ct);
        return RedirectToPage();
    }
}
