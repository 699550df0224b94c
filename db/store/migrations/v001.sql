-- Schema version 1 of the 科创项目台账 portfolio file. Frozen once released: later versions
-- add numbered upgrade steps (vNNN.sql) and never edit an earlier one.
-- Synced tables: UUID id, the fields, and the merge bookkeeping (deleted = tombstone cell,
-- created_hlc = clock of every cell not listed in cell_clocks, cell_clocks = JSON {column: clock}).

CREATE TABLE units (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT,
  short_name TEXT,
  kind TEXT,
  parent_id TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
  region TEXT,
  contact TEXT,
  notes TEXT,
  builtin_key TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_units_parent_id ON units(parent_id);

CREATE TABLE projects (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT,
  code TEXT,
  category TEXT,
  level TEXT,
  lead_unit_id TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
  responsible_unit_ids TEXT,
  zone TEXT,
  domain TEXT,
  stage TEXT,
  phase TEXT,
  total_investment REAL,
  invested_to_date REAL,
  annual_plan_investment REAL,
  annual_invested REAL,
  planned_start TEXT,
  planned_finish TEXT,
  actual_start TEXT,
  actual_finish TEXT,
  summary TEXT,
  tags TEXT,
  notes TEXT,
  is_example INTEGER,
  source_doc TEXT,
  source_ref TEXT,
  source_text TEXT,
  builtin_key TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_projects_lead_unit_id ON projects(lead_unit_id);

CREATE TABLE milestones (
  id TEXT PRIMARY KEY NOT NULL,
  project_id TEXT REFERENCES projects(id) DEFERRABLE INITIALLY DEFERRED,
  team_id TEXT REFERENCES teams(id) DEFERRABLE INITIALLY DEFERRED,
  name TEXT,
  deliverable TEXT,
  owner_unit_id TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
  weight REAL,
  baseline_date TEXT,
  planned_date TEXT,
  actual_date TEXT,
  status TEXT,
  notes TEXT,
  is_example INTEGER,
  source_doc TEXT,
  source_ref TEXT,
  source_text TEXT,
  builtin_key TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_milestones_project_id ON milestones(project_id);
CREATE INDEX idx_milestones_team_id ON milestones(team_id);
CREATE INDEX idx_milestones_owner_unit_id ON milestones(owner_unit_id);

CREATE TABLE replans (
  id TEXT PRIMARY KEY NOT NULL,
  milestone_id TEXT REFERENCES milestones(id) DEFERRABLE INITIALLY DEFERRED,
  old_date TEXT,
  new_date TEXT,
  days INTEGER,
  reason TEXT,
  approved_by TEXT,
  recorded_at TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_replans_milestone_id ON replans(milestone_id);

CREATE TABLE challenges (
  id TEXT PRIMARY KEY NOT NULL,
  title TEXT,
  code TEXT,
  issue_mode TEXT,
  issuer_unit_id TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
  domain TEXT,
  summary TEXT,
  indicators TEXT,
  budget_fiscal REAL,
  budget_matching REAL,
  eligibility TEXT,
  publish_date TEXT,
  deadline TEXT,
  duration_months INTEGER,
  funding_mode TEXT,
  first_tranche_pct REAL,
  race_mode TEXT,
  race_slots INTEGER,
  stage TEXT,
  notes TEXT,
  is_example INTEGER,
  source_doc TEXT,
  source_ref TEXT,
  source_text TEXT,
  builtin_key TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_challenges_issuer_unit_id ON challenges(issuer_unit_id);

CREATE TABLE challenge_events (
  id TEXT PRIMARY KEY NOT NULL,
  challenge_id TEXT REFERENCES challenges(id) DEFERRABLE INITIALLY DEFERRED,
  from_stage TEXT,
  to_stage TEXT,
  date TEXT,
  note TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_challenge_events_challenge_id ON challenge_events(challenge_id);

CREATE TABLE teams (
  id TEXT PRIMARY KEY NOT NULL,
  challenge_id TEXT REFERENCES challenges(id) DEFERRABLE INITIALLY DEFERRED,
  unit_id TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
  name TEXT,
  leader TEXT,
  members TEXT,
  partner_unit_ids TEXT,
  route TEXT,
  requested_funds REAL,
  self_funds REAL,
  score REAL,
  rank INTEGER,
  status TEXT,
  pledge_signed_date TEXT,
  pledge_text TEXT,
  notes TEXT,
  is_example INTEGER,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_teams_challenge_id ON teams(challenge_id);
CREATE INDEX idx_teams_unit_id ON teams(unit_id);

CREATE TABLE reviews (
  id TEXT PRIMARY KEY NOT NULL,
  team_id TEXT REFERENCES teams(id) DEFERRABLE INITIALLY DEFERRED,
  milestone_id TEXT REFERENCES milestones(id) DEFERRABLE INITIALLY DEFERRED,
  date TEXT,
  result TEXT,
  score REAL,
  reviewers TEXT,
  note TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_reviews_team_id ON reviews(team_id);
CREATE INDEX idx_reviews_milestone_id ON reviews(milestone_id);

CREATE TABLE tranches (
  id TEXT PRIMARY KEY NOT NULL,
  team_id TEXT REFERENCES teams(id) DEFERRABLE INITIALLY DEFERRED,
  seq INTEGER,
  milestone_id TEXT REFERENCES milestones(id) DEFERRABLE INITIALLY DEFERRED,
  planned_amount REAL,
  planned_date TEXT,
  paid_amount REAL,
  paid_date TEXT,
  note TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_tranches_team_id ON tranches(team_id);
CREATE INDEX idx_tranches_milestone_id ON tranches(milestone_id);

CREATE TABLE indicators (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT,
  plan TEXT,
  table_title TEXT,
  seq TEXT,
  group_name TEXT,
  unit TEXT,
  attribute TEXT,
  direction TEXT,
  baseline_year INTEGER,
  baseline_value REAL,
  baseline_text TEXT,
  target_year INTEGER,
  target_value REAL,
  target_text TEXT,
  extra TEXT,
  owner_unit_id TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
  notes TEXT,
  source_doc TEXT,
  source_ref TEXT,
  source_text TEXT,
  builtin_key TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_indicators_owner_unit_id ON indicators(owner_unit_id);

CREATE TABLE indicator_values (
  id TEXT PRIMARY KEY NOT NULL,
  indicator_id TEXT REFERENCES indicators(id) DEFERRABLE INITIALLY DEFERRED,
  year INTEGER,
  value REAL,
  text TEXT,
  note TEXT,
  builtin_key TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_indicator_values_indicator_id ON indicator_values(indicator_id);

CREATE TABLE settings (
  id TEXT PRIMARY KEY NOT NULL,
  key TEXT,
  value TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);

-- Local tables (not merged).
CREATE TABLE meta (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT
);

-- Filled in exported files: format version, source site, exported at, filter used.
CREATE TABLE manifest (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT
);

-- The newest clock received from each other site (what we have seen of them).
CREATE TABLE peers (
  site_id TEXT PRIMARY KEY NOT NULL,
  last_hlc TEXT NOT NULL,
  last_merged_at TEXT
);

CREATE TABLE merge_history (
  id TEXT PRIMARY KEY NOT NULL,
  merged_at TEXT NOT NULL,
  source_file TEXT,
  source_site TEXT,
  backup_file TEXT,
  summary TEXT NOT NULL
);

-- Losing values of cells both sides changed since they last exchanged.
CREATE TABLE merge_conflicts (
  id TEXT PRIMARY KEY NOT NULL,
  merge_id TEXT REFERENCES merge_history(id),
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col TEXT NOT NULL,
  winner_value TEXT,
  winner_hlc TEXT NOT NULL,
  loser_value TEXT,
  loser_hlc TEXT NOT NULL,
  resolution TEXT
);
CREATE INDEX idx_merge_conflicts_row ON merge_conflicts(tbl, row_id);
