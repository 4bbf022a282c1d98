using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;

namespace Kepu.Web.Features.Library;

/// <summary>Searches are logged in the background, in batches: a search never waits for a database write.</summary>
public sealed class SearchLogBuffer(IServiceScopeFactory scopes, ILogger<SearchLogBuffer> logger)
    : BackgroundInserts<SearchLog>(scopes, logger);
