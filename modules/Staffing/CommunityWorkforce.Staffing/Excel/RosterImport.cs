using CommunityWorkforce.Staffing.Postings;
using CommunityWorkforce.Staffing.Workers;
using MiniExcelLibs;

namespace CommunityWorkforce.Staffing.Excel;

/// <summary>
/// Imports a roster sheet all or nothing: every row is checked first (fields, codes, scope, duplicates in the file and
/// on the roster, post quotas); only a clean sheet is written, in one transaction.
/// </summary>
internal sealed class RosterImport(DbSession db, CurrentUser user, WorkerWriter writer, PostingService postings, AuditWriter audit,
    TimeProvider clock)
{
    private const string UnitsInScope = """
        SELECT id, code, path, level, status FROM staffing_org_units WHERE {scope:path} AND status = 'active'
        """;

    private const string PostsInScope = """
        SELECT p.id, p.org_unit_id, p.title, p.quota,
               (SELECT COUNT(*) FROM staffing_postings g WHERE g.post_id = p.id AND g.ended_on IS NULL) AS filled
        FROM staffing_posts p JOIN staffing_org_units u ON u.id = p.org_unit_id
        WHERE {scope:u.path} AND p.status = 'active'
        """;

    private const string AllIdHashes = "SELECT id_number_hash FROM staffing_workers";
    private const string AllStaffNos = "SELECT staff_no FROM staffing_workers";

    public sealed record Row(int Number, IDictionary<string, object?> Cells, NewWorker? Worker, string? OrgPath, Guid? PostId, DateOnly? PostingStart);

    /// <summary>Reads and checks the sheet inside the caller's transaction.</summary>
    public async Task<(ImportReport Report, List<Row> Rows)> CheckAsync(Stream xlsx, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var sheet = ReadRows(xlsx, errors);
        var rows = new List<Row>();
        if (errors.Count > 0)
        {
            return (new ImportReport(sheet.Count, 0, errors), rows);
        }
        var today = LocalDate.Today(clock);
        var units = (await db.QueryAsync<UnitRow>(UnitsInScope, new { Scope = user.ScopePattern }, ct)).ToDictionary(u => u.Code);
        var posts = (await db.QueryAsync<PostRow>(PostsInScope, new { Scope = user.ScopePattern }, ct))
            .ToDictionary(p => (p.OrgUnitId, p.Title));
        var knownHashes = (await db.QueryAsync<string>(AllIdHashes, null, ct)).ToHashSet(StringComparer.Ordinal);
        var knownStaffNos = (await db.QueryAsync<string>(AllStaffNos, null, ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fileHashes = new Dictionary<string, int>(StringComparer.Ordinal);
        var fileStaffNos = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var planned = new Dictionary<Guid, int>();

        foreach (var (number, cells) in sheet)
        {
            var rowErrors = new List<ImportError>();
            void Error(string column, string message) => rowErrors.Add(new ImportError(number, column, message));

            if (cells[RosterSheet.IdNumber] is double)
            {
                Error(RosterSheet.IdNumber, Text.Of("身份证号被存成了数字，精度已丢失；请把该列设为“文本”格式后重新填写。",
                    "The ID number was stored as a number and lost digits; format the column as text and re-enter it."));
            }
            var (hire, hireInvalid) = RosterSheet.DateOf(cells, RosterSheet.HireDate);
            var (service, serviceInvalid) = RosterSheet.DateOf(cells, RosterSheet.ServiceStartDate);
            var (postingStart, postingInvalid) = RosterSheet.DateOf(cells, RosterSheet.PostingStart);
            foreach (var (invalid, column) in new[] { (hireInvalid, RosterSheet.HireDate), (serviceInvalid, RosterSheet.ServiceStartDate), (postingInvalid, RosterSheet.PostingStart) })
            {
                if (invalid)
                {
                    Error(column, Text.Of("日期格式无法识别，请使用 2024-03-01 格式。", "Unreadable date; use 2024-03-01."));
                }
            }
            var unitCode = RosterSheet.TextOf(cells, RosterSheet.OrgUnitCode);
            UnitRow? unit = null;
            if (unitCode is not null && !units.TryGetValue(unitCode, out unit))
            {
                Error(RosterSheet.OrgUnitCode, Text.Of($"单位编码 {unitCode} 不存在、已撤销或不在您的管辖范围内。",
                    $"Unit {unitCode} does not exist, is closed, or is outside your scope."));
            }
            var request = new CreateWorkerRequest
            {
                StaffNo = RosterSheet.TextOf(cells, RosterSheet.StaffNo),
                Name = RosterSheet.TextOf(cells, RosterSheet.Name),
                IdNumber = cells[RosterSheet.IdNumber] is double ? "0" : RosterSheet.TextOf(cells, RosterSheet.IdNumber),
                EthnicGroup = RosterSheet.TextOf(cells, RosterSheet.EthnicGroup),
                PoliticalStatus = RosterSheet.TextOf(cells, RosterSheet.PoliticalStatus),
                Education = RosterSheet.TextOf(cells, RosterSheet.Education),
                Phone = RosterSheet.TextOf(cells, RosterSheet.Phone),
                HireDate = hire,
                ServiceStartDate = service,
                OrgUnitId = unit?.Id ?? (unitCode is null ? null : Guid.Empty),
            };
            var validation = WorkerRules.CheckNew(new Validator(), request, today, out var worker);
            foreach (var (field, messages) in validation.Errors)
            {
                var column = RosterSheet.ColumnOfField.GetValueOrDefault(field, field);
                if (!(hireInvalid && column == RosterSheet.HireDate) && !(serviceInvalid && column == RosterSheet.ServiceStartDate)
                    && !(cells[RosterSheet.IdNumber] is double && column == RosterSheet.IdNumber)
                    && !(unit is null && unitCode is not null && column == RosterSheet.OrgUnitCode))
                {
                    rowErrors.AddRange(messages.Select(m => new ImportError(number, column, m)));
                }
            }
            if (worker is not null)
            {
                var hash = writer.HashOf(worker.IdNumber);
                if (knownHashes.Contains(hash))
                {
                    Error(RosterSheet.IdNumber, Text.Of("该身份证号已在花名册中。", "This ID number is already on the roster."));
                }
                else if (fileHashes.TryGetValue(hash, out var first))
                {
                    Error(RosterSheet.IdNumber, Text.Of($"与第 {first} 行的身份证号重复。", $"Same ID number as row {first}."));
                }
                else
                {
                    fileHashes[hash] = number;
                }
                if (worker.StaffNo is { } staffNo)
                {
                    if (knownStaffNos.Contains(staffNo))
                    {
                        Error(RosterSheet.StaffNo, Text.Of($"工号 {staffNo} 已被使用。", $"Staff number {staffNo} is taken."));
                    }
                    else if (fileStaffNos.TryGetValue(staffNo, out var firstStaff))
                    {
                        Error(RosterSheet.StaffNo, Text.Of($"与第 {firstStaff} 行的工号重复。", $"Same staff number as row {firstStaff}."));
                    }
                    else
                    {
                        fileStaffNos[staffNo] = number;
                    }
                }
            }
            Guid? postId = null;
            var postTitle = RosterSheet.TextOf(cells, RosterSheet.PostTitle);
            if (postTitle is not null && unit is not null)
            {
                if (!posts.TryGetValue((unit.Id, postTitle), out var post))
                {
                    Error(RosterSheet.PostTitle, Text.Of($"单位 {unit.Code} 没有“{postTitle}”岗位。", $"Unit {unit.Code} has no post '{postTitle}'."));
                }
                else
                {
                    var taken = post.Filled + planned.GetValueOrDefault(post.Id);
                    if (taken >= post.Quota)
                    {
                        Error(RosterSheet.PostTitle, Text.Of($"“{postTitle}”岗位编制已满（编制 {post.Quota}）。", $"The post '{postTitle}' is full (quota {post.Quota})."));
                    }
                    else
                    {
                        planned[post.Id] = planned.GetValueOrDefault(post.Id) + 1;
                        postId = post.Id;
                    }
                }
            }
            if (postingStart is { } ps && hire is { } h && ps < h)
            {
                Error(RosterSheet.PostingStart, Text.Of("任职开始日期不能早于入职日期。", "A posting cannot start before the hire date."));
            }
            errors.AddRange(rowErrors);
            rows.Add(new Row(number, cells, rowErrors.Count == 0 ? worker : null, unit?.Path, postId, postingStart ?? hire));
        }
        return (new ImportReport(rows.Count, rows.Count(r => r.Worker is not null), errors), rows);
    }

    /// <summary>Writes every row (the sheet must have passed <see cref="CheckAsync"/> in the same transaction).</summary>
    public async Task<ImportResult> WriteAsync(IReadOnlyList<Row> rows, string fileName, CancellationToken ct)
    {
        var postingsCreated = 0;
        foreach (var row in rows)
        {
            var workerId = await writer.InsertAsync(row.Worker!, row.OrgPath!, ct);
            if (row.PostId is { } postId)
            {
                var (postingId, _) = await postings.StartAsync(workerId, postId, row.PostingStart!.Value, PostingReasons.Hire, true, row.OrgPath!, ct);
                if (postingId is null)
                {
                    throw new InvalidOperationException("A post filled up between check and write inside one transaction.");
                }
                postingsCreated++;
            }
        }
        await audit.WriteAsync(new AuditEntry("staffing.worker.imported", "worker-import", null, user.ScopePath,
            new { fileName, rows = rows.Count, postingsCreated }), ct);
        return new ImportResult(rows.Count, postingsCreated);
    }

    private static List<(int Number, IDictionary<string, object?> Cells)> ReadRows(Stream xlsx, List<ImportError> errors)
    {
        var rows = new List<(int, IDictionary<string, object?>)>();
        IEnumerable<IDictionary<string, object?>> sheet;
        try
        {
            sheet = MiniExcel.Query(xlsx, useHeaderRow: true).Cast<IDictionary<string, object?>>();
            var number = 1;
            foreach (var cells in sheet)
            {
                number++;
                if (number == 2)
                {
                    var missing = RosterSheet.Required.Where(c => !cells.ContainsKey(c)).ToList();
                    if (missing.Count > 0)
                    {
                        errors.Add(new ImportError(1, string.Join("、", missing), Text.Of("表头缺少必需的列，请使用导入模板。",
                            "Required columns are missing from the header row; use the import template.")));
                        return rows;
                    }
                }
                if (cells.Values.All(v => v is null || v is string s && string.IsNullOrWhiteSpace(s)))
                {
                    continue;
                }
                if (rows.Count >= RosterSheet.MaxRows)
                {
                    errors.Add(new ImportError(number, "", Text.Of($"一次最多导入 {RosterSheet.MaxRows} 行。", $"At most {RosterSheet.MaxRows} rows per import.")));
                    return rows;
                }
                foreach (var column in RosterSheet.Columns.Where(c => !cells.ContainsKey(c)))
                {
                    cells[column] = null;
                }
                rows.Add((number, cells));
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or FormatException or System.Xml.XmlException or IndexOutOfRangeException)
        {
            errors.Add(new ImportError(0, "", Text.Of("无法读取工作簿内容。", "The workbook could not be read.")));
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(2, "", Text.Of("表中没有数据行。", "The sheet has no data rows.")));
        }
        return rows;
    }

    private sealed class UnitRow
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string Path { get; init; } = "";
        public string Level { get; init; } = "";
        public string Status { get; init; } = "";
    }

    private sealed class PostRow
    {
        public Guid Id { get; init; }
        public Guid OrgUnitId { get; init; }
        public string Title { get; init; } = "";
        public int Quota { get; init; }
        public int Filled { get; init; }
    }
}
