using ChatAgent.Agent;
using ChatAgent.Errors;
using ChatAgent.Faults;
using ChatAgent.Health;
using ChatAgent.KnowledgeBase;
using ChatAgent.Limits;
using ChatAgent.Metrics;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAgentProblemDetails();
builder.Services.AddFaults(builder.Configuration);
builder.Services.AddKnowledgeBase(builder.Configuration);
builder.Services.AddAgent(builder.Configuration);
builder.Services.AddAgentRateLimiting(builder.Configuration);
builder.Services.AddAgentHealth();
builder.Services.AddAgentMetrics();

var app = builder.Build();
app.UseRequestMetrics();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.MapAgentHealth();
app.MapVersion();
app.MapAgent();
app.MapMetrics();
app.Run();
