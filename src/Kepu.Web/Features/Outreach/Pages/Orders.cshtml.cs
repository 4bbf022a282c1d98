using Kepu.Web.Features.Outreach.Orders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>My orders; a district administrator's queue, priority areas first.</summary>
[Authorize]
public sealed class OrdersModel(OrderDesk desk) : PageModel
{
    public IReadOnlyList<OrderView> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await desk.ListAsync(User, null, ct);
}
