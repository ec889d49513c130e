namespace CommunityWorkforce.Training.Certificates;

/// <summary>Pure rules of qualifications (社会工作者职业资格).</summary>
internal static class CertificateRules
{
    /// <summary>A social-work registration lasts 3 years: the last valid day is the day before the third anniversary.</summary>
    public static DateOnly RegistrationExpiry(DateOnly registeredOn) => registeredOn.AddYears(3).AddDays(-1);

    /// <summary>Continuing education per registration period: ≥ 72 h for an assistant, ≥ 90 h for intermediate and senior.</summary>
    public static decimal ContinuingEducationRequired(string? level, decimal assistantHours, decimal higherHours) =>
        level == SocialWorkLevels.Assistant ? assistantHours : higherHours;

    public static string DefaultName(string? level) => level switch
    {
        SocialWorkLevels.Assistant => "助理社会工作师",
        SocialWorkLevels.Intermediate => "社会工作师",
        SocialWorkLevels.Senior => "高级社会工作师",
        _ => "",
    };

    public static bool ExpiresWithin(DateOnly? expiresOn, DateOnly today, int days) =>
        expiresOn is { } e && e >= today && e <= today.AddDays(days);
}
