namespace Airlock.Bench.Docker;

/// <summary>Counts of one rule's (or all rules') comparison with hadolint.</summary>
internal sealed class AgreementTally
{
    public int Cases { get; set; }

    /// <summary>Cases where our matching findings fire exactly when hadolint fires.</summary>
    public int Agree { get; set; }

    /// <summary>Disagreements that are deliberate, documented semantic differences.</summary>
    public int Documented { get; set; }

    /// <summary>Cases where our whole row (fail or warn) fires exactly when hadolint fires.</summary>
    public int RowAgree { get; set; }

    /// <summary>Whole-row differences not explained by a documented stricter finding.</summary>
    public int RowUnexplained { get; set; }

    public void Add(AgreementTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Cases += other.Cases;
        Agree += other.Agree;
        Documented += other.Documented;
        RowAgree += other.RowAgree;
        RowUnexplained += other.RowUnexplained;
    }

    public override string ToString() =>
        $"overlap agree {Agree}/{Cases} ({Agree}/{Cases - Documented} where semantics are shared, {Documented} documented difference(s)); " +
        $"whole row agree {RowAgree}/{Cases} ({RowUnexplained} unexplained)";
}
