namespace Airlock.Core.Deployment;

public enum ConditionOperator
{
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
}
