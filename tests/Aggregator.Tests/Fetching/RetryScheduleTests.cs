using Aggregator.Fetching;

namespace Aggregator.Tests.Fetching;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    private const double NoJitter = 0.5;

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(9, 1280)]
    public void Delay_DoublesFromFiveMinutes(int failures, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), RetrySchedule.Default.Delay(failures, retryAfter: null, NoJitter));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(int.MaxValue)]
    public void Delay_IsCappedAtADay_EvenWithJitter(int failures)
    {
        Assert.Equal(TimeSpan.FromHours(24), RetrySchedule.Default.Delay(failures, null, NoJitter));
        Assert.Equal(TimeSpan.FromHours(24), RetrySchedule.Default.Delay(failures, null, 0.999));
        Assert.True(RetrySchedule.Default.Delay(failures, null, 0.0) < TimeSpan.FromHours(24));
    }

    [Fact]
    public void Delay_JitterSpansPlusMinusTenPercent()
    {
        Assert.Equal(TimeSpan.FromMinutes(9), RetrySchedule.Default.Delay(2, null, 0.0));
        Assert.Equal(TimeSpan.FromMinutes(11), RetrySchedule.Default.Delay(2, null, 1.0));
    }

    [Fact]
    public void Delay_NoFailures_IsNone()
    {
        Assert.Equal(TimeSpan.Zero, RetrySchedule.Default.Delay(0, null, 0.9));
        Assert.Equal(TimeSpan.FromMinutes(2), RetrySchedule.Default.Delay(0, TimeSpan.FromMinutes(2), 0.9));
    }

    [Fact]
    public void Delay_LongerRetryAfter_Wins()
    {
        Assert.Equal(TimeSpan.FromHours(2), RetrySchedule.Default.Delay(1, TimeSpan.FromHours(2), NoJitter));
    }

    [Fact]
    public void Delay_ShorterRetryAfter_DoesNotShortenTheBackoff()
    {
        Assert.Equal(TimeSpan.FromMinutes(20), RetrySchedule.Default.Delay(3, TimeSpan.FromSeconds(30), NoJitter));
    }

    [Fact]
    public void Delay_AbsurdRetryAfter_IsCappedAtAWeek()
    {
        Assert.Equal(TimeSpan.FromDays(7), RetrySchedule.Default.Delay(1, TimeSpan.FromDays(365), NoJitter));
    }

    [Fact]
    public void NextAttempt_StaysWithinTheJitterBand()
    {
        var schedule = new RetrySchedule(random: new Random(42));

        var attempts = Enumerable.Range(0, 200).Select(_ => schedule.NextAttempt(3, Now, retryAfter: null)).ToList();

        Assert.All(attempts, a => Assert.InRange(a - Now, TimeSpan.FromMinutes(18), TimeSpan.FromMinutes(22)));
        Assert.True(attempts.Distinct().Count() > 1, "jitter should spread attempts");
    }

    [Fact]
    public void NextAttempt_CustomDelays_AreHonoured()
    {
        var schedule = new RetrySchedule(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), jitterFraction: 0);

        Assert.Equal(Now.AddSeconds(40), schedule.NextAttempt(3, Now, null));
        Assert.Equal(Now.AddMinutes(1), schedule.NextAttempt(5, Now, null));
    }

    [Fact]
    public void Constructor_RejectsACapBelowTheFirstDelay()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetrySchedule(TimeSpan.FromHours(2), TimeSpan.FromHours(1)));
    }
}
