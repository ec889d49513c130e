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
/// <c>Validation:FutureHorizonDays</c> from today — or, for a date that plans ahead (<see cref="Planned"/>: a reserve
/// cadre's term end, a development plan's due date, a next review), not beyond <c>Validation:PlanningHorizonDays</c>.
/// Rules against the record's own start (a posting ends on or after it began) stay with the handler, which has read the
/// record.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlausibleDateAttribute : Attribute
{
    /// <summary>No community-worker record predates this.</summary>
    public static readonly DateOnly Earliest = new(1950, 1, 1);

    /// <summary>The date plans ahead: it may lie as far as the planning horizon rather than the one for facts.</summary>
    public bool Planned { get; set; }
}

/// <summary>
/// How far into the future a date in a request may lie: a fact (hired on, issued on, a session's start) at most
/// <see cref="FutureHorizonDays"/> ahead (default 366: a year, leap day included); a planned date at most
/// <see cref="PlanningHorizonDays"/> (default 1,830: five years, a two-year reserve term extended and its plan).
/// </summary>
public sealed record ValidationOptions(int FutureHorizonDays, int PlanningHorizonDays)
{
    public const int DefaultFutureHorizonDays = 366;
    public const int DefaultPlanningHorizonDays = 1830;

    public static ValidationOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Validation");
        var facts = Math.Max(0, section.GetValue("FutureHorizonDays", DefaultFutureHorizonDays));
        return new(facts, Math.Max(facts, section.GetValue("PlanningHorizonDays", DefaultPlanningHorizonDays)));
    }

    /// <summary>The latest date a request may name, counted from today in China Standard Time.</summary>
    public DateOnly Latest(TimeProvider clock) => LocalDate.Today(clock).AddDays(FutureHorizonDays);

    /// <summary>The latest date a plan in a request may name, counted from today in China Standard Time.</summary>
    public DateOnly LatestPlanned(TimeProvider clock) => LocalDate.Today(clock).AddDays(PlanningHorizonDays);
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

    private sealed record PropertyRule(PropertyInfo Property, string Field, bool Required, int? MaxLength,
        PlausibleDateAttribute? PlausibleDate);

    /// <summary>The latest dates a request may name, read once per request that has a date to check.</summary>
    private readonly record struct Horizon(DateOnly Facts, DateOnly Plans);

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
            Horizon? latest = null;
            foreach (var (index, rules) in checkedArguments)
            {
                if (invocation.Arguments[index] is not { } body)
                {
                    continue;
                }
                foreach (var rule in rules)
                {
                    if (rule.PlausibleDate is not null && latest is null)
                    {
                        var services = invocation.HttpContext.RequestServices;
                        var options = services.GetRequiredService<ValidationOptions>();
                        var clock = services.GetRequiredService<TimeProvider>();
                        latest = new Horizon(options.Latest(clock), options.LatestPlanned(clock));
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
                    p.GetCustomAttribute<PlausibleDateAttribute>()))
                .Where(r => r.Required || r.MaxLength is not null || r.PlausibleDate is not null)
                .ToArray());

    private static void Check(Validator validator, PropertyRule rule, object? value, Horizon? latest)
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
        if (rule.PlausibleDate is { } plausible && value is DateOnly date && latest is { } horizon
            && (plausible.Planned ? horizon.Plans : horizon.Facts) is var last
            && (date < PlausibleDateAttribute.Earliest || date > last))
        {
            validator.Add(rule.Field, Text.Of(
                $"日期应在 {PlausibleDateAttribute.Earliest:yyyy-MM-dd} 到 {last:yyyy-MM-dd} 之间。",
                $"The date must lie between {PlausibleDateAttribute.Earliest:yyyy-MM-dd} and {last:yyyy-MM-dd}."));
        }
    }
}
