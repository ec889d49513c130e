using System.Globalization;
using System.IO.Compression;

namespace CommunityWorkforce.Staffing.Excel;

/// <summary>The roster spreadsheet's columns (Chinese headers, as HR offices use them) and how cells are read.</summary>
internal static class RosterSheet
{
    public const string StaffNo = "工号";
    public const string Name = "姓名";
    public const string IdNumber = "身份证号";
    public const string EthnicGroup = "民族";
    public const string PoliticalStatus = "政治面貌";
    public const string Education = "学历";
    public const string Phone = "手机号";
    public const string HireDate = "入职日期";
    public const string ServiceStartDate = "社区工作起始日期";
    public const string OrgUnitCode = "所属单位编码";
    public const string PostTitle = "岗位名称";
    public const string PostingStart = "任职开始日期";

    public static readonly string[] Columns =
        [StaffNo, Name, IdNumber, EthnicGroup, PoliticalStatus, Education, Phone, HireDate, ServiceStartDate, OrgUnitCode, PostTitle, PostingStart];

    public static readonly string[] Required = [Name, IdNumber, EthnicGroup, PoliticalStatus, Education, HireDate, ServiceStartDate, OrgUnitCode];

    /// <summary>Which API field each column feeds, so validation messages land on the right column.</summary>
    public static readonly IReadOnlyDictionary<string, string> ColumnOfField = new Dictionary<string, string>
    {
        ["staffNo"] = StaffNo, ["name"] = Name, ["idNumber"] = IdNumber, ["gender"] = IdNumber, ["ethnicGroup"] = EthnicGroup,
        ["politicalStatus"] = PoliticalStatus, ["education"] = Education, ["phone"] = Phone, ["hireDate"] = HireDate,
        ["serviceStartDate"] = ServiceStartDate, ["orgUnitId"] = OrgUnitCode,
    };

    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxRows = 20_000;
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;
    private const int MaxEntries = 200;

    /// <summary>
    /// Refuses what is not a plausible .xlsx before any parser sees it: not a zip, too many parts, or parts that unpack
    /// to far more than they could hold (zip bombs). Null when the file is acceptable.
    /// </summary>
    public static string? CheckPackage(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries || zip.Entries.All(e => !e.FullName.StartsWith("xl/", StringComparison.Ordinal)))
            {
                return Text.Of("文件不是有效的 Excel（.xlsx）工作簿。", "The file is not an Excel (.xlsx) workbook.");
            }
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes || zip.Entries.Any(e => e.CompressedLength > 0 && e.Length / e.CompressedLength > 200))
            {
                return Text.Of("文件解压后过大，已拒绝。", "The file unpacks to an implausible size and was refused.");
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return Text.Of("文件不是有效的 Excel（.xlsx）工作簿。", "The file is not an Excel (.xlsx) workbook.");
        }
        finally
        {
            content.Position = 0;
        }
    }

    public static string? TextOf(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value is not null
            ? value switch
            {
                string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
                double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
                DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim(),
            }
            : null;

    /// <summary>Excel dates arrive as dates, as serial numbers, or as text in a few usual formats.</summary>
    public static (DateOnly? Value, bool Invalid) DateOf(IDictionary<string, object?> row, string column)
    {
        if (!row.TryGetValue(column, out var value) || value is null || value is string { Length: 0 } || value is string s0 && string.IsNullOrWhiteSpace(s0))
        {
            return (null, false);
        }
        switch (value)
        {
            case DateTime dt:
                return (DateOnly.FromDateTime(dt), false);
            case double serial when serial is > 1 and < 2958465:
                return (DateOnly.FromDateTime(DateTime.FromOADate(serial)), false);
            case string text:
                string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];
                return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? (parsed, false)
                    : (null, true);
            default:
                return (null, true);
        }
    }
}

/// <summary>One problem in one cell of the uploaded sheet. Row numbers are Excel's (the header is row 1).</summary>
public sealed record ImportError(int Row, string Column, string Message);

public sealed record ImportReport(int TotalRows, int ValidRows, IReadOnlyList<ImportError> Errors);

public sealed record ImportResult(int Imported, int PostingsCreated);
