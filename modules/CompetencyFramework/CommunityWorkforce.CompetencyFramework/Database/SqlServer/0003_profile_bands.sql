-- A post type may have one requirement profile per level band (三岗十八级: staff 1–6 and 7–12 may require different
-- levels), so the key is no longer unique on (framework, post type, title): bands of one key must not overlap, which the
-- profile writes check under lock. The index stays for that check and for the lookup by post.
DROP INDEX ux_competency_profiles_key ON competency_profiles;
CREATE INDEX ix_competency_profiles_key ON competency_profiles (framework_id, post_type, post_title, level_from);
