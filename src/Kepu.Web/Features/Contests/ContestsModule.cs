using Kepu.Web.Features.Contests.Calls;
using Kepu.Web.Features.Contests.Entries;
using Kepu.Web.Features.Contests.Results;
using Kepu.Web.Features.Contests.Review;
using Kepu.Web.Features.Contests.Voting;

namespace Kepu.Web.Features.Contests;

/// <summary>征集与评选: calls, submissions, blind multi-round review, public voting, results, 公示 and publication.</summary>
internal static class ContestsModule
{
    public static IServiceCollection AddContests(this IServiceCollection services)
    {
        services.AddScoped<CallDesk>();
        services.AddScoped<IContestFunding, ContestFunding>();
        services.AddScoped<Submissions>();
        services.AddScoped<Conflicts>();
        services.AddScoped<RoundDesk>();
        services.AddScoped<Reviewing>();
        services.AddScoped<RoundClosing>();
        services.AddScoped<Votes>();
        services.AddScoped<ResultDesk>();
        services.AddScoped<Objections>();
        services.AddScoped<Publication>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<Demo.ContestsSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapContests(this IEndpointRouteBuilder app)
    {
        app.MapContestsApi();
        return app;
    }
}
