using Microsoft.Extensions.AI;

namespace ChatAgent.Model;

/// <summary>
/// A tokenizer-free estimate: one token per four characters (rounded up) of every text, tool name, argument and result,
/// plus four tokens of framing per message. BPE tokenizers average about four characters of English per token; the
/// framing covers the role and separators the chat templates add. It over-counts code and under-counts rare scripts;
/// the provider's own count replaces it wherever the provider reports one.
/// </summary>
internal static class TokenEstimator
{
    public const int PerMessage = 4;

    public static int Estimate(string? text) => string.IsNullOrEmpty(text) ? 0 : (text.Length + 3) / 4;

    public static int Estimate(ChatMessage message)
    {
        var tokens = PerMessage;
        foreach (var content in message.Contents)
        {
            tokens += content switch
            {
                TextContent text => Estimate(text.Text),
                FunctionCallContent call => Estimate(call.Name) + (call.Arguments?.Sum(a => Estimate(a.Key) + Estimate(Convert.ToString(a.Value, System.Globalization.CultureInfo.InvariantCulture))) ?? 0),
                FunctionResultContent result => Estimate(ModelHttp.ResultText(result)),
                _ => 0,
            };
        }

        return tokens;
    }

    public static int Estimate(IEnumerable<ChatMessage> messages) => messages.Sum(Estimate);
}
