-- How far each site has pulled (its cursor), noted by the site itself at the end of every pull,
-- so that `kechuang hub compact` can prune row versions every site has pulled past. A site
-- with no row here (not pulled since h003) counts as having pulled nothing: nothing it could
-- still need is pruned. Re-runnable, like h003.
CREATE TABLE IF NOT EXISTS kc_site_cursors (
  site_id text PRIMARY KEY CHECK (site_id ~ '^[0-9a-f]{16}$'),
  role_name name NOT NULL DEFAULT current_user,
  cursor bigint NOT NULL CHECK (cursor >= 0),
  noted_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE kc_site_cursors ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS kc_site_cursors_read ON kc_site_cursors;
DROP POLICY IF EXISTS kc_site_cursors_note ON kc_site_cursors;
DROP POLICY IF EXISTS kc_site_cursors_move ON kc_site_cursors;
CREATE POLICY kc_site_cursors_read ON kc_site_cursors FOR SELECT USING (true);
CREATE POLICY kc_site_cursors_note ON kc_site_cursors FOR INSERT
  WITH CHECK (role_name = current_user AND kc_site_free(current_user, site_id));
CREATE POLICY kc_site_cursors_move ON kc_site_cursors FOR UPDATE
  USING (role_name = current_user) WITH CHECK (role_name = current_user);
GRANT SELECT, INSERT, UPDATE ON kc_site_cursors TO kc_office, kc_unit;

-- Does row version `newer` hold every cell of `older` at the same or a later clock? (A cell's
-- clock is its entry in cell_clocks, else the row's created_hlc — as in the sites' files.)
CREATE OR REPLACE FUNCTION kc_dominates(newer jsonb, older jsonb) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  n jsonb;
  o jsonb;
BEGIN
  n := coalesce(nullif(newer ->> 'cell_clocks', '')::jsonb, '{}');
  o := coalesce(nullif(older ->> 'cell_clocks', '')::jsonb, '{}');
  IF coalesce(older ->> 'created_hlc', '') > coalesce(newer ->> 'created_hlc', '') THEN RETURN false; END IF;
  RETURN NOT EXISTS (SELECT 1 FROM jsonb_each_text(o) c
                     WHERE c.value > coalesce(n ->> c.key, newer ->> 'created_hlc', ''));
EXCEPTION WHEN others THEN RETURN false;
END $$;
