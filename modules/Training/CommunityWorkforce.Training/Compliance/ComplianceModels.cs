using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.Training.Compliance;

public sealed record ComplianceQuery
{
    /// <summary>The unit whose subtree is reported; default the caller's scope.</summary>
    public Guid? OrgUnitId { get; init; }

    /// <summary>Calendar year; default this year.</summary>
    public int? Year { get; init; }

    /// <summary><c>noncompliant</c> or <c>compliant</c>.</summary>
    [MaxLength(20)]
    public string? Status { get; init; }
}

public sealed record ComplianceItem
{
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public string OrgUnitName { get; init; } = "";
    public string? PostType { get; init; }
    public decimal HoursDone { get; init; }
    public decimal HoursRequired { get; init; }
    public int OverdueMandatory { get; init; }
    public bool Compliant => HoursDone >= HoursRequired && OverdueMandatory == 0;
}

public sealed record ComplianceSummary
{
    public int Year { get; init; }
    public int Workers { get; init; }
    public int Compliant { get; init; }
    public int NonCompliant => Workers - Compliant;
    public decimal HoursDone { get; init; }

    /// <summary>Compliant share (0–1); 0 without workers.</summary>
    public decimal Rate => Workers == 0 ? 0 : Math.Round((decimal)Compliant / Workers, 4);
}

public sealed record OverdueCourse
{
    public Guid CourseId { get; init; }
    public string CourseCode { get; init; } = "";
    public string CourseTitle { get; init; } = "";
    public decimal Hours { get; init; }
    public int? RecurrenceMonths { get; init; }

    /// <summary>Last completion, now lapsed; none when never taken.</summary>
    public DateOnly? LastCompletedOn { get; init; }
}

public sealed record WorkerComplianceResponse
{
    public Guid WorkerId { get; init; }
    public int Year { get; init; }
    public decimal HoursDone { get; init; }
    public decimal HoursRequired { get; init; }

    /// <summary>Share of the year's requirement done (0–1, capped at 1).</summary>
    public decimal Progress => HoursRequired <= 0 ? 1 : Math.Min(1, Math.Round(HoursDone / HoursRequired, 4));

    public IReadOnlyList<OverdueCourse> OverdueMandatory { get; init; } = [];
    public bool Compliant => HoursDone >= HoursRequired && OverdueMandatory.Count == 0;
}

internal sealed class SummaryRow
{
    public int Workers { get; init; }
    public int Compliant { get; init; }
    public decimal HoursDone { get; init; }
}

internal sealed class SubtreeHoursRow
{
    public Guid WorkerId { get; init; }
    public string? PostType { get; init; }
    public decimal HoursDone { get; init; }
}

internal sealed class SubtreeOverdueRow
{
    public Guid WorkerId { get; init; }
    public string CourseCode { get; init; } = "";
}
