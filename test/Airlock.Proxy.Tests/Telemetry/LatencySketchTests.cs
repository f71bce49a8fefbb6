using Airlock.Proxy.Telemetry;

namespace Airlock.Proxy.Tests.Telemetry;

public sealed class LatencySketchTests
{
    private static readonly double[] Quantiles = [0, 0.5, 0.9, 0.95, 0.99, 0.999];

    [Fact]
    public void Quantile_LogNormalLatencies_WithinOnePercentOfExact()
    {
        // Latencies from about 10 µs to minutes: a long-tailed mix like an LLM service's.
        var random = new Random(11);
        var values = Enumerable.Range(0, 100_000).Select(_ => Math.Exp(-3 + (2 * Gaussian(random)))).ToArray();
        var sketch = new LatencySketch();
        foreach (var value in values)
        {
            sketch.Record(value);
        }

        Array.Sort(values);
        foreach (var q in Quantiles)
        {
            var exact = values[(int)Math.Floor(q * (values.Length - 1))];
            Assert.InRange(sketch.Quantile(q), exact * (1 - LatencySketch.RelativeAccuracy), exact * (1 + LatencySketch.RelativeAccuracy));
        }

        Assert.Equal(values[^1], sketch.Quantile(1));
        Assert.Equal(values.Length, sketch.Count);
    }

    [Fact]
    public void Merge_TwoSketches_AnswersAsOneSketchOfAllValues()
    {
        var random = new Random(5);
        var left = new LatencySketch();
        var right = new LatencySketch();
        var all = new LatencySketch();
        for (var i = 0; i < 20_000; i++)
        {
            var value = random.NextDouble() * (i % 2 == 0 ? 0.05 : 3);
            (i % 3 == 0 ? left : right).Record(value);
            all.Record(value);
        }

        left.Merge(right);

        Assert.Equal(all.Count, left.Count);
        Assert.Equal(all.Max, left.Max);
        foreach (var q in Quantiles)
        {
            Assert.Equal(all.Quantile(q), left.Quantile(q));
        }
    }

    [Fact]
    public void Record_ExtremeValues_AreClampedWithoutGrowingAndMaxStaysExact()
    {
        var sketch = new LatencySketch();

        sketch.Record(0);
        sketch.Record(TimeSpan.FromHours(10));
        sketch.Record(double.NaN);

        Assert.Equal(2, sketch.Count);
        Assert.Equal(TimeSpan.FromHours(10).TotalSeconds, sketch.Quantile(1));
        Assert.Equal(LatencySketch.MinSeconds, sketch.Quantile(0));
        Assert.InRange(LatencySketch.Buckets, 1000, 1200);
    }

    [Fact]
    public void Quantile_Empty_IsZero() => Assert.Equal(0, new LatencySketch().Quantile(0.99));

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
