using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

// Request latency of the foundation's main endpoints, in process, each measured against /healthz
// (the cheapest request the app serves) in the same run, so the ratios hold on a noisy machine.
// Usage: dotnet run -c Release --project bench/Kepu.Bench [-- iterations]
internal static class Bench
{
    public static async Task Main(string[] args)
    {
        var iterations = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 2000;
        var dataDir = Path.Combine(Path.GetTempPath(), "kepu-bench-" + Guid.NewGuid().ToString("N"));
        await using var factory = new BenchFactory(dataDir);
        using var client = factory.CreateClient();

        var towns = Environment.GetEnvironmentVariable("KEPU_TOWNS_CSV");
        if (towns is { Length: > 0 } && File.Exists(towns))
        {
            var login = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = BenchFactory.Password });
            var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
            using var import = new HttpRequestMessage(HttpMethod.Post, "/api/v1/towns/import") { Content = new StreamContent(File.OpenRead(towns)) };
            import.Headers.Authorization = new("Bearer", token);
            var sw = Stopwatch.StartNew();
            var response = await client.SendAsync(import);
            Console.WriteLine($"import towns ({towns}): {(int)response.StatusCode} in {sw.ElapsedMilliseconds} ms");
        }

        var cases = new (string Name, string Path)[]
        {
            ("baseline /healthz", "/healthz"),
            ("/readyz (database)", "/readyz"),
            ("GET /api/v1/districts", "/api/v1/districts"),
            ("GET /api/v1/districts/500242/towns", "/api/v1/districts/500242/towns"),
            ("GET / (home page)", "/"),
            ("GET /account/register (form)", "/account/register"),
        };

        foreach (var (_, path) in cases)
        {
            for (var i = 0; i < 200; i++)
            {
                (await client.GetAsync(path)).EnsureSuccessStatusCode();
            }
        }

        // Interleaved rounds: every case sees the same machine noise.
        var samples = cases.ToDictionary(c => c.Path, _ => new List<double>(iterations));
        for (var i = 0; i < iterations; i++)
        {
            foreach (var (_, path) in cases)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                await response.Content.LoadIntoBufferAsync();
                samples[path].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }

        static double Percentile(List<double> values, double p)
        {
            var sorted = values.Order().ToList();
            return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
        }

        var baseline = Percentile(samples["/healthz"], 0.5);
        Console.WriteLine($"{iterations} interleaved requests per case, in-process test server");
        Console.WriteLine($"{"case",-36} {"p50 µs",10} {"p95 µs",10} {"p50 / baseline",16}");
        foreach (var (name, path) in cases)
        {
            var p50 = Percentile(samples[path], 0.5);
            Console.WriteLine($"{name,-36} {p50,10:F0} {Percentile(samples[path], 0.95),10:F0} {p50 / baseline,16:F2}");
        }

        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal sealed class BenchFactory(string dataDir) : WebApplicationFactory<Program>
{
    public const string Password = "Bench-pass-2026";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Kepu.slnx")))
        {
            root = root.Parent;
        }

        builder.UseContentRoot(Path.Combine(root?.FullName ?? ".", "src", "Kepu.Web"));
        builder.UseEnvironment("Testing");
        builder.UseSetting("Data:Directory", dataDir);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
