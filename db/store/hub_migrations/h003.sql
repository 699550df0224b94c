-- The hub's third step (schema v4, issue #18): attachments (佐证材料) and their files. An
-- attachment belongs to the owners of the record it is attached to. The files' bytes are kept
-- once per SHA-256 in kc_blobs (named by their hash, which the hub checks, as it checks the size
-- cap), written by whoever pushes an attachment naming them; a unit's role may add bytes but not
-- change any (a blob's name is its content). Everything else as h001/h002 said. Re-runnable (a
-- hub whose record of this step was lost is brought up again by `hub init`).
CREATE OR REPLACE FUNCTION kc_claim(k text, data jsonb) RETURNS text[] LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
DECLARE
  v jsonb := data -> 'values';
  parent text[];
BEGIN
  CASE k
    WHEN 'projects' THEN RETURN kc_ids(v ->> 'lead_unit_id') || kc_list(v ->> 'responsible_unit_ids');
    WHEN 'challenges' THEN RETURN kc_ids(v ->> 'issuer_unit_id');
    WHEN 'teams' THEN RETURN kc_ids(v ->> 'unit_id') || kc_owner('challenges', v ->> 'challenge_id');
    WHEN 'milestones' THEN
      parent := kc_owner('projects', v ->> 'project_id') || kc_owner('teams', v ->> 'team_id');
      IF cardinality(parent) > 0 THEN RETURN parent; END IF;
      RETURN kc_ids(v ->> 'owner_unit_id');
    WHEN 'replans' THEN RETURN kc_owner('milestones', v ->> 'milestone_id');
    WHEN 'challenge_events' THEN RETURN kc_owner('challenges', v ->> 'challenge_id');
    WHEN 'reviews' THEN RETURN kc_owner('teams', v ->> 'team_id');
    WHEN 'tranches' THEN RETURN kc_owner('teams', v ->> 'team_id');
    WHEN 'indicators' THEN RETURN kc_ids(v ->> 'owner_unit_id');
    WHEN 'indicator_values' THEN RETURN kc_owner('indicators', v ->> 'indicator_id');
    WHEN 'problems' THEN
      RETURN kc_owner('projects', v ->> 'project_id') || kc_ids(v ->> 'responsible_unit_id')
             || kc_list(v ->> 'assisting_unit_ids');
    WHEN 'problem_events' THEN RETURN kc_owner('problems', v ->> 'problem_id');
    WHEN 'attachments' THEN
      RETURN kc_owner('projects', v ->> 'project_id') || kc_owner('milestones', v ->> 'milestone_id')
             || kc_owner('problems', v ->> 'problem_id') || kc_owner('reviews', v ->> 'review_id')
             || kc_owner('teams', v ->> 'team_id');
    ELSE RETURN '{}';
  END CASE;
END $$;

CREATE TABLE IF NOT EXISTS kc_blobs (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size integer NOT NULL CHECK (size > 0 AND size <= 20971520),
  media_type text NOT NULL CHECK (length(media_type) < 100),
  bytes bytea NOT NULL,
  pushed_by name NOT NULL DEFAULT current_user,
  pushed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (octet_length(bytes) = size),
  CHECK (encode(sha256(bytes), 'hex') = sha256)
);
ALTER TABLE kc_blobs ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS kc_blobs_read ON kc_blobs;
DROP POLICY IF EXISTS kc_blobs_push ON kc_blobs;
CREATE POLICY kc_blobs_read ON kc_blobs FOR SELECT USING (true);
CREATE POLICY kc_blobs_push ON kc_blobs FOR INSERT WITH CHECK (pushed_by = current_user);
GRANT SELECT, INSERT ON kc_blobs TO kc_office, kc_unit;
