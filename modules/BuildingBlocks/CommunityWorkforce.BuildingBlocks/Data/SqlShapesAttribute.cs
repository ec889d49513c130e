namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>
/// Marks a static method returning <c>IEnumerable&lt;(string Name, string Sql)&gt;</c>: every SQL text a query builder can
/// write (one per shape family). The architecture tests read these like SQL constants — table ownership, SQL Server
/// parse — so SQL assembled at run time is held to the same rules as SQL written out.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqlShapesAttribute : Attribute;
