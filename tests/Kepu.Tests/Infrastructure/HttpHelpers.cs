using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kepu.Tests.Infrastructure;

public static partial class HttpHelpers
{
    public static async Task<string> TokenAsync(this KepuFactory factory, string userName, string password = KepuFactory.DemoPassword)
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    public static async Task<HttpClient> ApiClientAsync(this KepuFactory factory, string userName, string password = KepuFactory.DemoPassword)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.TokenAsync(userName, password));
        return client;
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects.</summary>
    public static HttpClient PageClient(this KepuFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "page has no antiforgery token");
        return match.Groups[1].Value;
    }

    /// <summary>GETs a page, then posts a form to it (or to <paramref name="action"/>) with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var html = await client.GetStringAsync(page);
        var all = fields.Append(new("__RequestVerificationToken", AntiforgeryToken(html)));
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(all));
    }

    public static async Task LoginAsync(this HttpClient client, string userName, string password = KepuFactory.DemoPassword)
    {
        var response = await client.PostFormAsync("/account/login", [new("Input.UserName", userName), new("Input.Password", password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
