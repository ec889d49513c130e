-- Name n-grams stored in their search order: the clustered key is (gram, street, status, staff number, worker) instead
-- of (gram, path, worker) with a scope index that repeated the same columns. Each n-gram written is three b-tree
-- entries instead of four, and the name search reads the same keys. A street path is at most three codes of 20.
CREATE TABLE staffing_worker_name_grams_new (
    gram        NVARCHAR(4) NOT NULL,
    street_path NVARCHAR(100) NOT NULL,
    status      NVARCHAR(20) NOT NULL,
    staff_no    NVARCHAR(20) NOT NULL,
    worker_id   UNIQUEIDENTIFIER NOT NULL REFERENCES staffing_workers (id),
    PRIMARY KEY (gram, street_path, status, staff_no, worker_id)
);
GO
INSERT INTO staffing_worker_name_grams_new (gram, street_path, status, staff_no, worker_id)
SELECT gram, street_path, status, staff_no, worker_id FROM staffing_worker_name_grams;
DROP TABLE staffing_worker_name_grams;
EXEC sp_rename 'staffing_worker_name_grams_new', 'staffing_worker_name_grams';
GO
CREATE INDEX ix_staffing_worker_name_grams_worker_id ON staffing_worker_name_grams (worker_id);
CREATE INDEX ix_staffing_worker_name_grams_staff_no ON staffing_worker_name_grams (gram, staff_no, street_path, status, worker_id);
