-- Assessments still open (the to-dos "self-assessment waiting" and "supervisor assessment waiting" and their lists): found
-- by status instead of reading every assessment of the scope (a city holds 60,000 finalised ones).
CREATE INDEX ix_competency_assessments_status ON competency_assessments (status, campaign_id);
