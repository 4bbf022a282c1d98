using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Errors;
using Kepu.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kepu.Web.Features.Library.Pages;

/// <summary>Writing and editing a draft. The same use case and rules as the API.</summary>
[Authorize]
public sealed class EditModel(SaveContent save, GetContent get, Taxonomy taxonomy, IRegionDirectory regions, Media.MediaStore media) : PageModel
{
    public sealed class InputModel
    {
        public string? Kind { get; set; } = "article";
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Body { get; set; }
        public string? MediaUrl { get; set; }
        public string? CoverImage { get; set; }
        public string? Transcript { get; set; }
        public List<string> Audiences { get; set; } = [];
        public List<string> Topics { get; set; } = [];
        public List<string> Districts { get; set; } = [];
        public List<string> RegionGroups { get; set; } = [];
        public string? Authors { get; set; }
        public string? Licence { get; set; } = "CC BY 4.0";
        public bool ElderFriendly { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<TopicNode> Topics { get; private set; } = [];
    public IReadOnlyList<DistrictInfo> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var c = await get.HandleAsync(existing, User, ct);
            Input = new InputModel
            {
                Kind = c.Kind, Title = c.Title, Summary = c.Summary, Body = c.Body, MediaUrl = c.MediaUrl, Transcript = c.Transcript, CoverImage = c.CoverImage,
                Audiences = [.. c.Audiences], Topics = [.. c.Topics], Districts = [.. c.Districts], RegionGroups = [.. c.RegionGroups],
                Authors = string.Join("、", c.Authors), Licence = c.Licence, ElderFriendly = c.ElderFriendly,
            };
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, IFormFile? cover, IFormFile? mediaFile, CancellationToken ct)
    {
        Id = id;
        mediaFile ??= Request.Form.Files.GetFile("media");

        // Files first: a refused file is reported next to its field and nothing else is saved.
        foreach (var (field, file) in new[] { ("cover", cover), ("media", mediaFile) })
        {
            if (file is not { Length: > 0 })
            {
                continue;
            }

            try
            {
                await using var stream = file.OpenReadStream();
                var stored = await media.SaveAsync(stream, file.Length, ct);
                if (field == "cover")
                {
                    if (!stored.ContentType.StartsWith("image/", StringComparison.Ordinal))
                    {
                        ModelState.AddModelError(field, "封面必须是图片。");
                        continue;
                    }

                    Input.CoverImage = stored.Url;
                }
                else
                {
                    Input.MediaUrl = stored.Url;
                }
            }
            catch (ValidationFailedException e)
            {
                ModelState.AddModelError(field, e.Errors.Values.First()[0]);
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        var request = new ContentRequest
        {
            Kind = Input.Kind, Title = Input.Title, Summary = Input.Summary, Body = Input.Body, MediaUrl = Input.MediaUrl, Transcript = Input.Transcript, CoverImage = Input.CoverImage,
            Audiences = Input.Audiences, Topics = Input.Topics, Districts = Input.Districts, RegionGroups = Input.RegionGroups,
            Authors = (Input.Authors ?? "").Split(['、', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Licence = Input.Licence, ElderFriendly = Input.ElderFriendly,
        };
        try
        {
            if (id is { } existing)
            {
                await save.EditAsync(existing, request, User, ct);
            }
            else
            {
                id = await save.CreateAsync(request, User, ct);
            }

            TempData["Message"] = "草稿已保存。确认无误后请提交审核。";
            return Redirect($"/contents/{id}");
        }
        catch (ValidationFailedException e)
        {
            ModelState.Apply(e);
        }
        catch (Exception e) when (e is ForbiddenException or BusinessRuleException)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Topics = await taxonomy.TreeAsync(ct);
        Districts = await regions.DistrictsAsync(ct);
    }
}
