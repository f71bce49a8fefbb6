namespace Airlock.Core.Deployment;

internal enum ConditionTokenKind
{
    End,
    Word,
    Operator,
    Number,
    Other,
}
