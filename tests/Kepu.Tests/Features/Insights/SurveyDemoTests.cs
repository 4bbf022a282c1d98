using System.Net.Http.Json;
using System.Text.Json;
using Kepu.Tests.Features.Library;
using Kepu.Tests.Infrastructure;

namespace Kepu.Tests.Features.Insights;

/// <summary>
/// The survey demo: two waves with generated interviewer responses and 演示 margins, so the progress view and the estimates are
/// computed from data (not stored figures): a point per wave for the city and the three areas, inside its interval, and
/// estimates by every variable including the audience group the interviewers noted.
/// </summary>
public sealed class SurveyDemoTests(DemoContentFactory factory) : IClassFixture<DemoContentFactory>
{
    [Fact]
    public async Task DemoWaves_GiveComputedProgress_AndEstimatesByAudience()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var waves = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/survey/waves")).EnumerateArray().ToList();
        Assert.Equal([2024, 2026], waves.Select(w => w.GetProperty("year").GetInt32()).Order());

        var progress = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/survey/progress")).EnumerateArray()
            .Where(p => p.GetProperty("kind").GetString() == "estimate").ToList();
        foreach (var year in new[] { 2024, 2026 })
        {
            var points = progress.Where(p => p.GetProperty("year").GetInt32() == year).ToList();
            Assert.Equal(["city", "metro", "northeast", "southeast"], points.Select(p => p.GetProperty("area").GetString()).Order(StringComparer.Ordinal));
            Assert.All(points, p =>
            {
                var share = p.GetProperty("share").GetDouble();
                Assert.InRange(share, 1, 60);
                Assert.True(p.GetProperty("lower").GetDouble() < share && share < p.GetProperty("upper").GetDouble());
            });
        }

        var wave2026 = waves.Single(w => w.GetProperty("year").GetInt32() == 2026).GetProperty("id").GetInt32();
        var estimates = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/survey/waves/{wave2026}/estimates");
        Assert.True(estimates.GetProperty("overall").GetProperty("n").GetInt32() >= 3000);
        var audiences = estimates.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("variable").GetString() == "audience")
            .Select(r => r.GetProperty("levelLabel").GetString()).ToList();
        Assert.Contains("农民", audiences);
        Assert.Contains("老年人", audiences);
        Assert.Contains("产业工人", audiences);
    }
}
