using System.Globalization;
using Airlock.Rollouts.Runtime;
using Microsoft.Data.Sqlite;

namespace Airlock.Rollouts.Store;

internal sealed partial class SqliteRolloutStore
{
    private const string RolloutColumns = """
        r.id, r.service, r.candidate, r.stable, r.spec_json, r.force_reason, r.created_at,
        s.phase, s.step_index, s.candidate_weight, s.step_started_at, s.paused_by_user, s.waiting_for_approval, s.message, s.updated_at, s.revision
        """;

    private const string RolloutFrom = "FROM rollouts r JOIN rollout_status s ON s.rollout_id = r.id";

    private static string Time(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static RolloutRecord ReadRollout(SqliteDataReader reader)
    {
        var phaseText = reader.GetString(7);
        if (!Enum.TryParse<RolloutPhase>(phaseText, ignoreCase: false, out var phase))
        {
            throw new InvalidDataException($"rollout {reader.GetInt64(0)} has an unknown phase '{phaseText}' (written by another Airlock version?).");
        }

        var status = new RolloutStatus(
            phase,
            reader.GetInt32(8),
            reader.GetInt32(9),
            reader.IsDBNull(10) ? null : ParseTime(reader.GetString(10)),
            reader.GetInt64(11) != 0,
            NullableString(reader, 12),
            reader.GetString(13),
            ParseTime(reader.GetString(14)),
            reader.GetInt64(15));
        return new RolloutRecord(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetString(2),
            NullableString(reader, 3),
            reader.GetString(4),
            NullableString(reader, 5),
            ParseTime(reader.GetString(6)),
            status);
    }

    private static LedgerEntry ReadLedger(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt64(1),
        ParseTime(reader.GetString(2)),
        reader.GetString(3),
        reader.GetString(4),
        NullableString(reader, 5));

    private static RevisionInstanceRecord ReadInstance(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt32(1),
        reader.GetInt64(2),
        reader.GetInt32(3),
        reader.GetString(4),
        ParseTime(reader.GetString(5)));

    private static void BindStatus(SqliteCommand command, RolloutStatus status)
    {
        command.Parameters.AddWithValue("$phase", status.Phase.ToString());
        command.Parameters.AddWithValue("$step", status.StepIndex);
        command.Parameters.AddWithValue("$weight", status.CandidateWeight);
        command.Parameters.AddWithValue("$stepStarted", status.StepStartedAt is { } started ? Time(started) : DBNull.Value);
        command.Parameters.AddWithValue("$paused", status.PausedByUser ? 1 : 0);
        command.Parameters.AddWithValue("$approval", (object?)status.WaitingForApproval ?? DBNull.Value);
        command.Parameters.AddWithValue("$message", status.Message);
        command.Parameters.AddWithValue("$updated", Time(status.UpdatedAt));
    }
}
