using System.Security.Cryptography;
using Microsoft.Playwright;

namespace Kepu.Tests.Browser;

[Collection(BrowserGroup.Name)]
public sealed class ResumableUploadJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// A signed-in person chooses a 9 MB video: resumable-upload.js sends it in 4 MB pieces with the sign-in cookie and
    /// the page's antiforgery token, gets over a dropped piece by asking the server where it stands, and puts the
    /// /media/... address into the hidden field.
    /// </summary>
    [Fact]
    public async Task ChosenVideo_GoesUpInPieces_SurvivesADroppedPiece_AndFillsTheHiddenField()
    {
        await using var context = await browser.NewContextAsync(phone: true);
        context.SetDefaultTimeout(60_000);
        var page = await BrowserFixture.SignInAsync(context, "citizen");

        // No page uses the script yet: give the profile page's form (it carries the antiforgery token) a video field.
        await page.EvaluateAsync("""
            () => document.querySelector("form[action='/account/logout']").insertAdjacentHTML("beforeend",
                '<label for="entry">参赛视频</label><input id="entry" type="file" name="video" data-resumable-upload data-target="videoUrl"><input type="hidden" name="videoUrl">')
            """);
        await page.AddScriptTagAsync(new() { Url = "/js/resumable-upload.js" });

        var patches = 0;
        await page.RouteAsync("**/api/v1/uploads/*", async route =>
        {
            if (route.Request.Method == "PATCH" && Interlocked.Increment(ref patches) == 2)
            {
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        });

        var video = new byte[9 * 1024 * 1024];
        Random.Shared.NextBytes(video);
        "\0\0\0\u0018ftypmp42"u8.CopyTo(video);
        await page.Locator("#entry").SetInputFilesAsync(new FilePayload { Name = "参赛作品.mp4", MimeType = "video/mp4", Buffer = video });

        await Assertions.Expect(page.Locator(".upload-status")).ToContainTextAsync("上传完成");
        Assert.Equal($"/media/{Convert.ToHexStringLower(SHA256.HashData(video))}.mp4", await page.Locator("input[name='videoUrl']").InputValueAsync());
        Assert.Null(await page.Locator("#entry").GetAttributeAsync("name"));
        Assert.Equal(4, patches); // three pieces and the one that was dropped
        await BrowserFixture.ScreenshotAsync(page, "phone-library-resumable-upload");
    }
}
