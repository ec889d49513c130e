-- 后备干部: nominations and their review, membership changes (extend, periodic review, end) and a development plan per
-- member. A worker is nominated or in the pool at most once at a time (the partial unique index backs the conditional insert).
ALTER TABLE career_reserve_members ADD COLUMN nomination_reason TEXT NULL;
ALTER TABLE career_reserve_members ADD COLUMN nominated_by TEXT NULL;
ALTER TABLE career_reserve_members ADD COLUMN decided_by TEXT NULL;
ALTER TABLE career_reserve_members ADD COLUMN decided_at TEXT NULL;
ALTER TABLE career_reserve_members ADD COLUMN decision_note TEXT NULL;
ALTER TABLE career_reserve_members ADD COLUMN ended_on TEXT NULL;
ALTER TABLE career_reserve_members ADD COLUMN end_reason TEXT NULL;
CREATE UNIQUE INDEX ux_career_reserve_members_open ON career_reserve_members (worker_id) WHERE status IN ('nominated', 'active');

INSERT INTO career_settings (setting_key, value, updated_at) VALUES ('reserve.term_years', '2', '2026-12-01T00:00:00+00:00');
INSERT INTO career_settings (setting_key, value, updated_at) VALUES ('reserve.review_months', '6', '2026-12-01T00:00:00+00:00');

-- outcome: ready (可提任) | developing (继续培养) | concern (需关注)
CREATE TABLE career_reserve_reviews (
    id              TEXT NOT NULL PRIMARY KEY,
    member_id       TEXT NOT NULL REFERENCES career_reserve_members (id),
    reviewed_on     TEXT NOT NULL,
    outcome         TEXT NOT NULL,
    note            TEXT NULL,
    next_review_on  TEXT NOT NULL,
    reviewed_by     TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX ix_career_reserve_reviews_member ON career_reserve_reviews (member_id, reviewed_on);

-- kind: course (a Training course) | rotation (a Staffing post to rotate into); status: planned | done | cancelled
CREATE TABLE career_reserve_plan_items (
    id           TEXT NOT NULL PRIMARY KEY,
    member_id    TEXT NOT NULL REFERENCES career_reserve_members (id),
    org_path     TEXT NOT NULL,
    kind         TEXT NOT NULL,
    course_id    TEXT NULL,
    post_id      TEXT NULL,
    title        TEXT NOT NULL,
    due_on       TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'planned',
    note         TEXT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX ix_career_reserve_plan_items_member ON career_reserve_plan_items (member_id, due_on);
CREATE INDEX ix_career_reserve_plan_items_path ON career_reserve_plan_items (org_path);
