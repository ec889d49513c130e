-- Open rotation requests (draft or submitted) for other modules' set-wise reads: Insights leaves out of its transfer
-- suggestions the workers already on their way somewhere.
CREATE VIEW staffing_v_open_rotations AS
SELECT r.id AS rotation_request_id, r.worker_id, r.from_posting_id, r.to_post_id, r.status
FROM staffing_rotation_requests r
WHERE r.status IN ('draft', 'submitted');
