using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CommunityWorkforce.Architecture.Tests;

/// <summary>Microsoft's T-SQL parser, the same one SSMS uses, as the stand-in for a SQL Server we cannot run.</summary>
internal static partial class TSql
{
    public static TSqlFragment Parse(string sql, out IList<ParseError> errors)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        return parser.Parse(reader, out errors);
    }

    /// <summary>Splits a script into batches on lines that hold only <c>GO</c>, as sqlcmd and DbUp do.</summary>
    public static IReadOnlyList<string> Batches(string script) =>
        GoLine().Split(script).Where(b => !string.IsNullOrWhiteSpace(b)).ToList();

    public static string Describe(IEnumerable<ParseError> errors) =>
        string.Join("; ", errors.Select(e => $"line {e.Line}, col {e.Column}: {e.Message}"));

    /// <summary>The tables and views a fragment reads or writes, and the objects it creates.</summary>
    public static SchemaObjects ObjectsOf(TSqlFragment fragment)
    {
        var visitor = new SchemaObjects();
        fragment.Accept(visitor);
        return visitor;
    }

    [GeneratedRegex(@"^[ \t]*GO[ \t]*(?:--[^\r\n]*)?\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}

internal sealed class SchemaObjects : TSqlFragmentVisitor
{
    private readonly List<SchemaObjectName> _named = [];
    private readonly HashSet<string> _localNames = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names of created objects with their kind (table, view, index, trigger, procedure, function, ...).</summary>
    public List<(string Kind, string Name)> Created { get; } = [];

    /// <summary>Tables and views named in FROM, JOIN, INSERT/UPDATE/DELETE/MERGE targets, REFERENCES and index ON.</summary>
    public IReadOnlyList<string> Referenced =>
        _named.Where(n => n.SchemaIdentifier is not null || !_localNames.Contains(n.BaseIdentifier.Value))
            .Select(n => n.BaseIdentifier.Value)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    public override void Visit(NamedTableReference node) => _named.Add(node.SchemaObject);

    // Aliases and CTE names appear as NamedTableReference too (UPDATE u ... FROM t u; WITH x AS (...) SELECT FROM x).
    public override void Visit(TableReferenceWithAlias node)
    {
        if (node.Alias is not null)
        {
            _localNames.Add(node.Alias.Value);
        }
    }

    public override void Visit(CommonTableExpression node) => _localNames.Add(node.ExpressionName.Value);

    public override void Visit(ForeignKeyConstraintDefinition node) => _named.Add(node.ReferenceTableName);

    public override void Visit(CreateTableStatement node) => Created.Add(("table", node.SchemaObjectName.BaseIdentifier.Value));

    public override void Visit(CreateViewStatement node) => Created.Add(("view", node.SchemaObjectName.BaseIdentifier.Value));

    public override void Visit(CreateOrAlterViewStatement node) => Created.Add(("view", node.SchemaObjectName.BaseIdentifier.Value));

    public override void Visit(CreateIndexStatement node)
    {
        Created.Add(("index", node.Name.Value));
        _named.Add(node.OnName);
    }

    public override void Visit(IndexDefinition node)
    {
        if (node.Name is not null)
        {
            Created.Add(("index", node.Name.Value));
        }
    }

    public override void Visit(CreateTriggerStatement node) => Created.Add(("trigger", node.Name.BaseIdentifier.Value));

    public override void Visit(CreateProcedureStatement node) =>
        Created.Add(("procedure", node.ProcedureReference.Name.BaseIdentifier.Value));

    public override void Visit(CreateFunctionStatement node) => Created.Add(("function", node.Name.BaseIdentifier.Value));

    public override void Visit(CreateSequenceStatement node) => Created.Add(("sequence", node.Name.BaseIdentifier.Value));

    public override void Visit(AlterTableStatement node) => _named.Add(node.SchemaObjectName);
}
