-- Schema version 4 (issue #18: 佐证材料 / 形象进度 photos).
-- attachments: a synced record kind, one file attached to a project, milestone, problem, review
--   or team (exactly one of the five references); its content is the blob named by sha256.
-- blobs: the files' bytes, content-addressed by SHA-256 (one row per distinct content, however
--   many attachments name it), with the size and media type told by content and, for images, a
--   thumbnail (PNG) made here. Not a synced kind: an exchange file carries the blobs its
--   attachments name, and a merge adds them by hash.
CREATE TABLE attachments (
  id TEXT PRIMARY KEY NOT NULL,
  project_id TEXT REFERENCES projects(id) DEFERRABLE INITIALLY DEFERRED,
  milestone_id TEXT REFERENCES milestones(id) DEFERRABLE INITIALLY DEFERRED,
  problem_id TEXT REFERENCES problems(id) DEFERRABLE INITIALLY DEFERRED,
  review_id TEXT REFERENCES reviews(id) DEFERRABLE INITIALLY DEFERRED,
  team_id TEXT REFERENCES teams(id) DEFERRABLE INITIALLY DEFERRED,
  name TEXT,
  sha256 TEXT,
  media_type TEXT,
  size INTEGER,
  taken_on TEXT,
  added_on TEXT,
  note TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_attachments_project_id ON attachments(project_id);
CREATE INDEX idx_attachments_milestone_id ON attachments(milestone_id);
CREATE INDEX idx_attachments_problem_id ON attachments(problem_id);
CREATE INDEX idx_attachments_review_id ON attachments(review_id);
CREATE INDEX idx_attachments_team_id ON attachments(team_id);
CREATE INDEX idx_attachments_sha256 ON attachments(sha256);

CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY NOT NULL,
  size INTEGER NOT NULL,
  media_type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  thumbnail BLOB
);
