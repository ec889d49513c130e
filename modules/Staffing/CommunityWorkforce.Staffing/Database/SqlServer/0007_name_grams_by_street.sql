-- Name n-grams carry the worker's street (their org path cut after the street: the unit's own path for a street or
-- wider), no longer their unit's path: a move within a street (every rotation a street's leader approves) leaves them
-- as they are, instead of moving each n-gram in three indexes. A search scoped below a street checks the worker's path.
EXEC sp_rename 'staffing_worker_name_grams.org_path', 'street_path', 'COLUMN';
GO
UPDATE g SET street_path = p.path
FROM staffing_worker_name_grams g
JOIN staffing_org_units u ON u.path = g.street_path
JOIN staffing_org_units p ON p.id = u.parent_id
WHERE u.depth > 3;
