using System.Text.Json;

namespace Airlock.ChatAgent.Tests.Fakes;

internal sealed record RecordedModelRequest(string Path, IReadOnlyDictionary<string, string> Headers, JsonElement Body);
