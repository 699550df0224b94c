-- Schema version 2 (issue #17: plans have periods; the whole of the plans).
-- projects.entry_type: 项目 / 专项计划 / 规划任务 — a programme or a task line of a plan is kept as
--   what the plan calls it and is not counted as a project in the overview.
-- projects.partner_unit_ids: 合作/共建单位, apart from the lead and responsible units.
-- milestones.carried_from_id / indicators.carried_from_id: the target of an ended plan this one
--   was carried over from (转入新规划), so the link between the two plans is kept.
-- indicators.outcome / outcome_date: what an office recorded about a target whose plan has ended
--   (已完成 / 未完成 / 转入新规划) and when.
ALTER TABLE projects ADD COLUMN entry_type TEXT;
ALTER TABLE projects ADD COLUMN partner_unit_ids TEXT;
ALTER TABLE milestones ADD COLUMN carried_from_id TEXT REFERENCES milestones(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE indicators ADD COLUMN outcome TEXT;
ALTER TABLE indicators ADD COLUMN outcome_date TEXT;
ALTER TABLE indicators ADD COLUMN carried_from_id TEXT REFERENCES indicators(id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX idx_milestones_carried_from_id ON milestones(carried_from_id);
CREATE INDEX idx_indicators_carried_from_id ON indicators(carried_from_id);
