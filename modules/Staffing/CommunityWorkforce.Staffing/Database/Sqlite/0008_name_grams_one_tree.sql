-- Name n-grams stored in their search order: the table is its (gram, street, status, staff number, worker) key
-- (WITHOUT ROWID) instead of a rowid table with a primary-key index and a scope index that repeated the same columns.
-- Each n-gram written is three b-tree entries instead of five: a new worker has about ten (an import of 10,000 rows
-- wrote half its entries there), and the name search reads the same keys from a table half the size.
CREATE TABLE staffing_worker_name_grams_new (
    gram        TEXT NOT NULL,
    street_path TEXT NOT NULL COLLATE NOCASE,
    status      TEXT NOT NULL,
    staff_no    TEXT NOT NULL,
    worker_id   TEXT NOT NULL REFERENCES staffing_workers (id),
    PRIMARY KEY (gram, street_path, status, staff_no, worker_id)
) WITHOUT ROWID;
INSERT INTO staffing_worker_name_grams_new (gram, street_path, status, staff_no, worker_id)
SELECT gram, street_path, status, staff_no, worker_id FROM staffing_worker_name_grams;
DROP TABLE staffing_worker_name_grams;
ALTER TABLE staffing_worker_name_grams_new RENAME TO staffing_worker_name_grams;
CREATE INDEX ix_staffing_worker_name_grams_worker_id ON staffing_worker_name_grams (worker_id);
CREATE INDEX ix_staffing_worker_name_grams_staff_no ON staffing_worker_name_grams (gram, staff_no, street_path, status, worker_id);
