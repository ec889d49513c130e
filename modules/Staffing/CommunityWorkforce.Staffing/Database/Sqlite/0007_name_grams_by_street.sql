-- Name n-grams carry the worker's street (their org path cut after the street: the unit's own path for a street or
-- wider), no longer their unit's path: a move within a street (every rotation a street's leader approves) leaves them
-- as they are, instead of moving each n-gram in three indexes. A search scoped below a street checks the worker's path.
ALTER TABLE staffing_worker_name_grams RENAME COLUMN org_path TO street_path;
UPDATE staffing_worker_name_grams
SET street_path = (SELECT p.path FROM staffing_org_units u JOIN staffing_org_units p ON p.id = u.parent_id
                   WHERE u.path = staffing_worker_name_grams.street_path)
WHERE street_path IN (SELECT path FROM staffing_org_units WHERE depth > 3);
