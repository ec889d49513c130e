-- 后备干部: nominations and their review, membership changes (extend, periodic review, end) and a development plan per
-- member. A worker is nominated or in the pool at most once at a time (the filtered unique index backs the conditional insert).
ALTER TABLE career_reserve_members ADD nomination_reason NVARCHAR(1000) NULL,
    nominated_by NVARCHAR(100) NULL,
    decided_by NVARCHAR(100) NULL,
    decided_at DATETIMEOFFSET NULL,
    decision_note NVARCHAR(1000) NULL,
    ended_on DATE NULL,
    end_reason NVARCHAR(1000) NULL;
GO
CREATE UNIQUE INDEX ux_career_reserve_members_open ON career_reserve_members (worker_id) WHERE status IN ('nominated', 'active');

INSERT INTO career_settings (setting_key, value, updated_at) VALUES ('reserve.term_years', '2', '2026-12-01T00:00:00+00:00');
INSERT INTO career_settings (setting_key, value, updated_at) VALUES ('reserve.review_months', '6', '2026-12-01T00:00:00+00:00');

-- outcome: ready (可提任) | developing (继续培养) | concern (需关注)
CREATE TABLE career_reserve_reviews (
    id              UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    member_id       UNIQUEIDENTIFIER NOT NULL REFERENCES career_reserve_members (id),
    reviewed_on     DATE NOT NULL,
    outcome         NVARCHAR(40) NOT NULL,
    note            NVARCHAR(1000) NULL,
    next_review_on  DATE NOT NULL,
    reviewed_by     NVARCHAR(100) NOT NULL,
    created_at      DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_career_reserve_reviews_member ON career_reserve_reviews (member_id, reviewed_on);

-- kind: course (a Training course) | rotation (a Staffing post to rotate into); status: planned | done | cancelled
CREATE TABLE career_reserve_plan_items (
    id           UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    member_id    UNIQUEIDENTIFIER NOT NULL REFERENCES career_reserve_members (id),
    org_path     NVARCHAR(400) NOT NULL,
    kind         NVARCHAR(20) NOT NULL,
    course_id    UNIQUEIDENTIFIER NULL,
    post_id      UNIQUEIDENTIFIER NULL,
    title        NVARCHAR(200) NOT NULL,
    due_on       DATE NOT NULL,
    status       NVARCHAR(20) NOT NULL DEFAULT 'planned',
    note         NVARCHAR(1000) NULL,
    version      INT NOT NULL DEFAULT 1,
    created_by   NVARCHAR(100) NOT NULL,
    created_at   DATETIMEOFFSET NOT NULL,
    updated_at   DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_career_reserve_plan_items_member ON career_reserve_plan_items (member_id, due_on);
CREATE INDEX ix_career_reserve_plan_items_path ON career_reserve_plan_items (org_path);
GO
