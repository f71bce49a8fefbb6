using ChatAgent.Tools;

namespace Airlock.ChatAgent.Tests.Tools;

public class TimeQuestionTests
{
    [Theory]
    [InlineData("What time is it in Tokyo?", "Tokyo")]
    [InlineData("what's the time in New York right now", "New York")]
    [InlineData("What is the current time in Europe/Paris?", "Europe/Paris")]
    [InlineData("current time in Sao_Paulo", "Sao_Paulo")]
    public void Place_QuestionAboutTheTimeSomewhere_ReturnsThePlace(string message, string place) =>
        Assert.Equal(place, TimeQuestion.Place(message));

    [Theory]
    [InlineData("Time in transit for international parcels?")]
    [InlineData("How do I set my time zone?")]
    [InlineData("What time does support open?")]
    [InlineData("refund")]
    public void Place_OtherQuestion_ReturnsNull(string message) =>
        Assert.Null(TimeQuestion.Place(message));
}
