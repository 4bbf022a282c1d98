using Kepu.Web.Features.Insights.Activity.Entities;
using Kepu.Web.Infrastructure.Data;

namespace Kepu.Web.Features.Insights.Activity;

/// <summary>Activity events of read-only requests (查一查), written in the background in batches, as the search log is.</summary>
public sealed class ActivityBuffer(IServiceScopeFactory scopes, ILogger<ActivityBuffer> logger)
    : BackgroundInserts<ActivityEvent>(scopes, logger);
