using System.Globalization;

namespace CommunityWorkforce.BuildingBlocks.Http;

/// <summary>
/// Messages meant for people come in Chinese first and English second; the request's Accept-Language
/// (set as the UI culture by request localisation) picks one.
/// </summary>
public static class Text
{
    public static string Of(string zh, string en) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : zh;
}
