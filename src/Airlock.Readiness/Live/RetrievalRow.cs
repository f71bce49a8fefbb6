using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>Row 7: questions the knowledge base answers get a cited passage; questions it cannot get the honest fallback.</summary>
internal sealed class RetrievalRow : ILiveRow
{
    public RubricRowTemplate Template(LiveSession session)
    {
        var r = session.Config.Retrieval;
        return new()
        {
            CheckId = LiveCheck.CheckId,
            Row = "retrieval",
            FailureMode = "Retrieval returns nothing for questions the knowledge base answers, or invents answers it does not have",
            Test = $"{r.Answerable.Length} answerable questions → {r.AnsweredField} = true and {r.CitationsField} not empty; " +
                $"{r.Unanswerable.Length} unanswerable → {r.AnsweredField} = false and no citations",
            Severity = Severity.DegradesIt,
            Step = CountdownStep.OpenUrl,
            Fix = "Check the knowledge base is deployed and indexed (readiness should say so); tune the relevance bar so unanswerable questions fall back to \"I don't know\".",
        };
    }

    public async Task<RubricRow> RunAsync(LiveSession session, CancellationToken cancellationToken)
    {
        var template = Template(session);
        var r = session.Config.Retrieval;
        if (r.Answerable.IsEmpty && r.Unanswerable.IsEmpty)
        {
            return template.Skipped("no questions: live.retrieval.answerable and unanswerable are both empty");
        }

        var user = session.NewUser("retrieval user");
        var failures = new List<Evidence>();
        var passes = new List<Evidence>();
        var questions = r.Answerable.Select(q => (Question: q, Answerable: true)).Concat(r.Unanswerable.Select(q => (Question: q, Answerable: false))).ToList();
        var exchanges = await Task.WhenAll(questions.Select(q => session.TurnAsync(user, q.Question, cancellationToken)));
        foreach (var ((question, answerable), exchange) in questions.Zip(exchanges))
        {
            var answer = TurnAnswer.Read(session, exchange);
            var answered = answer.Field(r.AnsweredField);
            var citations = answer.ArrayLength(r.CitationsField) ?? 0;
            var seen = $"{LiveText.Quote(question)} → {r.AnsweredField} = {answered ?? "absent"}, {citations} citation(s)";
            var ok = answer.Exchange.Succeeded && (answerable ? answered == "true" && citations > 0 : answered == "false" && citations == 0);
            if (!answer.Exchange.Succeeded)
            {
                failures.Add(LiveText.Of(answer.Exchange, $"{LiveText.Quote(question)}: {LiveText.Describe(answer.Exchange)}"));
            }
            else
            {
                (ok ? passes : failures).Add(LiveText.Of(answer.Exchange, answerable ? seen : $"{seen} (expected the fallback)"));
            }
        }

        return failures.Count > 0
            ? template.Fail($"{failures.Count} of {r.Answerable.Length + r.Unanswerable.Length} questions answered wrongly", [.. failures, .. passes])
            : template.Pass($"{r.Answerable.Length} answered with citations, {r.Unanswerable.Length} honest fallbacks", [.. passes]);
    }
}
