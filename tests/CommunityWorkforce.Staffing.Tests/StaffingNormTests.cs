using CommunityWorkforce.Staffing.Headcount;
using CommunityWorkforce.Staffing.Settings;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>配备标准 with the Shanghai defaults, without a database.</summary>
public sealed class StaffingNormTests
{
    private static readonly StaffingSettings ByPopulation = new();
    private static readonly StaffingSettings ByHouseholds = new() { NormMethod = "households" };

    [TestCase(10_000, 18)]
    [TestCase(5_000, 9)]
    [TestCase(5_556, 11)]
    [TestCase(1, 1)]
    [TestCase(0, 0)]
    public void By_population_it_is_18_per_ten_thousand_residents_rounded_up(int population, int norm) =>
        Assert.That(StaffingNorm.For(households: 9_999, population, ByPopulation), Is.EqualTo(norm));

    [TestCase(500, 3)]
    [TestCase(2_000, 3)]
    [TestCase(2_001, 4)]
    [TestCase(2_500, 4)]
    [TestCase(3_000, 4)]
    [TestCase(5_000, 6)]
    [TestCase(5_200, 7)]
    [TestCase(5_500, 7)]
    [TestCase(5_501, 8)]
    public void By_households_it_is_3_up_to_2000_then_one_per_1000_then_one_per_500_beyond_5000(int households, int norm) =>
        Assert.That(StaffingNorm.For(households, population: 1, ByHouseholds), Is.EqualTo(norm));

    [Test]
    public void Without_the_figures_the_method_needs_there_is_no_norm()
    {
        Assert.That(StaffingNorm.For(households: 3_000, population: null, ByPopulation), Is.Null);
        Assert.That(StaffingNorm.For(households: null, population: 30_000, ByHouseholds), Is.Null);
    }
}
