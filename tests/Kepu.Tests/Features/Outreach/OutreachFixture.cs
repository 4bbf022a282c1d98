using System.Net.Http.Json;
using Kepu.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Features.Outreach;

/// <summary>A host on a clock the test moves (check-in opens an hour before the start; feedback after the end).</summary>
public sealed class OutreachFixture : KepuFactory
{
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>Registers a new citizen and returns an API client signed in as them.</summary>
    public async Task<HttpClient> NewCitizenAsync(string prefix, string district = "500242") =>
        await this.ApiClientAsync(await NewCitizenNameAsync(prefix, district), Password);

    public const string Password = "Pass-2026-ok";

    /// <summary>Registers a new citizen; their password is <see cref="Password"/>. Tokens expire as the clock moves: sign in again after moving it.</summary>
    public async Task<string> NewCitizenNameAsync(string prefix, string district = "500242")
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..6];
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { userName = name, password = "Pass-2026-ok", audiences = new[] { "farmers" }, district });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return name;
    }

    /// <summary>Beijing time as an offset string, <paramref name="days"/> from now at the given hour.</summary>
    public string BeijingAt(int days, int hour) =>
        new DateTimeOffset(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8)).AddDays(days).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8))
            .ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
