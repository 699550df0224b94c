-- Schema version 3 (issue #18: problems to coordinate, 督办).
-- problems: a problem a project (or its milestone / challenge / team) raised for the office to
--   coordinate (问题协调清单), handed to one lead responsible unit (others assisting) with a
--   时限 (due_date), and chased through 提出 → 交办 → 签收 → 办理中 → 办结 (with 退回, 挂起).
--   code: the 督办单's number; progress: 办理情况 as last reported; result: 办理结果 (needed by 办结).
-- problem_events: the problem's history, one record per status change (like challenge_events):
--   when (date and at), who (unit and person), and a note (退回's reason, 办结's result …).
CREATE TABLE problems (
  id TEXT PRIMARY KEY NOT NULL,
  code TEXT,
  project_id TEXT REFERENCES projects(id) DEFERRABLE INITIALLY DEFERRED,
  milestone_id TEXT REFERENCES milestones(id) DEFERRABLE INITIALLY DEFERRED,
  challenge_id TEXT REFERENCES challenges(id) DEFERRABLE INITIALLY DEFERRED,
  team_id TEXT REFERENCES teams(id) DEFERRABLE INITIALLY DEFERRED,
  description TEXT,
  request TEXT,
  raised_by_unit_id TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
  raised_by TEXT,
  raised_on TEXT,
  assigned_by_unit_id TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
  responsible_unit_id TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
  assisting_unit_ids TEXT,
  due_date TEXT,
  status TEXT,
  progress TEXT,
  result TEXT,
  closed_on TEXT,
  notes TEXT,
  is_example INTEGER,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_problems_project_id ON problems(project_id);
CREATE INDEX idx_problems_milestone_id ON problems(milestone_id);
CREATE INDEX idx_problems_challenge_id ON problems(challenge_id);
CREATE INDEX idx_problems_team_id ON problems(team_id);
CREATE INDEX idx_problems_raised_by_unit_id ON problems(raised_by_unit_id);
CREATE INDEX idx_problems_assigned_by_unit_id ON problems(assigned_by_unit_id);
CREATE INDEX idx_problems_responsible_unit_id ON problems(responsible_unit_id);

CREATE TABLE problem_events (
  id TEXT PRIMARY KEY NOT NULL,
  problem_id TEXT REFERENCES problems(id) DEFERRABLE INITIALLY DEFERRED,
  from_status TEXT,
  to_status TEXT,
  date TEXT,
  at TEXT,
  by_unit_id TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
  by_person TEXT,
  note TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_hlc TEXT NOT NULL,
  cell_clocks TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX idx_problem_events_problem_id ON problem_events(problem_id);
CREATE INDEX idx_problem_events_by_unit_id ON problem_events(by_unit_id);
