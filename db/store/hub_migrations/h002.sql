-- The hub's second step (schema v3, issue #18): problems (问题/督办) and their history. A problem
-- belongs to its project's units and to the units responsible for it (lead and assisting), so
-- a unit handed a problem on another's project can sign for it and close it; its events belong
-- to the problem's owners. Everything else as h001 said.
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
    ELSE RETURN '{}';
  END CASE;
END $$;
