namespace Airlock.Core.Deployment;

public enum StrategyKind
{
    Canary,
    BlueGreen,
}
