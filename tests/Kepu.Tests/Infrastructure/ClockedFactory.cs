using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Kepu.Tests.Infrastructure;

/// <summary>A host on a clock the test moves, with helpers to register people.</summary>
public class ClockedFactory : KepuFactory
{
    public const string Password = "Pass-2026-ok";

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>Registers a new citizen and returns an API client signed in as them.</summary>
    public async Task<HttpClient> NewCitizenAsync(string prefix, string district = "500242") =>
        await this.ApiClientAsync(await NewCitizenNameAsync(prefix, district), Password);

    /// <summary>Registers a new citizen; their password is <see cref="Password"/>. Tokens expire as the clock moves: sign in again after moving it.</summary>
    public async Task<string> NewCitizenNameAsync(string prefix, string district = "500242", string audience = "farmers")
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..6];
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { userName = name, password = Password, audiences = new[] { audience }, district });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return name;
    }

    /// <summary>Beijing time as an offset string, <paramref name="days"/> from now at the given hour.</summary>
    public string BeijingAt(int days, int hour) =>
        new DateTimeOffset(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8)).AddDays(days).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8))
            .ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Today in Beijing on the test clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(8));
}
