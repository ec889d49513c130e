namespace CommunityWorkforce.Insights.Dashboard;

/// <summary>How the dashboard groups people: plain functions, tested without a database.</summary>
public static class StructureBands
{
    public static readonly IReadOnlyList<string> AgeBands = ["<30", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60+"];

    public static readonly IReadOnlyList<string> ServiceBands = ["0-2", "3-5", "6-10", "11-15", "16-20", "21+"];

    /// <summary>GB/T 4658-2006 groups: 10 postgraduate, 20 bachelor, 30 college, 40 secondary vocational, 60 senior high, 70 junior high, 80 primary, 90 other.</summary>
    public static readonly IReadOnlyList<string> EducationGroups = ["10", "20", "30", "40", "60", "70", "80", "90"];

    /// <summary>GB/T 4762: 01 CPC, 02 probationary, 03 Youth League, 04–11 the democratic parties, 12 non-party, 13 masses.</summary>
    public static readonly IReadOnlyList<string> PoliticalGroups = ["01", "02", "03", "democratic", "12", "13", "other"];

    /// <summary>Full years between <paramref name="from"/> and <paramref name="asOf"/> (an age, years of service).</summary>
    public static int FullYears(DateOnly from, DateOnly asOf)
    {
        var years = asOf.Year - from.Year;
        return asOf < from.AddYears(years) ? years - 1 : years;
    }

    public static string AgeBand(int age) => age switch
    {
        < 30 => "<30",
        >= 60 => "60+",
        _ => AgeBands[((age - 30) / 5) + 1],
    };

    public static string ServiceBand(int years) => years switch
    {
        <= 2 => "0-2",
        <= 5 => "3-5",
        <= 10 => "6-10",
        <= 15 => "11-15",
        <= 20 => "16-20",
        _ => "21+",
    };

    /// <summary>GB/T 2261.1: 1 male, 2 female; 0 and 9 (unknown, unstated) are "other".</summary>
    public static string Gender(string code) => code switch { "1" => "male", "2" => "female", _ => "other" };

    public static string EducationGroup(string code) =>
        code.Length > 0 && code[0] is >= '1' and <= '8' && code[0] != '5' ? code[0] + "0" : "90";

    public static string PoliticalGroup(string code) => code switch
    {
        "01" or "02" or "03" or "12" or "13" => code,
        "04" or "05" or "06" or "07" or "08" or "09" or "10" or "11" => "democratic",
        _ => "other",
    };
}
