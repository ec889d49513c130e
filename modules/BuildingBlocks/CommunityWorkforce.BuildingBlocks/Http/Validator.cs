using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityWorkforce.BuildingBlocks.Http;

/// <summary>
/// Collects per-field errors (field names in camelCase, as the client sends them) and turns them into an
/// RFC 9457 validation problem.
/// </summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IEnumerable<(string Field, IReadOnlyList<string> Messages)> Errors =>
        _errors.Select(e => (e.Key, (IReadOnlyList<string>)e.Value));

    public Validator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
        return this;
    }

    public Validator Rule(bool holds, string field, string message) => holds ? this : Add(field, message);

    public Validator Required(string field, string? value, int maxLength, int minLength = 1)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, Text.Of("必填。", "Required."));
        }
        return Length(field, value, maxLength, minLength);
    }

    public Validator Optional(string field, string? value, int maxLength) =>
        value is null ? this : Length(field, value, maxLength, 0);

    public Validator Required<T>(string field, T? value) where T : struct =>
        value.HasValue ? this : Add(field, Text.Of("必填。", "Required."));

    /// <summary>Every change names the version it was made against (body <c>version</c> or <c>If-Match</c>).</summary>
    public Validator Version(ExpectedVersion expected) =>
        Rule(expected.Value is not null, "version", Text.Of("必须提供版本号（version 或 If-Match）。",
            "The version read is required (version or If-Match)."));

    public Validator Range(string field, int? value, int min, int max) =>
        value is null || (value >= min && value <= max)
            ? this
            : Add(field, Text.Of($"应在 {min} 到 {max} 之间。", $"Must be between {min} and {max}."));

    public Validator Matches(string field, string? value, Regex pattern, string zh, string en) =>
        value is null || pattern.IsMatch(value) ? this : Add(field, Text.Of(zh, en));

    public Validator OneOf(string field, string? value, IEnumerable<string> allowed)
    {
        var codes = allowed as IReadOnlyCollection<string> ?? allowed.ToArray();
        return value is null || codes.Contains(value)
            ? this
            : Add(field, Text.Of($"取值无效，应为：{string.Join("、", codes)}。",
                $"Invalid value; expected one of: {string.Join(", ", codes)}."));
    }

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        title: Text.Of("请求数据有误。", "One or more fields are invalid."),
        type: ProblemTypes.Validation);

    private Validator Length(string field, string value, int maxLength, int minLength)
    {
        if (value.Length > maxLength)
        {
            return Add(field, Text.Of($"不能超过 {maxLength} 个字符。", $"At most {maxLength} characters."));
        }
        if (value.Trim().Length < minLength)
        {
            return Add(field, Text.Of($"至少 {minLength} 个字符。", $"At least {minLength} characters."));
        }
        if (value.Any(char.IsControl))
        {
            return Add(field, Text.Of("不能包含控制字符。", "Must not contain control characters."));
        }
        return this;
    }
}
