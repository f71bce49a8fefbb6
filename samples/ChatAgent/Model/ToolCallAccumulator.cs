using System.Text;
using Microsoft.Extensions.AI;

namespace ChatAgent.Model;

/// <summary>
/// Assembles streamed tool calls: both wire formats send a call's id and name first and its JSON arguments in pieces,
/// keyed by an index. The calls are complete only when the stream says so.
/// </summary>
internal sealed class ToolCallAccumulator
{
    private readonly SortedDictionary<int, (string? Id, string? Name, StringBuilder Arguments)> _calls = [];

    public bool Any => _calls.Count > 0;

    public void Start(int index, string? id, string? name)
    {
        var current = Get(index);
        _calls[index] = (id ?? current.Id, name ?? current.Name, current.Arguments);
    }

    public void Append(int index, string? arguments) => Get(index).Arguments.Append(arguments);

    public List<AIContent> Complete(string provider)
    {
        var contents = new List<AIContent>();
        foreach (var (index, call) in _calls)
        {
            if (string.IsNullOrEmpty(call.Name))
            {
                throw ModelHttp.Malformed(provider, $"a tool call (index {index}) without a name");
            }

            // Some OpenAI-compatible servers omit ids; a made-up one still pairs the result with its call.
            var id = string.IsNullOrEmpty(call.Id) ? $"call_{index}" : call.Id;
            contents.Add(new FunctionCallContent(id, call.Name, ModelHttp.ParseArguments(call.Arguments.ToString())));
        }

        return contents;
    }

    private (string? Id, string? Name, StringBuilder Arguments) Get(int index)
    {
        if (!_calls.TryGetValue(index, out var call))
        {
            call = (null, null, new StringBuilder());
            _calls[index] = call;
        }

        return call;
    }
}
