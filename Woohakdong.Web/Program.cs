using Woohakdong.Core;
using Woohakdong.Core.Data;
using Woohakdong.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLocalizationKoreanFirst();
builder.Services.AddWoohakdongCore(builder.Configuration);
builder.AddAccounts();
builder.AddWebHost();

var app = builder.Build();
if (!app.SettingsAreValid()) return 1;
await app.Services.MigrateDatabaseAsync();
await app.SeedDemoDataAsync();
app.UseWebHost();
app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
