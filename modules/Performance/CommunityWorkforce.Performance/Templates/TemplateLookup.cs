using System.Text.Json;

namespace CommunityWorkforce.Performance.Templates;

/// <summary>What other features read of a template: its indicators.</summary>
internal static class TemplateLookup
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<IndicatorDto> Indicators(string json) =>
        JsonSerializer.Deserialize<List<IndicatorDto>>(json, Json) ?? [];
}
