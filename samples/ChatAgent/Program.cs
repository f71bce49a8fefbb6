using ChatAgent.Agent;
using ChatAgent.Errors;
using ChatAgent.Faults;
using ChatAgent.Health;
using ChatAgent.KnowledgeBase;
using ChatAgent.Limits;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAgentProblemDetails();
builder.Services.AddFaults(builder.Configuration);
builder.Services.AddKnowledgeBase(builder.Configuration);
builder.Services.AddAgent(builder.Configuration);
builder.Services.AddAgentRateLimiting(builder.Configuration);
builder.Services.AddAgentHealth();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.MapAgentHealth();
app.MapVersion();
app.MapAgent();
app.Run();
