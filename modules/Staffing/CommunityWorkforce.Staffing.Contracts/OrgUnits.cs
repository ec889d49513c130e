namespace CommunityWorkforce.Staffing.Contracts;

/// <summary>Org-unit levels (组织层级), stable codes.</summary>
public static class OrgLevels
{
    /// <summary>市</summary>
    public const string City = "city";

    /// <summary>区</summary>
    public const string District = "district";

    /// <summary>街道/镇</summary>
    public const string Street = "street";

    /// <summary>居委会/村委会</summary>
    public const string Community = "community";

    /// <summary>街道中心，如社区事务受理服务中心</summary>
    public const string Centre = "centre";

    public static readonly IReadOnlyList<string> All = [City, District, Street, Community, Centre];
}

/// <summary>The published read model of an org unit, for other modules.</summary>
public sealed record OrgUnitInfo
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Level { get; init; } = "";
    public Guid? ParentId { get; init; }

    /// <summary>Materialised path of codes, e.g. <c>/310000/310106/310106021/</c>.</summary>
    public string Path { get; init; } = "";

    public string Status { get; init; } = "";
}

/// <summary>Single reads of org units for other modules (bulk reads join <see cref="StaffingViews.OrgUnits"/>).</summary>
public interface IOrgUnitDirectory
{
    Task<OrgUnitInfo?> FindAsync(Guid id, CancellationToken ct);

    Task<OrgUnitInfo?> FindByCodeAsync(string code, CancellationToken ct);
}

/// <summary>Views Staffing publishes for other modules' SQL.</summary>
public static class StaffingViews
{
    /// <summary>Columns: id, code, name, level, parent_id, path, depth, households, population, status.</summary>
    public const string OrgUnits = "staffing_v_org_units";

    /// <summary>Columns: worker_id, staff_no, name, status, org_unit_id, org_path — to scope other modules' worker data.</summary>
    public const string WorkerScope = "staffing_v_worker_scope";

    /// <summary>Active postings. Columns: posting_id, worker_id, post_id, post_type, post_title, org_unit_id, started_on, is_primary.</summary>
    public const string CurrentPostings = "staffing_v_current_postings";

    /// <summary>Posts. Columns: id, org_unit_id, org_unit_name, org_path, post_type, title, quota, filled, status.</summary>
    public const string Posts = "staffing_v_posts";

    /// <summary>Columns: worker_id, hire_date, service_start_date (社区工作起始日期, for years of service).</summary>
    public const string WorkerService = "staffing_v_worker_service";

    /// <summary>
    /// Columns: posting_id, worker_id, staff_no, worker_name, post_id, post_type, post_title, org_unit_id, org_path,
    /// started_on, ended_on (null while active), is_primary — who held which post where, and when.
    /// </summary>
    public const string Postings = "staffing_v_postings";

    /// <summary>
    /// Personal and service facts, never the ID number or phone. Columns: worker_id, staff_no, name, birth_date, gender
    /// (GB/T 2261.1), ethnic_group, political_status, education, hire_date, service_start_date, status, left_on,
    /// left_reason, org_unit_id, org_path.
    /// </summary>
    public const string WorkerProfile = "staffing_v_worker_profile";

    /// <summary>Rotation requests not yet decided (draft or submitted). Columns: rotation_request_id, worker_id, from_posting_id, to_post_id, status.</summary>
    public const string OpenRotations = "staffing_v_open_rotations";
}
