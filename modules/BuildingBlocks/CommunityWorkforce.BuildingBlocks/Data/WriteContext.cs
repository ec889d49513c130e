using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Security;

namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>
/// What every write handler is given, as one <c>[AsParameters] WriteContext write</c>: the unit of work, the caller, the
/// audit writer and the clock. A handler deconstructs it (<c>var (db, user, audit, clock) = write;</c>) and follows the
/// one write shape: check visibility before the transaction; inside it re-check what may have changed in one
/// statement (a conditional write or a read under <c>{updlock}</c>), write, audit, commit; read back after commit.
/// </summary>
public sealed record WriteContext(DbSession Db, CurrentUser User, AuditWriter Audit, TimeProvider Clock);
