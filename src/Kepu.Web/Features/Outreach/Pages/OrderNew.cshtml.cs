using Kepu.Web.Features.Library;
using Kepu.Web.Features.Outreach.Orders;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Outreach.Pages;

/// <summary>点单: a village, community, school or enterprise orders a lecture.</summary>
[Authorize]
public sealed class OrderNewModel(OrderDesk desk, IRegionDirectory regions, Taxonomy taxonomy, TimeProvider clock) : PageModel
{
    [BindProperty]
    public OrderInput Input { get; set; } = new();

    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];
    public IReadOnlyList<TownInfo> Towns { get; private set; } = [];
    public IReadOnlyList<TopicNode> Topics { get; private set; } = [];

    public sealed class OrderInput
    {
        public string? Kind { get; set; } = "village";
        public string? RequesterName { get; set; }
        public string? Contact { get; set; }
        public string? District { get; set; }
        public string? Town { get; set; }
        public string? Place { get; set; }
        public string? Topic { get; set; }
        public string? Audience { get; set; } = "public";
        public int? ExpectedSize { get; set; } = 50;
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? Dialect { get; set; }
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(string? district, CancellationToken ct)
    {
        var today = Display.BeijingDay(clock.GetUtcNow().UtcDateTime);
        Input.District = district ?? (await HttpContext.RequestServices.GetRequiredService<Accounts.IAccountDirectory>().ProfileAsync(Accounts.KepuClaims.UserId(User)!, ct))?.District;
        Input.From = today.AddDays(7);
        Input.To = today.AddDays(37);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var view = await desk.CreateAsync(new OrderRequest
            {
                Kind = Input.Kind, RequesterName = Input.RequesterName, Contact = Input.Contact, District = Input.District, Town = Input.Town, Place = Input.Place,
                Topic = Input.Topic, Audience = Input.Audience, ExpectedSize = Input.ExpectedSize, From = Input.From, To = Input.To, Dialect = Input.Dialect, Note = Input.Note,
            }, User, ct);
            TempData["Message"] = "点单已提交，区县管理员安排好专家后会通知您。";
            return Redirect($"/orders/{view.Id}");
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Districts = await regions.DistrictsAsync(ct);
        Towns = Input.District is { Length: > 0 } d ? await regions.TownsAsync(d, ct) : [];
        Topics = await taxonomy.TreeAsync(ct);
    }
}
