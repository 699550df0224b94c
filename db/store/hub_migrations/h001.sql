-- The hub's first schema (kechuang hub init). Changesets as each site pushed them, in the order
-- the hub accepted them (cursor); rows as stored in the sites' files (JSON); which units own
-- which records; which PostgreSQL role writes for which units.
CREATE TABLE kc_changesets (
  cursor bigserial PRIMARY KEY,
  site_id text NOT NULL CHECK (site_id ~ '^[0-9a-f]{16}$'),
  seq integer NOT NULL CHECK (seq > 0),
  pushed_by name NOT NULL DEFAULT current_user,
  pushed_at timestamptz NOT NULL DEFAULT now(),
  manifest jsonb NOT NULL,
  UNIQUE (site_id, seq)
);
CREATE TABLE kc_rows (
  cursor bigint NOT NULL REFERENCES kc_changesets(cursor),
  kind text NOT NULL,
  row_id text NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (cursor, kind, row_id)
);
CREATE INDEX kc_rows_record ON kc_rows(kind, row_id, cursor);
CREATE TABLE kc_unit_roles (
  role_name name NOT NULL,
  unit_id text NOT NULL,
  PRIMARY KEY (role_name, unit_id)
);
CREATE TABLE kc_owners (
  kind text NOT NULL,
  row_id text NOT NULL,
  unit_ids text[] NOT NULL,
  PRIMARY KEY (kind, row_id)
);

CREATE FUNCTION kc_ids(v text) RETURNS text[] LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN v IS NULL OR v = '' THEN '{}'::text[] ELSE ARRAY[v] END $$;

CREATE FUNCTION kc_list(v text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF v IS NULL OR v = '' THEN RETURN '{}'; END IF;
  RETURN ARRAY(SELECT jsonb_array_elements_text(v::jsonb));
EXCEPTION WHEN others THEN RETURN '{}';
END $$;

CREATE FUNCTION kc_owner(k text, r text) RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT coalesce((SELECT unit_ids FROM kc_owners WHERE kind = k AND row_id = r), '{}'::text[]) $$;

-- The units a row says it belongs to: a project its lead and responsible units, a challenge its
-- issuer, a team its unit and its challenge's owners; children their parent's owners.
-- Units and settings (and kinds this version does not know) belong to the office alone.
CREATE FUNCTION kc_claim(k text, data jsonb) RETURNS text[] LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
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
    ELSE RETURN '{}';
  END CASE;
END $$;

-- May `who` write this row? The office may write anything; a unit's role only rows of its
-- slice: the row must name one of its units, and a record the hub already knows must belong
-- to one of its units (a unit cannot take over another unit's project by renaming its lead).
CREATE FUNCTION kc_may_write(who name, k text, r text, data jsonb) RETURNS boolean LANGUAGE plpgsql
STABLE SECURITY DEFINER AS $$
DECLARE
  mine text[];
  existing text[];
BEGIN
  IF pg_has_role(who, 'kc_office', 'MEMBER') THEN RETURN true; END IF;
  SELECT array_agg(unit_id) INTO mine FROM kc_unit_roles WHERE role_name = who;
  IF mine IS NULL THEN RETURN false; END IF;
  SELECT unit_ids INTO existing FROM kc_owners WHERE kind = k AND row_id = r;
  IF existing IS NOT NULL AND NOT (existing && mine) THEN RETURN false; END IF;
  RETURN kc_claim(k, data) && mine;
END $$;

CREATE FUNCTION kc_own_changeset(who name, c bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT EXISTS (SELECT 1 FROM kc_changesets WHERE cursor = c AND pushed_by = who) $$;

-- A site id belongs to the role that first pushed it: no role pushes in another's name.
CREATE FUNCTION kc_site_free(who name, s text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS
$$ SELECT NOT EXISTS (SELECT 1 FROM kc_changesets WHERE site_id = s AND pushed_by <> who) $$;

CREATE FUNCTION kc_note_owner() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  claimed text[] := kc_claim(NEW.kind, NEW.data);
BEGIN
  IF cardinality(claimed) > 0 THEN
    INSERT INTO kc_owners(kind, row_id, unit_ids) VALUES (NEW.kind, NEW.row_id, claimed)
      ON CONFLICT (kind, row_id) DO UPDATE SET unit_ids = excluded.unit_ids;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER kc_rows_owner AFTER INSERT ON kc_rows FOR EACH ROW EXECUTE FUNCTION kc_note_owner();

ALTER TABLE kc_changesets ENABLE ROW LEVEL SECURITY;
ALTER TABLE kc_rows ENABLE ROW LEVEL SECURITY;
CREATE POLICY kc_changesets_read ON kc_changesets FOR SELECT USING (true);
CREATE POLICY kc_changesets_push ON kc_changesets FOR INSERT
  WITH CHECK (pushed_by = current_user AND kc_site_free(current_user, site_id));
CREATE POLICY kc_rows_read ON kc_rows FOR SELECT USING (true);
CREATE POLICY kc_rows_push ON kc_rows FOR INSERT
  WITH CHECK (kc_own_changeset(current_user, cursor) AND kc_may_write(current_user, kind, row_id, data));

GRANT SELECT ON kc_changesets, kc_rows, kc_unit_roles, kc_owners TO kc_office, kc_unit;
GRANT INSERT ON kc_changesets, kc_rows TO kc_office, kc_unit;
GRANT USAGE ON SEQUENCE kc_changesets_cursor_seq TO kc_office, kc_unit;
