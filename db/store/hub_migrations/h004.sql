-- Pin the search path of every SECURITY DEFINER function (h001–h003 left them with the caller's).
-- A later step that redefines one (CREATE OR REPLACE) must pin it again: test_hub_security checks.
-- Unpinned, a unit's role could shadow a table they read — e.g. a TEMP TABLE kc_unit_roles
-- naming another unit (pg_temp is searched first for tables) — and so pass the row-level
-- check for another unit's records. Pinned to the hub's own schema, with pg_temp last.
-- A migration of its own, not an edit of h001–h003: hubs already initialised run only this.
DO $$
DECLARE
  hub_schema text := (SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE c.oid = 'kc_changesets'::regclass);
  f regprocedure;
BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
           WHERE p.pronamespace = hub_schema::regnamespace AND p.prosecdef AND p.proname LIKE 'kc\_%'
  LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, hub_schema);
  END LOOP;
END $$;
-- Only the hub's roles run them (the row-level policies call them as the pushing role).
REVOKE EXECUTE ON FUNCTION kc_owner(text, text), kc_claim(text, jsonb), kc_may_write(name, text, text, jsonb),
  kc_own_changeset(name, bigint), kc_site_free(name, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kc_owner(text, text), kc_claim(text, jsonb), kc_may_write(name, text, text, jsonb),
  kc_own_changeset(name, bigint), kc_site_free(name, text) TO kc_office, kc_unit;
