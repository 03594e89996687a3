-- Her first steps in her safe (issue 17, items 4 and 5): the version of the terms and
-- information page she accepted and when (CPCE R55-1: shown before she uses her safe, again
-- once at her next login when a new version is published), and when she finished or skipped
-- the first visit guide. One row per safe, made at her first acceptance; the history of
-- acceptances is in her journal (`terms_accepted`).
CREATE TABLE onboarding (
    beneficiary_id TEXT PRIMARY KEY REFERENCES beneficiaries (id) ON DELETE CASCADE,
    terms_version TEXT,
    terms_accepted_at INTEGER,
    guide_done_at INTEGER
);
