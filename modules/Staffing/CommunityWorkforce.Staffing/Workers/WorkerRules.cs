using System.Text.RegularExpressions;
using CommunityWorkforce.Staffing.Codes;

namespace CommunityWorkforce.Staffing.Workers;

/// <summary>A new roster entry after validation: codes resolved, ID number parsed.</summary>
internal sealed record NewWorker(
    string? StaffNo,
    string Name,
    CitizenId IdNumber,
    string EthnicGroup,
    string PoliticalStatus,
    string Education,
    string? Phone,
    DateOnly HireDate,
    DateOnly ServiceStartDate,
    Guid OrgUnitId,
    bool IsDemo = false);

/// <summary>The roster's field rules, shared by the API and the Excel import.</summary>
internal static partial class WorkerRules
{
    public const string Active = "active";
    public const string OnLeave = "on_leave";
    public const string Left = "left";
    public static readonly string[] Statuses = [Active, OnLeave, Left];

    /// <summary>Mainland mobile numbers: 11 digits starting 13–19.</summary>
    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    public static partial Regex MobilePattern();

    [GeneratedRegex("^[0-9A-Za-z-]{1,20}$")]
    public static partial Regex StaffNoPattern();

    /// <summary>Checks a new worker's fields; on success <paramref name="worker"/> holds the normalised values.</summary>
    public static Validator CheckNew(Validator v, CreateWorkerRequest r, DateOnly today, out NewWorker? worker)
    {
        worker = null;
        var staffNo = string.IsNullOrWhiteSpace(r.StaffNo) ? null : r.StaffNo.Trim();
        v.Optional("staffNo", staffNo, 20)
            .Matches("staffNo", staffNo, StaffNoPattern(), "工号只能包含字母、数字和连字符，最多 20 位。", "Staff number: letters, digits and dashes, at most 20.")
            .Required("idNumber", r.IdNumber, 18)
            .Required("orgUnitId", r.OrgUnitId);
        CitizenId id = default;
        if (!string.IsNullOrWhiteSpace(r.IdNumber) && !CitizenId.TryParse(r.IdNumber, out id, out var idError))
        {
            v.Add("idNumber", idError);
        }
        else if (!string.IsNullOrWhiteSpace(r.IdNumber))
        {
            v.Rule(r.Gender is null || r.Gender == id.Gender, "gender", Text.Of(
                $"性别与身份证号不符（身份证号显示为{(id.Gender == "1" ? "男" : "女")}）。",
                $"Gender does not match the ID number (which says {(id.Gender == "1" ? "male" : "female")})."));
            v.Rule(id.BirthDate.Year >= 1930 && Years(id.BirthDate, r.HireDate ?? today) >= 16, "idNumber",
                Text.Of("按身份证号计算，入职时应年满 16 周岁。", "By the ID number, the worker must be at least 16 at the hire date."));
        }
        CheckEditable(v, r.Name, r.EthnicGroup, r.PoliticalStatus, r.Education, r.Phone, r.HireDate, r.ServiceStartDate, today,
            out var ethnic, out var political, out var education);
        if (v.IsValid)
        {
            worker = new NewWorker(staffNo, r.Name!.Trim(), id, ethnic!, political!, education!, Blank(r.Phone),
                r.HireDate!.Value, r.ServiceStartDate!.Value, r.OrgUnitId!.Value);
        }
        return v;
    }

    /// <summary>The fields HR may edit after creation.</summary>
    public static Validator CheckEditable(Validator v, string? name, string? ethnicGroup, string? politicalStatus,
        string? education, string? phone, DateOnly? hireDate, DateOnly? serviceStartDate, DateOnly today,
        out string? ethnic, out string? political, out string? educationCode)
    {
        v.Required("name", name, 50);
        ethnic = Code(v, "ethnicGroup", ethnicGroup, NationalCodes.EthnicGroup);
        political = Code(v, "politicalStatus", politicalStatus, NationalCodes.PoliticalStatus);
        educationCode = Code(v, "education", education, NationalCodes.Education);
        v.Matches("phone", Blank(phone), MobilePattern(), "手机号应为 11 位大陆手机号码。", "A mainland mobile number has 11 digits starting 13–19.")
            .Required("hireDate", hireDate)
            .Required("serviceStartDate", serviceStartDate);
        if (hireDate is { } hire)
        {
            v.Rule(hire <= today.AddYears(1) && hire.Year >= 1950, "hireDate",
                Text.Of("入职日期应在 1950 年之后、一年之内。", "The hire date must be after 1950 and within a year from now."));
        }
        if (hireDate is { } h && serviceStartDate is { } s)
        {
            v.Rule(s <= h, "serviceStartDate", Text.Of("社区工作起始日期不能晚于入职日期。", "Community work cannot start after the hire date."));
            v.Rule(s.Year >= 1950, "serviceStartDate", Text.Of("社区工作起始日期无效。", "The service start date is not plausible."));
        }
        return v;
    }

    private static string? Code(Validator v, string field, string? value, IReadOnlyList<CodeValue> table)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            v.Add(field, Text.Of("必填。", "Required."));
            return null;
        }
        var code = NationalCodes.Find(table, value);
        if (code is null)
        {
            v.Add(field, Text.Of($"“{value}”不是有效的国家标准代码。", $"'{value}' is not a valid national standard code."));
        }
        return code?.Code;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static int Years(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        return to < from.AddYears(years) ? years - 1 : years;
    }
}
