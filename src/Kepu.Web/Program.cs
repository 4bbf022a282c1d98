using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Contests;
using Kepu.Web.Features.Debunk;
using Kepu.Web.Features.Feed;
using Kepu.Web.Features.Insights;
using Kepu.Web.Features.Learning;
using Kepu.Web.Features.Library;
using Kepu.Web.Features.Notifications;
using Kepu.Web.Features.Outreach;
using Kepu.Web.Features.Regions;
using Kepu.Web.Infrastructure.Cli;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddKepuData();
builder.Services.AddKepuWeb(builder.Configuration);
builder.Services.AddKepuObservability(builder.Configuration);
builder.Services.AddRegions();
builder.Services.AddAccounts();
builder.Services.AddLibrary();
builder.Services.AddFeed();
builder.Services.AddDebunk();
builder.Services.AddLearning();
builder.Services.AddNotifications();
builder.Services.AddOutreach();
builder.Services.AddContests();
builder.Services.AddInsights();

var app = builder.Build();
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
}

await Startup.InitializeAsync(app.Services);
app.UseKepuPipeline();
app.MapRegions();
app.MapAccounts();
app.MapLibrary();
app.MapFeed();
app.MapDebunk();
app.MapLearning();
app.MapNotifications();
app.MapOutreach();
app.MapContests();
app.MapInsights();
await app.RunAsync();
return 0;

public partial class Program;
