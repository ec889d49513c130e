using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.BuildingBlocks.Http;

/// <summary>
/// A date a person enters (hired on, closed on, ends on…): not before <see cref="Earliest"/> and not beyond
/// <c>Validation:FutureHorizonDays</c> from today. Rules against the record's own start (a posting ends on or after it
/// began) stay with the handler, which has read the record.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlausibleDateAttribute : Attribute
{
    /// <summary>No community-worker record predates this.</summary>
    public static readonly DateOnly Earliest = new(1950, 1, 1);
}

/// <summary>How far into the future a date in a request may lie (default 366 days: a year ahead, leap day included).</summary>
public sealed record ValidationOptions(int FutureHorizonDays)
{
    public const int DefaultFutureHorizonDays = 366;

    public static ValidationOptions From(IConfiguration configuration) =>
        new(Math.Max(0, configuration.GetSection("Validation").GetValue("FutureHorizonDays", DefaultFutureHorizonDays)));

    /// <summary>The latest date a request may name, counted from today in China Standard Time.</summary>
    public DateOnly Latest(TimeProvider clock) => LocalDate.Today(clock).AddDays(FutureHorizonDays);
}

/// <summary>Dates in this house are China Standard Time (UTC+8, no daylight saving).</summary>
public static class LocalDate
{
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
}

/// <summary>
/// Enforces what request records declare with <see cref="RequiredAttribute"/>, <see cref="MaxLengthAttribute"/> and
/// <see cref="PlausibleDateAttribute"/>: the same attributes the OpenAPI document shows as <c>required</c> and
/// <c>maxLength</c>. Runs on every endpoint under <c>/api</c> after the body is read and before the handler; a breach is
/// a 400 validation problem naming each field (in camelCase), so handlers keep only the rules that need more than the
/// body.
/// </summary>
public static class RequestValidation
{
    private static readonly ConcurrentDictionary<Type, PropertyRule[]> RulesByType = new();

    private sealed record PropertyRule(PropertyInfo Property, string Field, bool Required, int? MaxLength, bool PlausibleDate);

    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checkedArguments = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (Index: index, Rules: RulesFor(parameter.ParameterType)))
            .Where(p => p.Rules.Length > 0)
            .ToArray();
        if (checkedArguments.Length == 0)
        {
            return next;
        }
        return async invocation =>
        {
            var validator = new Validator();
            DateOnly? latest = null;
            foreach (var (index, rules) in checkedArguments)
            {
                if (invocation.Arguments[index] is not { } body)
                {
                    continue;
                }
                foreach (var rule in rules)
                {
                    if (rule.PlausibleDate && latest is null)
                    {
                        var services = invocation.HttpContext.RequestServices;
                        latest = services.GetRequiredService<ValidationOptions>().Latest(services.GetRequiredService<TimeProvider>());
                    }
                    Check(validator, rule, rule.Property.GetValue(body), latest);
                }
            }
            return validator.IsValid ? await next(invocation) : validator.ToProblem();
        };
    }

    /// <summary>The declared rules of a request type; empty for types that declare none (services, ids, queries).</summary>
    private static PropertyRule[] RulesFor(Type type) => RulesByType.GetOrAdd(type, static t =>
        t.IsPrimitive || t.IsEnum || t.Namespace?.StartsWith("System", StringComparison.Ordinal) == true
            || t.Namespace?.StartsWith("Microsoft", StringComparison.Ordinal) == true
            ? []
            : t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => new PropertyRule(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                    p.IsDefined(typeof(RequiredAttribute)), p.GetCustomAttribute<MaxLengthAttribute>()?.Length,
                    p.IsDefined(typeof(PlausibleDateAttribute))))
                .Where(r => r.Required || r.MaxLength is not null || r.PlausibleDate)
                .ToArray());

    private static void Check(Validator validator, PropertyRule rule, object? value, DateOnly? latest)
    {
        if (value is null || (value is string blank && string.IsNullOrWhiteSpace(blank)))
        {
            if (rule.Required)
            {
                validator.Add(rule.Field, Text.Of("必填。", "Required."));
            }
            return;
        }
        if (rule.MaxLength is { } max && value is string text && text.Length > max)
        {
            validator.Add(rule.Field, Text.Of($"不能超过 {max} 个字符。", $"At most {max} characters."));
        }
        if (rule.PlausibleDate && value is DateOnly date && latest is { } last
            && (date < PlausibleDateAttribute.Earliest || date > last))
        {
            validator.Add(rule.Field, Text.Of(
                $"日期应在 {PlausibleDateAttribute.Earliest:yyyy-MM-dd} 到 {last:yyyy-MM-dd} 之间。",
                $"The date must lie between {PlausibleDateAttribute.Earliest:yyyy-MM-dd} and {last:yyyy-MM-dd}."));
        }
    }
}
