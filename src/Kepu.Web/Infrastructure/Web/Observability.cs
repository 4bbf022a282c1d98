using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kepu.Web.Infrastructure.Web;

internal static class Observability
{
    /// <summary>
    /// Traces and metrics through OpenTelemetry. <c>OpenTelemetry:Exporter</c> = <c>none</c> (default),
    /// <c>console</c> or <c>otlp</c> (with <c>OpenTelemetry:Endpoint</c>).
    /// </summary>
    public static IServiceCollection AddKepuObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var exporter = configuration["OpenTelemetry:Exporter"]?.ToLowerInvariant() ?? "none";
        if (exporter == "none")
        {
            return services;
        }

        var endpoint = configuration["OpenTelemetry:Endpoint"];
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("kepu-web"))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/healthz"));
                if (exporter == "console")
                {
                    t.AddConsoleExporter();
                }
                else
                {
                    t.AddOtlpExporter(o =>
                    {
                        if (endpoint is { Length: > 0 })
                        {
                            o.Endpoint = new Uri(endpoint);
                        }
                    });
                }
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation();
                if (exporter == "console")
                {
                    m.AddConsoleExporter();
                }
                else
                {
                    m.AddOtlpExporter(o =>
                    {
                        if (endpoint is { Length: > 0 })
                        {
                            o.Endpoint = new Uri(endpoint);
                        }
                    });
                }
            });
        return services;
    }
}
