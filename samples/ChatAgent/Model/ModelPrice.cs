namespace ChatAgent.Model;

/// <summary>What one model costs, in US dollars per million tokens (<c>Model:Prices:&lt;model&gt;</c>).</summary>
internal sealed class ModelPrice
{
    public decimal InputPerMillion { get; set; }

    public decimal OutputPerMillion { get; set; }

    public decimal Cost(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000m;
}
