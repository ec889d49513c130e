using CommunityWorkforce.Staffing.Codes;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>National standard code tables, looked up by code or by Chinese name (as imports do).</summary>
public sealed class NationalCodesTests
{
    [TestCase("01", "01")]
    [TestCase("汉族", "01")]
    [TestCase("1", "01")]
    [TestCase(" 基诺族 ", "56")]
    [TestCase("56", "56")]
    public void An_ethnic_group_is_found_by_code_or_by_name(string text, string code) =>
        Assert.That(NationalCodes.Find(NationalCodes.EthnicGroup, text)?.Code, Is.EqualTo(code));

    [TestCase("21", "大学本科毕业")]
    [TestCase("硕士研究生毕业", "硕士研究生毕业")]
    public void An_education_code_is_found_by_code_or_by_name(string text, string name) =>
        Assert.That(NationalCodes.Find(NationalCodes.Education, text)?.Name, Is.EqualTo(name));

    [TestCase("中共党员", "01")]
    [TestCase("群众", "13")]
    public void A_political_status_is_found_by_name(string text, string code) =>
        Assert.That(NationalCodes.Find(NationalCodes.PoliticalStatus, text)?.Code, Is.EqualTo(code));

    [TestCase("57")]
    [TestCase("火星族")]
    [TestCase("")]
    [TestCase(null)]
    public void An_unknown_code_or_name_is_not_found(string? text) =>
        Assert.That(NationalCodes.Find(NationalCodes.EthnicGroup, text), Is.Null);

    [Test]
    public void The_tables_hold_the_whole_standards()
    {
        Assert.That(NationalCodes.EthnicGroup, Has.Count.EqualTo(56));
        Assert.That(NationalCodes.PoliticalStatus.Select(c => c.Code), Is.EqualTo(Enumerable.Range(1, 13).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(NationalCodes.EducationBand("23"), Is.EqualTo("20"));
    }
}
