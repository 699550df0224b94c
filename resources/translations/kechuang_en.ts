<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AddPlansDialog</name>
    <message>
        <source>添加内置规划</source>
        <translation>Add built-in plans</translation>
    </message>
    <message>
        <source>所选规划的项目、里程碑和指标将加入当前组合；已有的记录不会重复加入，已删除的不会恢复。可以撤销。</source>
        <translation>The projects, milestones and indicators of the plans chosen are added to this portfolio; records it already holds are not added twice, deleted ones do not come back. This can be undone.</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>佐证材料（%1）%2</source>
        <translation>Evidence (%1) %2</translation>
    </message>
    <message>
        <source>拍摄日期 %1</source>
        <translation>Taken %1</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>照片和文件 (*.jpg *.jpeg *.png *.heic *.pdf *.docx *.xlsx);;所有文件 (*)</source>
        <translation>Photos and files (*.jpg *.jpeg *.png *.heic *.pdf *.docx *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>无法添加附件</source>
        <translation>Cannot add the attachment</translation>
    </message>
    <message>
        <source>添加附件“%1”</source>
        <translation>Add attachment “%1”</translation>
    </message>
    <message>
        <source>无法打开附件</source>
        <translation>Cannot open the attachment</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>无法保存附件</source>
        <translation>Cannot save the attachment</translation>
    </message>
    <message>
        <source>删除附件</source>
        <translation>Delete attachment</translation>
    </message>
    <message>
        <source>删除附件“%1”？可以撤销。</source>
        <translation>Delete the attachment “%1”? This can be undone.</translation>
    </message>
    <message>
        <source>删除附件“%1”</source>
        <translation>Delete attachment “%1”</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>自动备份保存在：%1</source>
        <translation>Automatic backups are kept in: %1</translation>
    </message>
    <message>
        <source>用所选备份恢复</source>
        <translation>Restore selected backup</translation>
    </message>
    <message>
        <source>合并前</source>
        <translation>Before merge</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <source>升级前</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <source>每日自动</source>
        <translation>Daily (automatic)</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>用“%1”替换当前组合？当前状态会先另行备份，可再恢复。</source>
        <translation>Replace the current portfolio with “%1”? The current state will be backed up first, so you can restore it later.</translation>
    </message>
</context>
<context>
    <name>BriefPreview</name>
    <message>
        <source>打印简报</source>
        <translation>Print Brief</translation>
    </message>
    <message>
        <source>%1年第%2周（%3—%4）</source>
        <translation>Week %2, %1 (%3–%4)</translation>
    </message>
    <message>
        <source>新一期</source>
        <translation>New issue</translation>
    </message>
    <message>
        <source>给所选周次的简报编下一个期号（保存或打印时记入）</source>
        <translation>Give the selected week&apos;s brief the next issue number (recorded when it is saved or printed)</translation>
    </message>
    <message>
        <source>栏目</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>周次</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>简报名称</source>
        <translation>Brief title</translation>
    </message>
    <message>
        <source>编印单位</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>期号</source>
        <translation>Issue number</translation>
    </message>
    <message>
        <source>字体</source>
        <translation>Font</translation>
    </message>
    <message>
        <source>报尾</source>
        <translation>Distribution list</translation>
    </message>
    <message>
        <source>报：</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>送：</source>
        <translation>Copy:</translation>
    </message>
    <message>
        <source>发：</source>
        <translation>Distribution:</translation>
    </message>
    <message>
        <source>保存PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>另存为 Word…</source>
        <translation>Save as Word…</translation>
    </message>
    <message>
        <source>保存为可编辑的 Word 文档（.docx），可在 WPS、Word 中修改后打印</source>
        <translation>Save as an editable Word document (.docx) to revise in WPS or Word before printing</translation>
    </message>
    <message>
        <source>附表另存为 Excel…</source>
        <translation>Save appendices as Excel…</translation>
    </message>
    <message>
        <source>各附表的完整清单（简报中每张附表只列前若干项）</source>
        <translation>The full list of every appendix (the brief prints only the first rows of each)</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>请至少选择一个栏目。</source>
        <translation>Please select at least one section.</translation>
    </message>
    <message>
        <source>正在生成简报…</source>
        <translation>Generating the brief…</translation>
    </message>
    <message>
        <source>%1 · 第%2期 · 共 %3 页</source>
        <translation>%1 · Issue %2 · %3 page(s)</translation>
    </message>
    <message>
        <source>生成简报失败：%1</source>
        <translation>Could not generate the brief: %1</translation>
    </message>
    <message>
        <source>本周次已签发为第%1期，重印保持期号</source>
        <translation>This week was issued as issue %1; a reprint keeps the number</translation>
    </message>
    <message>
        <source>上次签发：第%1期</source>
        <translation>Last issued: issue %1</translation>
    </message>
    <message>
        <source>尚未签发过简报</source>
        <translation>No brief issued yet</translation>
    </message>
    <message>
        <source>签发简报第%1期</source>
        <translation>Issue brief no. %1</translation>
    </message>
    <message>
        <source>%1第%2期（%3）</source>
        <translation>%1 Issue %2 (%3)</translation>
    </message>
    <message>
        <source>附表</source>
        <translation> appendices</translation>
    </message>
    <message>
        <source>保存简报</source>
        <translation>Save Brief</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>已保存：%1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>另存为 Word</source>
        <translation>Save as Word</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>附表另存为 Excel</source>
        <translation>Save appendices as Excel</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>保存失败：%1</source>
        <translation>Saving failed: %1</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>无法启动打印。</source>
        <translation>Cannot start printing.</translation>
    </message>
</context>
<context>
    <name>CarryDialog</name>
    <message>
        <source>转入新规划</source>
        <translation>Carry into a new plan</translation>
    </message>
    <message>
        <source>新增规划…</source>
        <translation>New plan…</translation>
    </message>
    <message>
        <source>如：高新区十五五科技规划</source>
        <translation>e.g. 高新区十五五科技规划</translation>
    </message>
    <message>
        <source>转入规划</source>
        <translation>Carry into</translation>
    </message>
    <message>
        <source>新规划名称</source>
        <translation>New plan&apos;s name</translation>
    </message>
    <message>
        <source>规划期起</source>
        <translation>Period from (year)</translation>
    </message>
    <message>
        <source>规划期止</source>
        <translation>Period to (year)</translation>
    </message>
    <message>
        <source>新目标计划日期</source>
        <translation>New targets&apos; planned date</translation>
    </message>
    <message>
        <source>新规划的规划期已结束，不能转入。</source>
        <translation>The new plan&apos;s period is already over; targets cannot be carried into it.</translation>
    </message>
</context>
<context>
    <name>ChallengeDetail</name>
    <message>
        <source>选择一个榜单查看详情；双击打开编辑。</source>
        <translation>Select a challenge to see its details; double-click to edit it.</translation>
    </message>
    <message>
        <source>榜额</source>
        <translation>Award</translation>
    </message>
    <message>
        <source>万元</source>
        <translation>× 10k CNY</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>编辑榜单</source>
        <translation>Edit challenge</translation>
    </message>
    <message>
        <source>推进阶段…</source>
        <translation>Advance stage…</translation>
    </message>
    <message>
        <source>揭榜方</source>
        <translation>Applicant teams</translation>
    </message>
    <message>
        <source>军令状与拨款</source>
        <translation>Pledges &amp;&amp; funding</translation>
    </message>
    <message>
        <source>里程碑考核</source>
        <translation>Milestone reviews</translation>
    </message>
    <message>
        <source>赛马</source>
        <translation>Parallel race</translation>
    </message>
    <message>
        <source>阶段记录</source>
        <translation>Stage history</translation>
    </message>
</context>
<context>
    <name>ChallengeEditor</name>
    <message>
        <source>技术指标（验收标准）</source>
        <translation>Technical indicators (acceptance criteria)</translation>
    </message>
    <message>
        <source>新建榜单</source>
        <translation>New challenge</translation>
    </message>
    <message>
        <source>修改榜单「%1」</source>
        <translation>Edit challenge “%1”</translation>
    </message>
</context>
<context>
    <name>ChallengeHistory</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>原阶段</source>
        <translation>Previous stage</translation>
    </message>
    <message>
        <source>新阶段</source>
        <translation>New stage</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ChallengeList</name>
    <message>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>榜单名称</source>
        <translation>Challenge title</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>专项/领域</source>
        <translation>Programme/field</translation>
    </message>
    <message>
        <source>发榜单位</source>
        <translation>Issuing unit</translation>
    </message>
    <message>
        <source>榜额（万元）</source>
        <translation>Award (10k CNY)</translation>
    </message>
    <message>
        <source>申报截止</source>
        <translation>Application deadline</translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>揭榜方式</source>
        <translation>Award mode</translation>
    </message>
    <message>
        <source>申报团队</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <source>立项团队</source>
        <translation>Selected</translation>
    </message>
</context>
<context>
    <name>ChallengePledge</name>
    <message>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>交付成果</source>
        <translation>Deliverable</translation>
    </message>
    <message>
        <source>承诺（基线）</source>
        <translation>Committed (baseline)</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>调整</source>
        <translation>Re-plans</translation>
    </message>
    <message>
        <source>亮灯原因</source>
        <translation>Why this colour</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Tranche no.</translation>
    </message>
    <message>
        <source>挂钩里程碑</source>
        <translation>Linked milestone</translation>
    </message>
    <message>
        <source>计划金额（万元）</source>
        <translation>Planned amount (10k CNY)</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>已拨金额（万元）</source>
        <translation>Amount disbursed (10k CNY)</translation>
    </message>
    <message>
        <source>拨付日期</source>
        <translation>Disbursement date</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ChallengeReviews</name>
    <message>
        <source>考核日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>揭榜方</source>
        <translation>Applicant team</translation>
    </message>
    <message>
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>考核结果</source>
        <translation>Review result</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>评审专家</source>
        <translation>Reviewers</translation>
    </message>
    <message>
        <source>评审意见/淘汰原因</source>
        <translation>Review comments/reason for elimination</translation>
    </message>
</context>
<context>
    <name>ChallengeScreen</name>
    <message>
        <source>全部阶段</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>全部专项/领域</source>
        <translation>All programmes/fields</translation>
    </message>
    <message>
        <source>全部发榜单位</source>
        <translation>All issuing units</translation>
    </message>
    <message>
        <source>全部揭榜方式</source>
        <translation>All award modes</translation>
    </message>
    <message>
        <source>全部亮灯</source>
        <translation>All status lights</translation>
    </message>
    <message numerus="yes">
        <source>%n 个榜单</source>
        <translation>
            <numerusform>%n challenge</numerusform>
            <numerusform>%n challenges</numerusform>
        </translation>
    </message>
    <message>
        <source>删除榜单「%1」（及其揭榜方、阶段记录）？可以撤销。</source>
        <translation>Delete challenge “%1” (with its applicant teams and stage records)? This can be undone.</translation>
    </message>
    <message>
        <source>删除榜单</source>
        <translation>Delete challenge</translation>
    </message>
    <message>
        <source>删除榜单「%1」</source>
        <translation>Delete challenge “%1”</translation>
    </message>
    <message>
        <source>揭榜挂帅榜单</source>
        <translation>Open Challenges</translation>
    </message>
    <message>
        <source>打印榜单（PDF）</source>
        <translation>Print challenges (PDF)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>打印榜单</source>
        <translation>Print challenges</translation>
    </message>
    <message>
        <source>搜索榜单名称、编号、领域、发榜单位…（Ctrl+F）</source>
        <translation>Search challenge title, code, field, issuing unit… (Ctrl+F)</translation>
    </message>
    <message>
        <source>新建榜单</source>
        <translation>New challenge</translation>
    </message>
    <message>
        <source>打印榜单…</source>
        <translation>Print challenges…</translation>
    </message>
    <message>
        <source>把列表中已发榜、申报中的榜单按发榜公告的格式生成 PDF</source>
        <translation>Generate a PDF in challenge-notice format of the listed challenges that are published or open for applications</translation>
    </message>
</context>
<context>
    <name>ChallengeTeams</name>
    <message>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>团队名称</source>
        <translation>Team name</translation>
    </message>
    <message>
        <source>揭榜单位</source>
        <translation>Applicant unit</translation>
    </message>
    <message>
        <source>挂帅人</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <source>评审得分</source>
        <translation>Review score</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>军令状</source>
        <translation>Pledge</translation>
    </message>
    <message>
        <source>申请资金（万元）</source>
        <translation>Requested funding (10k CNY)</translation>
    </message>
    <message>
        <source>自筹资金（万元）</source>
        <translation>Self-raised funding (10k CNY)</translation>
    </message>
    <message>
        <source>团队成员</source>
        <translation>Team members</translation>
    </message>
    <message>
        <source>联合体成员</source>
        <translation>Consortium members</translation>
    </message>
    <message>
        <source>技术路线</source>
        <translation>Technical approach</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>现用值（较新的修改）</source>
        <translation>Current value (newer change)</translation>
    </message>
    <message>
        <source>被覆盖的值</source>
        <translation>Overwritten value</translation>
    </message>
    <message>
        <source>合并时间</source>
        <translation>Merged at</translation>
    </message>
    <message>
        <source>合并冲突</source>
        <translation>Merge conflicts</translation>
    </message>
    <message>
        <source>双方在上次交换后修改了同一字段。系统已按修改时间较新者取值；请逐条确认保留哪个值。选择“恢复被覆盖的值”会作为一次新的修改，下次交换时传给对方。</source>
        <translation>Both sides changed the same field since the last exchange. The value with the more recent change has been kept; please confirm, item by item, which value to keep. Choosing “Restore overwritten value” counts as a new change and will be passed to the other side at the next exchange.</translation>
    </message>
    <message>
        <source>保留现用值</source>
        <translation>Keep current value</translation>
    </message>
    <message>
        <source>恢复被覆盖的值</source>
        <translation>Restore overwritten value</translation>
    </message>
    <message>
        <source>处理合并冲突：%1</source>
        <translation>Resolve merge conflict: %1</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>现用值由谁修改</source>
        <translation>Current value written by</translation>
    </message>
    <message>
        <source>被覆盖值由谁修改</source>
        <translation>Overwritten value written by</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>如 2026-06-30 或 2026年6月30日</source>
        <translation>e.g. 2026-06-30 or 2026年6月30日</translation>
    </message>
    <message>
        <source>选择日期</source>
        <translation>Pick a date</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>导入完成</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <source>已新增 %1 条、更新 %2 条记录，新建 %3 个单位。可以用“编辑 › 撤销”整体撤回这次导入。</source>
        <translation>Added %1 and updated %2 record(s); created %3 new unit(s). You can undo the whole import with “Edit › Undo”.</translation>
    </message>
    <message>
        <source>未导入的无效行：</source>
        <translation>Invalid rows not imported:</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>出现意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>程序遇到了一个意外错误，已记录到日志。您的数据已保存，可以继续使用。如需报告问题，请点“复制详情”并发给技术支持。</source>
        <translation>The program hit an unexpected error, which has been logged. Your data has been saved and you can keep working. To report the problem, click “Copy details” and send it to technical support.</translation>
    </message>
    <message>
        <source>复制详情</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>无法完成操作</source>
        <translation>Cannot complete the operation</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>已导出到 %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>选择要合并的组合文件</source>
        <translation>Choose a portfolio file to merge</translation>
    </message>
    <message>
        <source>组合文件 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>Portfolio files (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>组合文件以只读方式打开，不能合并。</source>
        <translation>The portfolio file is open read-only, so nothing can be merged into it.</translation>
    </message>
    <message>
        <source>导出组合文件…</source>
        <translation>Export portfolio file…</translation>
    </message>
    <message>
        <source>合并组合文件…</source>
        <translation>Merge portfolio file…</translation>
    </message>
    <message>
        <source>合并冲突…</source>
        <translation>Merge conflicts…</translation>
    </message>
    <message>
        <source>合并记录…</source>
        <translation>Merge history…</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>系统编号（UUID）</source>
        <translation>ID (UUID)</translation>
    </message>
    <message>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>亮灯原因</source>
        <translation>Why this colour</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>项目编号</source>
        <translation>Project code</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>片区/区县</source>
        <translation>Zone/district</translation>
    </message>
    <message>
        <source>产业方向</source>
        <translation>Industry sector</translation>
    </message>
    <message>
        <source>总投资（万元）</source>
        <translation>Total investment (10k CNY)</translation>
    </message>
    <message>
        <source>累计完成投资（万元）</source>
        <translation>Cumulative investment completed (10k CNY)</translation>
    </message>
    <message>
        <source>年度计划投资（万元）</source>
        <translation>Annual planned investment (10k CNY)</translation>
    </message>
    <message>
        <source>年度已完成投资（万元）</source>
        <translation>Annual investment completed (10k CNY)</translation>
    </message>
    <message>
        <source>投资完成率（%）</source>
        <translation>Investment completed (%)</translation>
    </message>
    <message>
        <source>计划开工</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>计划完工</source>
        <translation>Planned completion</translation>
    </message>
    <message>
        <source>实际开工</source>
        <translation>Actual start</translation>
    </message>
    <message>
        <source>实际完工</source>
        <translation>Actual completion</translation>
    </message>
    <message>
        <source>下一里程碑</source>
        <translation>Next milestone</translation>
    </message>
    <message>
        <source>下一里程碑计划日期</source>
        <translation>Next milestone planned date</translation>
    </message>
    <message>
        <source>建设内容</source>
        <translation>Scope of construction</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>所属项目/揭榜方</source>
        <translation>Project/applicant team</translation>
    </message>
    <message>
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>交付成果</source>
        <translation>Deliverable</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>基线日期</source>
        <translation>Baseline date</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>实际完成日期</source>
        <translation>Actual completion date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>调整次数</source>
        <translation>Re-plans</translation>
    </message>
    <message>
        <source>累计延期（天）</source>
        <translation>Days slipped</translation>
    </message>
    <message>
        <source>备注/佐证</source>
        <translation>Notes/evidence</translation>
    </message>
    <message>
        <source>榜单名称</source>
        <translation>Challenge title</translation>
    </message>
    <message>
        <source>榜单编号</source>
        <translation>Challenge code</translation>
    </message>
    <message>
        <source>发榜方式</source>
        <translation>Issuing mode</translation>
    </message>
    <message>
        <source>专项/领域</source>
        <translation>Programme/field</translation>
    </message>
    <message>
        <source>发榜单位</source>
        <translation>Issuing unit</translation>
    </message>
    <message>
        <source>财政榜额（万元）</source>
        <translation>Fiscal award (10k CNY)</translation>
    </message>
    <message>
        <source>配套榜额（万元）</source>
        <translation>Matching award (10k CNY)</translation>
    </message>
    <message>
        <source>榜额合计（万元）</source>
        <translation>Total award (10k CNY)</translation>
    </message>
    <message>
        <source>发榜日期</source>
        <translation>Publication date</translation>
    </message>
    <message>
        <source>申报截止</source>
        <translation>Application deadline</translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>攻关周期（月）</source>
        <translation>Research period (months)</translation>
    </message>
    <message>
        <source>资助方式</source>
        <translation>Funding mode</translation>
    </message>
    <message>
        <source>揭榜方式</source>
        <translation>Award mode</translation>
    </message>
    <message>
        <source>赛马队伍数</source>
        <translation>Number of racing teams</translation>
    </message>
    <message>
        <source>申报团队</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <source>立项团队</source>
        <translation>Selected</translation>
    </message>
    <message>
        <source>榜单</source>
        <translation>Challenge</translation>
    </message>
    <message>
        <source>团队名称</source>
        <translation>Team name</translation>
    </message>
    <message>
        <source>揭榜单位</source>
        <translation>Applicant unit</translation>
    </message>
    <message>
        <source>挂帅人</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <source>联合体成员</source>
        <translation>Consortium members</translation>
    </message>
    <message>
        <source>申请资金（万元）</source>
        <translation>Requested funding (10k CNY)</translation>
    </message>
    <message>
        <source>自筹资金（万元）</source>
        <translation>Self-raised funding (10k CNY)</translation>
    </message>
    <message>
        <source>评审得分</source>
        <translation>Review score</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>军令状签订日期</source>
        <translation>Pledge signing date</translation>
    </message>
    <message>
        <source>所属规划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>计量单位</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <source>指标属性</source>
        <translation>Indicator attribute</translation>
    </message>
    <message>
        <source>基期年份</source>
        <translation>Baseline year</translation>
    </message>
    <message>
        <source>基期值</source>
        <translation>Baseline value</translation>
    </message>
    <message>
        <source>目标年份</source>
        <translation>Target year</translation>
    </message>
    <message>
        <source>目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>揭榜挂帅榜单</source>
        <translation>Challenges</translation>
    </message>
    <message>
        <source>揭榜方</source>
        <translation>Applicant teams</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>导出组合文件</source>
        <translation>Export Portfolio File</translation>
    </message>
    <message>
        <source>整个组合</source>
        <translation>Whole portfolio</translation>
    </message>
    <message>
        <source>某责任单位的项目（发给该单位填报）</source>
        <translation>Projects of one responsible unit (to send to that unit to fill in)</translation>
    </message>
    <message>
        <source>某类别的项目</source>
        <translation>Projects of one category</translation>
    </message>
    <message numerus="yes">
        <source>项目台账中选中的 %n 个项目</source>
        <translation>
            <numerusform>The %n project selected in the register</numerusform>
            <numerusform>The %n projects selected in the register</numerusform>
        </translation>
    </message>
    <message>
        <source>导出的是同样格式的组合文件，对方可用本程序打开或合并，也可用任何 SQLite 工具查看。</source>
        <translation>The export is a portfolio file in the same format: the recipient can open or merge it with this program, or view it with any SQLite tool.</translation>
    </message>
    <message>
        <source>导出到</source>
        <translation>Export To</translation>
    </message>
    <message>
        <source>组合文件 (*.sqlite)</source>
        <translation>Portfolio files (*.sqlite)</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>只导出对方未确认的变更（--since-last）</source>
        <translation>Only the changes that site has not confirmed (--since-last)</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>选择文件</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>选择要导入的 Excel 台账（.xlsx），或项目办导出后由单位填好的调度表。</source>
        <translation>Choose the Excel ledger (.xlsx) to import, or a progress-report sheet exported by the project office and filled in by a unit.</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>表头可以在标题行下面、可以是两行合并表头；列名不同也能识别（项目名称/名称、责任单位/牵头单位、总投资（万元）/总投资（亿元）……）。下一步会列出识别结果供确认。</source>
        <translation>The header may sit below a title row or span two merged rows, and column names are recognised even when worded differently (项目名称/名称, 责任单位/牵头单位, 总投资（万元）/总投资（亿元）…). The next step lists what was recognised for you to confirm.</translation>
    </message>
    <message>
        <source>选择台账文件</source>
        <translation>Choose ledger file</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx);;所有文件 (*)</source>
        <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>合并时间</source>
        <translation>Merged at</translation>
    </message>
    <message>
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>合并前备份</source>
        <translation>Pre-merge backup</translation>
    </message>
    <message>
        <source>合并记录</source>
        <translation>Merge history</translation>
    </message>
    <message>
        <source>撤销最近一次合并</source>
        <translation>Undo last merge</translation>
    </message>
    <message>
        <source>新增 %1，更新 %2，删除 %3，冲突 %4</source>
        <translation>%1 added, %2 updated, %3 deleted, %4 conflict(s)</translation>
    </message>
    <message>
        <source>撤销合并</source>
        <translation>Undo merge</translation>
    </message>
    <message>
        <source>将组合恢复到合并“%1”之前的状态（合并之后的其他修改也会一并撤销；当前状态会先另行备份）。继续？</source>
        <translation>Restore the portfolio to its state before “%1” was merged? Any other changes made after the merge will be undone as well; the current state is backed up first. Continue?</translation>
    </message>
</context>
<context>
    <name>HubPasswordDialog</name>
    <message>
        <source>同步中心密码</source>
        <translation>Hub password</translation>
    </message>
    <message>
        <source>同步中心 %1 要求账号 %2 的密码。</source>
        <translation>The hub %1 asks for the password of the account %2.</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>密码只在本次运行中记住，不会保存到设置或组合文件。若要免输入，请写入 PostgreSQL 密码文件（~/.pgpass，或环境变量 PGPASSFILE 指定的文件）。</source>
        <translation>The password is remembered only while the app runs; it is never saved in the settings or the portfolio file. To skip this question, write it into the PostgreSQL password file (~/.pgpass, or the file the PGPASSFILE environment variable names).</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>导入台账</source>
        <translation>Import Ledger</translation>
    </message>
    <message>
        <source>读取失败：%1</source>
        <translation>Could not read the file: %1</translation>
    </message>
    <message>
        <source>正在读取 %1…</source>
        <translation>Reading %1…</translation>
    </message>
</context>
<context>
    <name>IndicatorList</name>
    <message>
        <source>输入一条验收标准，回车添加</source>
        <translation>Type an acceptance criterion and press Enter to add it</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>IndicatorScreen</name>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>%1 %2年实际值</source>
        <translation>%1: actual value for %2</translation>
    </message>
    <message>
        <source>序时（基期到目标的直线）</source>
        <translation>Pro-rata line (baseline to target)</translation>
    </message>
    <message>
        <source>基期</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>实际值</source>
        <translation>Actual value</translation>
    </message>
    <message>
        <source>搜索指标…</source>
        <translation>Search indicators…</translation>
    </message>
    <message>
        <source>新增指标</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <source>编辑指标</source>
        <translation>Edit indicator</translation>
    </message>
    <message>
        <source>双击年份单元格填写实际值（清空即删除）；颜色按基期到目标的直线计算序时进度，“越低越好”的指标方向相反。</source>
        <translation>Double-click a year cell to enter the actual value (clear it to delete). Colours compare progress with the straight line from baseline to target; for lower-is-better indicators the direction is reversed.</translation>
    </message>
</context>
<context>
    <name>IndicatorTable</name>
    <message>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>基期值</source>
        <translation>Baseline value</translation>
    </message>
    <message>
        <source>目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <source>指标属性</source>
        <translation>Indicator attribute</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>科创项目台账</source>
        <translation>Kechuang Project Ledger</translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>%1 · %2 个项目 · %3 个里程碑 · %4 个榜单 · %5 个指标</source>
        <translation>%1 · %2 projects · %3 milestones · %4 challenges · %5 indicators</translation>
    </message>
    <message numerus="yes">
        <source>删除 %n 个项目（及其里程碑）？可以撤销。</source>
        <translation>
            <numerusform>Delete %n project (and its milestones)? This can be undone.</numerusform>
            <numerusform>Delete %n projects (and their milestones)? This can be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>删除项目</source>
        <translation>Delete project</translation>
    </message>
    <message>
        <source>删除项目：%1</source>
        <translation>Delete projects: %1</translation>
    </message>
    <message>
        <source>打开组合文件</source>
        <translation>Open Portfolio File</translation>
    </message>
    <message>
        <source>组合文件 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>Portfolio files (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>新建组合文件</source>
        <translation>New Portfolio File</translation>
    </message>
    <message>
        <source>组合文件 (*.sqlite)</source>
        <translation>Portfolio files (*.sqlite)</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <source>关于科创项目台账</source>
        <translation>About Kechuang Project Ledger</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>揭榜挂帅</source>
        <translation>Open Challenges</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>时间轴</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>总览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>添加内置规划</source>
        <translation>Add built-in plans</translation>
    </message>
    <message>
        <source>规划核实</source>
        <translation>Plan review</translation>
    </message>
    <message>
        <source>添加内置规划…</source>
        <translation>Add built-in plans…</translation>
    </message>
    <message>
        <source>问题督办</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>新建(&amp;N)…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>最近打开(&amp;R)</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>打印简报(&amp;P)…</source>
        <translation>&amp;Print brief…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>备份(&amp;B)…</source>
        <translation>&amp;Back up…</translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>新建项目(&amp;N)…</source>
        <translation>&amp;New project…</translation>
    </message>
    <message>
        <source>编辑项目(&amp;E)…</source>
        <translation>&amp;Edit project…</translation>
    </message>
    <message>
        <source>删除项目(&amp;D)</source>
        <translation>&amp;Delete project</translation>
    </message>
    <message>
        <source>单位(&amp;U)…</source>
        <translation>&amp;Units…</translation>
    </message>
    <message>
        <source>语言 / Language(&amp;L)</source>
        <translation>&amp;Language / 语言</translation>
    </message>
    <message>
        <source>筛选结果的时间轴(&amp;T)</source>
        <translation>&amp;Timeline of filtered projects</translation>
    </message>
    <message>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>使用指引(&amp;G)</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>打开日志文件夹(&amp;L)</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <source>已撤销：%1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <source>已重做：%1</source>
        <translation>Redone: %1</translation>
    </message>
    <message>
        <source>正在打开 %1…</source>
        <translation>Opening %1…</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>确认列对应</source>
        <translation>Confirm column mapping</translation>
    </message>
    <message>
        <source>按表头文字识别出的对应关系如下。请核对，必要时改正“导入为”或金额单位。</source>
        <translation>These are the mappings recognised from the header text. Please check them and correct “Import as” or the money unit where needed.</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(Do not import)</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>金额单位</source>
        <translation>Money unit</translation>
    </message>
    <message>
        <source>万元</source>
        <translation>10k CNY</translation>
    </message>
    <message>
        <source>亿元（×10000）</source>
        <translation>100M CNY (×10000)</translation>
    </message>
    <message>
        <source>元（÷10000）</source>
        <translation>CNY (÷10000)</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>记录类型</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>疑似重复</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>本地值</source>
        <translation>Local value</translation>
    </message>
    <message>
        <source>对方值</source>
        <translation>Incoming value</translation>
    </message>
    <message>
        <source>对方新增</source>
        <translation>Incoming (new)</translation>
    </message>
    <message>
        <source>本地已有</source>
        <translation>Existing local record</translation>
    </message>
    <message>
        <source>合并文件：%1</source>
        <translation>Merge file: %1</translation>
    </message>
    <message>
        <source>按类型统计</source>
        <translation>Counts by type</translation>
    </message>
    <message>
        <source>字段变化</source>
        <translation>Field changes</translation>
    </message>
    <message>
        <source>合并所选的两条记录</source>
        <translation>Join the selected two records</translation>
    </message>
    <message>
        <source>合并后保留本地记录，对方记录的引用改指向它，空白字段用对方的值补齐；可撤销。</source>
        <translation>Joining keeps the local record: references to the other one are moved to it and its empty fields are filled from the other; this can be undone.</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>正在检查“%1”…</source>
        <translation>Checking “%1”…</translation>
    </message>
    <message>
        <source>不能合并</source>
        <translation>Cannot merge</translation>
    </message>
    <message>
        <source>以下是合并“%1”将带来的变化，确认后才会写入（合并前自动备份，可撤销）。</source>
        <translation>Merging “%1” would make the changes below. Nothing is written until you confirm (a backup is made first, and the merge can be undone).</translation>
    </message>
    <message>
        <source>新增 %1，更新 %2，删除 %3，冲突 %4，疑似重复 %5</source>
        <translation>Added %1, updated %2, deleted %3, conflicts %4, possible duplicates %5</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>正在合并“%1”…</source>
        <translation>Merging “%1”…</translation>
    </message>
    <message>
        <source>已合并“%1”。合并前的备份：%2。如需撤销，请在“文件 → 合并记录”中撤销此次合并。</source>
        <translation>Merged “%1”. Backup made before the merge: %2. To undo this merge, use “File → Merge history”.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>合并重复记录：%1</source>
        <translation>Join duplicate records: %1</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>项目数</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>到期里程碑</source>
        <translation>Milestones due</translation>
    </message>
    <message>
        <source>按期完成</source>
        <translation>Completed on time</translation>
    </message>
    <message>
        <source>按期率%</source>
        <translation>On-time %</translation>
    </message>
    <message>
        <source>累计延期天数</source>
        <translation>Days slipped</translation>
    </message>
    <message>
        <source>红灯项目</source>
        <translation>Red projects</translation>
    </message>
    <message>
        <source>黄灯项目</source>
        <translation>Yellow projects</translation>
    </message>
    <message>
        <source>投资完成%</source>
        <translation>Invested %</translation>
    </message>
    <message>
        <source>较序时（百分点）</source>
        <translation>vs pro-rata (points)</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <source>正在计算总览…</source>
        <translation>Computing the overview…</translation>
    </message>
    <message>
        <source>%1 个项目&#x3000;</source>
        <translation>%1 projects   </translation>
    </message>
    <message>
        <source>项目阶段（七个一批）</source>
        <translation>Project stages</translation>
    </message>
    <message>
        <source>揭榜挂帅榜单阶段</source>
        <translation>Challenge stages</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>本周到期</source>
        <translation>Due this week</translation>
    </message>
    <message>
        <source>下周到期</source>
        <translation>Due next week</translation>
    </message>
    <message>
        <source>到期与逾期（%1）</source>
        <translation>Due and overdue (%1)</translation>
    </message>
    <message>
        <source>尚无项目填报年度计划投资，无法计算投资进度。</source>
        <translation>No project has an annual investment plan yet, so investment pace cannot be computed.</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>按类别</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>按责任单位</source>
        <translation>By responsible unit</translation>
    </message>
    <message>
        <source>按片区</source>
        <translation>By zone</translation>
    </message>
    <message>
        <source>五色图</source>
        <translation>Five-colour map</translation>
    </message>
    <message>
        <source>阶段漏斗</source>
        <translation>Stage funnel</translation>
    </message>
    <message>
        <source>到期与逾期</source>
        <translation>Due and overdue</translation>
    </message>
    <message>
        <source>赛马比拼</source>
        <translation>Unit race</translation>
    </message>
    <message>
        <source>投资进度</source>
        <translation>Investment pace</translation>
    </message>
    <message>
        <source>另有专项计划 %1 个、规划任务 %2 个（不计入项目）</source>
        <translation>Also %1 programmes and %2 plan tasks (not counted as projects)</translation>
    </message>
    <message>
        <source>规划期已结束、待核实：里程碑 %1 个，指标 %2 个（不算逾期，可在“规划核实”中填报）</source>
        <translation>Plan period over, to verify: %1 milestones, %2 indicators (not overdue; settle them in Plan review)</translation>
    </message>
    <message>
        <source>全部项目：年度计划投资 %1，已完成 %2（%3%），序时进度 %4%。</source>
        <translation>All projects: annual plan %1, invested %2 (%3%), pro-rata schedule %4%.</translation>
    </message>
    <message>
        <source>年度投资完成率（%，颜色 = 亮灯）；红色虚线 = 序时进度</source>
        <translation>Annual investment completed (%, colour = status light); red dashed line = pro-rata schedule</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>详情窗格(&amp;D)</source>
        <translation>&amp;Detail pane</translation>
    </message>
    <message>
        <source>切换窗格：项目表 ↔ 里程碑表</source>
        <translation>Switch pane: projects ↔ milestones</translation>
    </message>
</context>
<context>
    <name>PlanReview</name>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>所属项目/指标表</source>
        <translation>Project / indicator table</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <source>完成情况</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>专栏/章节</source>
        <translation>Box / chapter</translation>
    </message>
    <message>
        <source>规划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>原文</source>
        <translation>Source text</translation>
    </message>
</context>
<context>
    <name>PlanReviewScreen</name>
    <message>
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>待核实</source>
        <translation>To verify</translation>
    </message>
    <message>
        <source>全部规划</source>
        <translation>All plans</translation>
    </message>
    <message>
        <source>全部专栏/章节</source>
        <translation>All boxes / chapters</translation>
    </message>
    <message>
        <source>全部责任单位</source>
        <translation>All responsible units</translation>
    </message>
    <message>
        <source>里程碑和指标</source>
        <translation>Milestones and indicators</translation>
    </message>
    <message>
        <source>里程碑 %1 个，指标 %2 个；已选 %3 个</source>
        <translation>%1 milestones, %2 indicators; %3 selected</translation>
    </message>
    <message>
        <source>规划核实</source>
        <translation>Plan review</translation>
    </message>
    <message>
        <source>标记已完成（%1 项）</source>
        <translation>Mark achieved (%1)</translation>
    </message>
    <message>
        <source>标记未完成（%1 项）</source>
        <translation>Mark not achieved (%1)</translation>
    </message>
    <message>
        <source>转入新规划（%1 项）</source>
        <translation>Carry into a new plan (%1)</translation>
    </message>
    <message>
        <source>规划期已结束、尚未填报完成情况的里程碑和指标目标为“待核实”（灰色），不算逾期，也不计入按期率。可按规划、专栏/章节、责任单位筛选，选中多项（Ctrl+A 全选筛选结果）后标记已完成（按各自计划日期或指定日期）、未完成，或转入新规划（在规划期未结束的规划中新建目标并保留与原目标的关联）。每次标记都可撤销（Ctrl+Z）。</source>
        <translation>Milestone and indicator targets of a plan whose period has ended, with no outcome recorded, are &quot;to verify&quot; (grey): not late, and not counted in on-time rates. Filter by plan, box/chapter and unit, select several (Ctrl+A selects what the filters show), then mark them achieved (each on its planned date, or on a date you give), not achieved, or carried into a new plan (a new target in a plan whose period is still running, linked to the old one). Every marking can be undone (Ctrl+Z).</translation>
    </message>
    <message>
        <source>含已填报</source>
        <translation>Include settled</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>标记已完成</source>
        <translation>Mark achieved</translation>
    </message>
    <message>
        <source>按计划日期</source>
        <translation>on planned dates</translation>
    </message>
    <message>
        <source>完成日期：</source>
        <translation>on:</translation>
    </message>
    <message>
        <source>标记未完成</source>
        <translation>Mark not achieved</translation>
    </message>
    <message>
        <source>转入新规划…</source>
        <translation>Carry into new plan…</translation>
    </message>
</context>
<context>
    <name>PledgeDialog</name>
    <message>
        <source>军令状 — %1</source>
        <translation>Pledge — %1</translation>
    </message>
    <message>
        <source>签订日期*</source>
        <translation>Signing date*</translation>
    </message>
    <message>
        <source>承诺内容</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>承诺的节点与日期请在“军令状里程碑”中逐条列出：首次填写的计划日期即为承诺（基线），之后每次调整都须说明原因并留痕。</source>
        <translation>List each pledged step and its date under “Pledge milestones”: the first planned date entered is the commitment (baseline); every later change must give a reason and is logged.</translation>
    </message>
    <message>
        <source>%1签订军令状</source>
        <translation>Sign pledge: %1</translation>
    </message>
</context>
<context>
    <name>PledgeTab</name>
    <message>
        <source>确定立项团队后，在此记录其军令状：承诺的里程碑与分批拨款。</source>
        <translation>Once awarded teams are chosen, record their pledges here: the milestones they commit to and the funding tranches.</translation>
    </message>
    <message>
        <source>军令状已于 %1 签订。</source>
        <translation>Pledge signed on %1.</translation>
    </message>
    <message>
        <source>尚未签订军令状。</source>
        <translation>Pledge not signed yet.</translation>
    </message>
    <message>
        <source>榜额 %1 万元 · 各团队已安排 %2 万元 · 已拨付 %3 万元 · 尚可安排 %4 万元</source>
        <translation>Award: %1 · scheduled for teams: %2 · disbursed: %3 · still available: %4 (10k CNY)</translation>
    </message>
    <message>
        <source>修改里程碑「%1」</source>
        <translation>Edit milestone “%1”</translation>
    </message>
    <message>
        <source>删除里程碑</source>
        <translation>Delete milestone</translation>
    </message>
    <message>
        <source>删除里程碑「%1」？可以撤销。</source>
        <translation>Delete milestone “%1”? This can be undone.</translation>
    </message>
    <message>
        <source>删除里程碑「%1」</source>
        <translation>Delete milestone “%1”</translation>
    </message>
    <message>
        <source>删除第 %1 批拨款</source>
        <translation>Delete tranche %1</translation>
    </message>
    <message>
        <source>无法生成拨款计划</source>
        <translation>Cannot generate the funding plan</translation>
    </message>
    <message>
        <source>%1 按资助方式生成拨款计划</source>
        <translation>%1: generate funding plan from funding mode</translation>
    </message>
    <message>
        <source>签订军令状…</source>
        <translation>Sign pledge…</translation>
    </message>
    <message>
        <source>新增里程碑</source>
        <translation>Add milestone</translation>
    </message>
    <message>
        <source>编辑里程碑</source>
        <translation>Edit milestone</translation>
    </message>
    <message>
        <source>调整记录</source>
        <translation>Re-plan log</translation>
    </message>
    <message>
        <source>新增拨款批次</source>
        <translation>Add tranche</translation>
    </message>
    <message>
        <source>编辑批次</source>
        <translation>Edit tranche</translation>
    </message>
    <message>
        <source>删除批次</source>
        <translation>Delete tranche</translation>
    </message>
    <message>
        <source>按资助方式生成</source>
        <translation>Generate from funding mode</translation>
    </message>
    <message>
        <source>立项（及已淘汰）的团队</source>
        <translation>Awarded (and eliminated) teams</translation>
    </message>
</context>
<context>
    <name>PortfolioFiles</name>
    <message>
        <source>打开组合文件</source>
        <translation>Open Portfolio File</translation>
    </message>
    <message>
        <source>组合文件 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>Portfolio files (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>无法打开组合文件</source>
        <translation>Cannot open the portfolio file</translation>
    </message>
    <message>
        <source>以只读方式打开</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>选择其他文件…</source>
        <translation>Choose another file…</translation>
    </message>
    <message>
        <source>请安装最新版本的科创项目台账后再打开这个文件。</source>
        <translation>Please install the latest version of Kechuang Project Ledger, then open this file again.</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>已从备份恢复</source>
        <translation>Restored from backup</translation>
    </message>
    <message>
        <source>已用备份恢复。原来的文件已保留为：%1</source>
        <translation>Restored from the backup. The previous file was kept as: %1</translation>
    </message>
    <message>
        <source>无法新建</source>
        <translation>Cannot create</translation>
    </message>
    <message>
        <source>0 字节的空文件</source>
        <translation>an empty file of 0 bytes</translation>
    </message>
    <message>
        <source>只有空的组合文件结构</source>
        <translation>only an empty portfolio structure</translation>
    </message>
    <message>
        <source>组合文件不完整</source>
        <translation>Incomplete portfolio file</translation>
    </message>
    <message>
        <source>上次新建组合文件时程序被中断，留下了一个没有任何记录的文件（%1）：
%2</source>
        <translation>Creating the portfolio file was interrupted last time and left a file without any record (%1):
%2</translation>
    </message>
    <message>
        <source>重新新建会用新的组合文件替换它；它里面没有任何记录，不会丢失数据。</source>
        <translation>Creating it again replaces it with a new portfolio file; it holds no record, so no data is lost.</translation>
    </message>
    <message>
        <source>重新新建</source>
        <translation>Create again</translation>
    </message>
    <message>
        <source>打开这个文件</source>
        <translation>Open this file</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>“%1”按已有单位“%2”处理</source>
        <translation>“%1” treated as the existing unit “%2”</translation>
    </message>
    <message>
        <source>新增 %1</source>
        <translation>New (%1)</translation>
    </message>
    <message>
        <source>更新 %1</source>
        <translation>Updated (%1)</translation>
    </message>
    <message>
        <source>无效 %1 行</source>
        <translation>Invalid rows (%1)</translation>
    </message>
    <message>
        <source>读法说明 %1</source>
        <translation>Interpretations (%1)</translation>
    </message>
    <message>
        <source>将新增 %1 条、更新 %2 条记录，新建 %3 个单位。</source>
        <translation>%1 record(s) will be added and %2 updated; %3 new unit(s) will be created. </translation>
    </message>
    <message>
        <source>调度表：%1（导出于 %2）。</source>
        <translation>Progress-report sheet: %1 (exported on %2). </translation>
    </message>
    <message>
        <source>有 %1 行无效（见“无效”页），默认不导入任何数据。</source>
        <translation>%1 row(s) are invalid (see the “Invalid rows” tab); by default nothing is imported. </translation>
    </message>
    <message>
        <source>没有需要导入的变化。</source>
        <translation>There are no changes to import.</translation>
    </message>
    <message>
        <source>跳过这 %1 行无效数据，只导入其余有效的行</source>
        <translation>Skip these %1 invalid row(s) and import only the valid rows</translation>
    </message>
    <message>
        <source>导入 %1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>更新时（按列）</source>
        <translation>On update (per column)</translation>
    </message>
    <message>
        <source>更新已有项目时每列的处理方式：覆盖、只补空白（原值为空才填）或跳过；可在“更新”页逐行改。备注中的出处引用始终保留。</source>
        <translation>How each column updates an existing project: overwrite, fill only if empty, or skip; change it row by row on the “Updates” tab. Source citations in the notes are always kept.</translation>
    </message>
    <message>
        <source>导入有无法识别单元格的 %1 行，这些单元格留空</source>
        <translation>Import the %1 rows with unreadable cells, leaving those cells empty</translation>
    </message>
</context>
<context>
    <name>ProblemDetail</name>
    <message>
        <source>重新办理…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>恢复办理…</source>
        <translation>Resume…</translation>
    </message>
    <message>
        <source>开始办理…</source>
        <translation>Start work…</translation>
    </message>
    <message>
        <source>交办…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>签收…</source>
        <translation>Sign for…</translation>
    </message>
    <message>
        <source>办结…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>退回…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>挂起…</source>
        <translation>Suspend…</translation>
    </message>
    <message>
        <source>在左侧选择一个问题；用上方的按钮办理。</source>
        <translation>Select a problem on the left; the buttons above move it through the workflow.</translation>
    </message>
</context>
<context>
    <name>ProblemDialog</name>
    <message>
        <source>所属项目*</source>
        <translation>Project*</translation>
    </message>
    <message>
        <source>相关里程碑</source>
        <translation>Milestone concerned</translation>
    </message>
</context>
<context>
    <name>ProblemHistory</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>原状态</source>
        <translation>From</translation>
    </message>
    <message>
        <source>新状态</source>
        <translation>To</translation>
    </message>
    <message>
        <source>办理单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>督办编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>问题描述</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>所属项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
</context>
<context>
    <name>ProblemMoveDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>当前状态</source>
        <translation>Current status</translation>
    </message>
    <message>
        <source>办理日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>办理单位</source>
        <translation>Acting unit</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>原因*</source>
        <translation>Reason*</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>办理结果*</source>
        <translation>Result*</translation>
    </message>
    <message>
        <source>问题转为“%1”</source>
        <translation>Problem moved to “%1”</translation>
    </message>
</context>
<context>
    <name>ProblemScreen</name>
    <message numerus="yes">
        <source>%n 个问题</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>全部责任单位</source>
        <translation>All responsible units</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部亮灯</source>
        <translation>All lights</translation>
    </message>
    <message>
        <source>删除问题「%1」（及其办理记录）？可以撤销。</source>
        <translation>Delete the problem “%1” (and its history)? This can be undone.</translation>
    </message>
    <message>
        <source>删除问题</source>
        <translation>Delete problem</translation>
    </message>
    <message>
        <source>删除问题「%1」</source>
        <translation>Delete problem “%1”</translation>
    </message>
    <message>
        <source>督办单</source>
        <translation>Supervision sheet</translation>
    </message>
    <message>
        <source>打印督办单</source>
        <translation>Print supervision sheet</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf);;Word 文件 (*.docx)</source>
        <translation>PDF files (*.pdf);;Word files (*.docx)</translation>
    </message>
    <message>
        <source>搜索问题描述、编号、项目、责任单位…（Ctrl+F）</source>
        <translation>Search problem, number, project, responsible unit… (Ctrl+F)</translation>
    </message>
    <message>
        <source>提出问题</source>
        <translation>Raise problem</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>打印督办单…</source>
        <translation>Print supervision sheet…</translation>
    </message>
</context>
<context>
    <name>ProjectDetail</name>
    <message>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>基线</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>调整</source>
        <translation>Re-plans</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>亮灯原因</source>
        <translation>Why this colour</translation>
    </message>
    <message>
        <source>选择一个项目查看详情；双击打开编辑。</source>
        <translation>Select a project to see its details; double-click to edit it.</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <source>删除里程碑</source>
        <translation>Delete milestone</translation>
    </message>
    <message>
        <source>删除%1？可以撤销。</source>
        <translation>Delete %1? This can be undone.</translation>
    </message>
    <message>
        <source>删除%1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <source>编辑项目 (F2)</source>
        <translation>Edit project (F2)</translation>
    </message>
    <message>
        <source>新增里程碑</source>
        <translation>Add milestone</translation>
    </message>
    <message>
        <source>编辑里程碑</source>
        <translation>Edit milestone</translation>
    </message>
    <message>
        <source>调整记录</source>
        <translation>Re-plan log</translation>
    </message>
    <message>
        <source>时间轴</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>里程碑 %1 个 · 重新计划 %2 次 · 累计延期 %3 天 · 较基线推迟超过 %4 天 %5 个</source>
        <translation>%1 milestones · %2 re-plans · %3 days slipped in total · %5 more than %4 days past the baseline</translation>
    </message>
    <message>
        <source>新增里程碑(&amp;M)…</source>
        <translation>Add &amp;milestone…</translation>
    </message>
    <message>
        <source>编辑里程碑(&amp;I)…</source>
        <translation>Ed&amp;it milestone…</translation>
    </message>
    <message>
        <source>编辑单元格</source>
        <translation>Edit cell</translation>
    </message>
    <message>
        <source>编辑项目的全部字段（在里程碑表中 F2 编辑当前单元格）</source>
        <translation>Edit all the project&apos;s fields (in the milestone table, F2 edits the current cell)</translation>
    </message>
</context>
<context>
    <name>ProjectProblems</name>
    <message>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>督办编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>问题描述</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>问题 %1 个，在办 %2 个</source>
        <translation>%1 problem(s), %2 open</translation>
    </message>
    <message>
        <source>提出问题…</source>
        <translation>Raise problem…</translation>
    </message>
</context>
<context>
    <name>ProjectRegister</name>
    <message>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>片区/区县</source>
        <translation>Zone/district</translation>
    </message>
    <message>
        <source>下一里程碑</source>
        <translation>Next milestone</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>投资完成</source>
        <translation>Invested</translation>
    </message>
    <message>
        <source>产业方向</source>
        <translation>Industry sector</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message numerus="yes">
        <source>正在载入 %n 个项目并计算亮灯…</source>
        <translation>
            <numerusform>Loading %n project and computing its status colour…</numerusform>
            <numerusform>Loading %n projects and computing their status colours…</numerusform>
        </translation>
    </message>
    <message>
        <source>正在计算亮灯…</source>
        <translation>Computing status lights…</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部阶段</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>全部责任单位</source>
        <translation>All responsible units</translation>
    </message>
    <message>
        <source>全部片区</source>
        <translation>All zones</translation>
    </message>
    <message>
        <source>全部亮灯</source>
        <translation>All status lights</translation>
    </message>
    <message numerus="yes">
        <source>%n 个项目</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>不分组</source>
        <translation>No grouping</translation>
    </message>
    <message>
        <source>按类别分组</source>
        <translation>Group by category</translation>
    </message>
    <message>
        <source>按责任单位分组</source>
        <translation>Group by responsible unit</translation>
    </message>
    <message>
        <source>按阶段分组</source>
        <translation>Group by stage</translation>
    </message>
    <message>
        <source>按片区分组</source>
        <translation>Group by zone</translation>
    </message>
    <message>
        <source>搜索项目名称、单位、片区、方向…（Ctrl+F）</source>
        <translation>Search project name, unit, zone, sector… (Ctrl+F)</translation>
    </message>
    <message>
        <source>条目类型</source>
        <translation>Entry type</translation>
    </message>
    <message>
        <source>合作单位</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>全部条目</source>
        <translation>All entry types</translation>
    </message>
</context>
<context>
    <name>RaceView</name>
    <message>
        <source>立项后，这里并排显示各团队的名次、按承诺完成的里程碑和考核得分。</source>
        <translation>Once teams are awarded, their ranks, milestones met as pledged and review scores are shown side by side here.</translation>
    </message>
    <message>
        <source>赛马：%1 个团队在攻关，%2 个已淘汰（截至 %3）。</source>
        <translation>Parallel race: %1 team(s) still competing, %2 eliminated (as of %3).</translation>
    </message>
    <message>
        <source>单一揭榜：只有一个立项团队，不进行淘汰。</source>
        <translation>Single applicant: only one awarded team, no elimination.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>新建%1</source>
        <translation>New %1</translation>
    </message>
    <message>
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <source>新建单位</source>
        <translation>New unit</translation>
    </message>
    <message>
        <source>已有相近的单位「%1」（去掉“有限公司”、空格和全角写法后名称相同）。
使用已有单位吗？选“否”则新建单位「%2」。</source>
        <translation>There is already a similar unit “%1” (the same name once 有限公司, spaces and full-width forms are ignored).
Use the existing unit? Choose “No” to create the unit “%2”.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>多项用顿号分隔，如：甲、乙</source>
        <translation>Separate several items with 、 or commas, e.g. A, B</translation>
    </message>
</context>
<context>
    <name>ReplanDialog</name>
    <message>
        <source>重新计划</source>
        <translation>Re-plan</translation>
    </message>
    <message>
        <source>里程碑“%1”的计划日期由 %2 调整为 %3。</source>
        <translation>The planned date of milestone “%1” moves from %2 to %3.</translation>
    </message>
    <message>
        <source>调整原因*</source>
        <translation>Reason*</translation>
    </message>
    <message>
        <source>批准人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>必须填写调整原因</source>
        <translation>A reason is required</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>揭榜方</source>
        <translation>Applicant team</translation>
    </message>
    <message>
        <source>考核的里程碑</source>
        <translation>Milestone reviewed</translation>
    </message>
    <message>
        <source>考核结果</source>
        <translation>Review result</translation>
    </message>
    <message>
        <source>考核日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>评审专家</source>
        <translation>Reviewers</translation>
    </message>
    <message>
        <source>（不针对具体里程碑）</source>
        <translation>(no specific milestone)</translation>
    </message>
    <message>
        <source>淘汰（里程碑考核）</source>
        <translation>Eliminate (milestone review)</translation>
    </message>
    <message>
        <source>记录里程碑考核</source>
        <translation>Record milestone review</translation>
    </message>
    <message>
        <source>淘汰原因*</source>
        <translation>Reason for elimination*</translation>
    </message>
    <message>
        <source>评审意见</source>
        <translation>Review comments</translation>
    </message>
    <message>
        <source>淘汰%1</source>
        <translation>Eliminate %1</translation>
    </message>
    <message>
        <source>%1 里程碑考核</source>
        <translation>Milestone review of %1</translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <source>删除考核记录</source>
        <translation>Delete review record</translation>
    </message>
    <message>
        <source>淘汰记录与团队状态一起保存：请用“撤销”（Ctrl+Z）撤回误操作的淘汰。</source>
        <translation>An elimination is saved together with the team’s status: use Undo (Ctrl+Z) to reverse an elimination made by mistake.</translation>
    </message>
    <message>
        <source>删除 %1 的考核记录（%2）</source>
        <translation>Delete review record of %1 (%2)</translation>
    </message>
    <message>
        <source>记录考核…</source>
        <translation>Record review…</translation>
    </message>
    <message>
        <source>考核结果为“淘汰”时须写明原因；赛马中的淘汰也可在“赛马”页按名次操作。挂钩里程碑的拨款批次须在该里程碑考核通过后才能拨付。</source>
        <translation>When the review result is “Eliminated”, a reason is required; in a parallel race, teams can also be eliminated by rank on the “Parallel race” tab. A tranche linked to a milestone can only be disbursed after that milestone passes its review.</translation>
    </message>
</context>
<context>
    <name>SelectTeamsDialog</name>
    <message>
        <source>确定立项团队 — %1</source>
        <translation>Select awarded teams — %1</translation>
    </message>
    <message>
        <source>赛马：选择至少 2 个、至多 %1 个团队并行攻关。</source>
        <translation>Parallel race: select at least 2 and at most %1 teams to work in parallel.</translation>
    </message>
    <message>
        <source>单一揭榜：选择 1 个团队。</source>
        <translation>Single applicant: select 1 team.</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>确定立项团队</source>
        <translation>Select awarded teams</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>亮灯规则（保存在组合文件中）</source>
        <translation>Status-light rules (saved in the portfolio file)</translation>
    </message>
    <message>
        <source>临期预警：距计划日期不超过（天）黄灯</source>
        <translation>Yellow when due within (days)</translation>
    </message>
    <message>
        <source>逾期不超过（天）黄灯，超过则红灯</source>
        <translation>Yellow when overdue up to (days), red beyond</translation>
    </message>
    <message>
        <source>投资/指标进度领先序时进度（百分点）蓝灯</source>
        <translation>Blue when investment/indicator progress leads the pro-rata schedule by (points)</translation>
    </message>
    <message>
        <source>不低于序时进度（百分点）绿灯</source>
        <translation>Green when at or above the pro-rata schedule by (points)</translation>
    </message>
    <message>
        <source>落后不超过（百分点）黄灯，更低则红灯</source>
        <translation>Yellow when behind by no more than (points), red below</translation>
    </message>
    <message>
        <source>受阻的里程碑为红灯；已取消、未设日期或停缓建为灰灯。</source>
        <translation>Blocked milestones are red; cancelled, undated or suspended ones are grey.</translation>
    </message>
    <message>
        <source>修改亮灯规则</source>
        <translation>Change status-light rules</translation>
    </message>
    <message>
        <source>调整计划后较基线推迟超过（天）至多黄灯</source>
        <translation>Re-planned more than this many days past the baseline: yellow at best (days)</translation>
    </message>
    <message>
        <source>滞后按基线判断：里程碑调整计划后，新计划日期较基线（首次承诺的日期）推迟超过上面的天数，完成前至多为黄灯，原因写明“已调整计划，较基线推迟 N 天”；按新日期已逾期的照常为黄灯或红灯。项目取其里程碑中最差的颜色，项目详情列出较基线推迟超过该天数的里程碑个数。</source>
        <translation>Lateness is judged against the baseline: a milestone whose new planned date lies more than the days above past its baseline (the date first committed) is yellow at best until done, with the reason “re-planned, N days past the baseline”; one already late against its new date is yellow or red as usual. A project takes the worst colour of its milestones, and its details count the milestones slipped past that threshold.</translation>
    </message>
    <message>
        <source>待核实：规划期已结束、尚未填报完成情况的里程碑和指标目标显示为灰色“待核实”，不算逾期，不进入逾期清单，不计入按期率，在总览和简报中单独统计。在“规划核实”中按规划、专栏、责任单位筛选后可批量标记已完成（含日期）、未完成，或转入新规划（在规划期未结束的规划中新建目标，保留关联）；改到规划期之后的计划日期则照常亮灯。各规划的规划期：%1。</source>
        <translation>To verify: milestone and indicator targets of a plan whose period has ended, with no outcome recorded, are shown grey as &quot;to verify&quot; — not late, not in the overdue lists, not counted in on-time rates, counted apart in the overview and the brief. In Plan review, filter by plan, box and unit, then mark many at once as achieved (with a date), not achieved, or carried into a new plan (a new target in a plan still running, linked to the old one); a target re-planned past its plan&apos;s end is coloured as usual. Plan periods: %1.</translation>
    </message>
    <message>
        <source>问题距办理时限不超过（天）黄灯，超过时限红灯</source>
        <translation>Problems: yellow within (days) of their deadline, red past it</translation>
    </message>
    <message>
        <source>附件（保存在组合文件中）</source>
        <translation>Attachments (stored in the portfolio)</translation>
    </message>
    <message>
        <source>附件总量上限</source>
        <translation>Attachment budget</translation>
    </message>
    <message>
        <source>已用 %1 MB；单个附件不超过 20 MB</source>
        <translation>%1 MB used; at most 20 MB per attachment</translation>
    </message>
    <message>
        <source>修改附件总量上限</source>
        <translation>Change the attachment budget</translation>
    </message>
</context>
<context>
    <name>SheetActions</name>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>导出调度表</source>
        <translation>Export progress-report sheet</translation>
    </message>
    <message>
        <source>为哪个责任单位导出调度表？</source>
        <translation>Export the progress-report sheet for which responsible unit?</translation>
    </message>
    <message>
        <source>调度表</source>
        <translation> progress-report sheet</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出调度表 %1：%2 个里程碑，%3 个项目</source>
        <translation>Exported progress-report sheet %1: %2 milestone(s), %3 project(s)</translation>
    </message>
    <message>
        <source>导出表格</source>
        <translation>Export tables</translation>
    </message>
    <message>
        <source>已导出表格 %1（%2 行）</source>
        <translation>Exported tables to %1 (%2 rows)</translation>
    </message>
    <message>
        <source>导出日历</source>
        <translation>Export calendar</translation>
    </message>
    <message>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <source>已导出日历 %1：%2 个里程碑</source>
        <translation>Exported calendar %1: %2 milestone(s)</translation>
    </message>
    <message>
        <source>导入台账…</source>
        <translation>Import ledger…</translation>
    </message>
    <message>
        <source>导出调度表…</source>
        <translation>Export progress-report sheet…</translation>
    </message>
    <message>
        <source>导出表格…</source>
        <translation>Export tables…</translation>
    </message>
    <message>
        <source>导出日历…</source>
        <translation>Export calendar…</translation>
    </message>
    <message>
        <source>导出失败：%1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>正在%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>已取消%1</source>
        <translation>Cancelled: %1</translation>
    </message>
</context>
<context>
    <name>SlipLog</name>
    <message>
        <source>记录时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>原计划</source>
        <translation>Old date</translation>
    </message>
    <message>
        <source>新计划</source>
        <translation>New date</translation>
    </message>
    <message>
        <source>变动天数</source>
        <translation>Days moved</translation>
    </message>
    <message>
        <source>调整原因</source>
        <translation>Reason for change</translation>
    </message>
    <message>
        <source>批准人</source>
        <translation>Approved by</translation>
    </message>
</context>
<context>
    <name>SlipLogDialog</name>
    <message>
        <source>调整记录</source>
        <translation>Re-plan log</translation>
    </message>
    <message>
        <source>所选里程碑</source>
        <translation>Selected milestone</translation>
    </message>
    <message>
        <source>本项目全部里程碑</source>
        <translation>All milestones of this project</translation>
    </message>
    <message>
        <source>%1：重新计划 %2 次，累计延期 %3 天，提前 %4 天</source>
        <translation>%1: re-planned %2 time(s), %3 day(s) slipped in total, %4 day(s) pulled in</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>组合文件以只读方式打开，不能同步。</source>
        <translation>The portfolio is open read-only and cannot sync.</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>同步未完成：%1</source>
        <translation>Sync not done: %1</translation>
    </message>
    <message>
        <source>同步完成：发出 %1 个变更集，合并 %2 个（新增 %3，更新 %4，删除 %5，冲突 %6）</source>
        <translation>Sync done: %1 changeset(s) sent, %2 merged (%3 added, %4 updated, %5 deleted, %6 conflicts)</translation>
    </message>
    <message>
        <source>%1 个文件尚未传完，下次同步再合并</source>
        <translation>%1 file(s) still arriving, merged at the next sync</translation>
    </message>
    <message>
        <source>拒收 %1 个不合格的变更集</source>
        <translation>%1 invalid changeset(s) refused</translation>
    </message>
    <message>
        <source>同步中心暂时无法连接，已继续离线工作，下次同步时补上（%1）</source>
        <translation>The sync hub cannot be reached; work continues offline and the next sync catches up (%1)</translation>
    </message>
    <message>
        <source>交换文件夹已同步：发出 %1 个，合并 %2 个</source>
        <translation>Exchange folder synced: %1 sent, %2 merged</translation>
    </message>
    <message>
        <source>同步中心：%1</source>
        <translation>Sync hub: %1</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>与交换文件夹或同步中心交换变更（%1）</source>
        <translation>Exchange changes through the exchange folder or the sync hub (%1)</translation>
    </message>
    <message>
        <source>同步设置…</source>
        <translation>Sync settings…</translation>
    </message>
    <message>
        <source>未输入同步中心密码，本次未与同步中心同步</source>
        <translation>No hub password given: this round did not sync with the hub</translation>
    </message>
    <message>
        <source>清理 %1 个各方都已合并的旧变更集</source>
        <translation>removed %1 old changesets every site has merged</translation>
    </message>
    <message>
        <source>本文件落后于交换文件夹：需要办公室的最新完整组合文件</source>
        <translation>This file has fallen behind the exchange folder: it needs an up-to-date full portfolio file from the office</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>同步设置</source>
        <translation>Sync settings</translation>
    </message>
    <message>
        <source>各单位共用的文件夹（Syncthing、网络共享或同步盘）</source>
        <translation>A folder shared by all units (Syncthing, a network share or a sync disk)</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>交换文件夹</source>
        <translation>Exchange folder</translation>
    </message>
    <message>
        <source>同步中心（PostgreSQL）</source>
        <translation>Sync hub (PostgreSQL)</translation>
    </message>
    <message>
        <source>选择交换文件夹</source>
        <translation>Choose the exchange folder</translation>
    </message>
    <message>
        <source>两项可只填一项，也可都填（先交换文件夹，后同步中心）。设置只保存在本组合文件中，导出时不会带出。同步中心的密码不要写在地址里：请写入 PostgreSQL 密码文件（~/.pgpass，或环境变量 PGPASSFILE 指定的文件），由 PostgreSQL 驱动读取；没有密码文件时，同步时会询问密码，只在本次运行中记住。</source>
        <translation>Fill in either or both (the exchange folder syncs first, then the hub). The settings are kept in this portfolio file only and never exported. Do not put the hub password in the address: write it into the PostgreSQL password file (~/.pgpass, or the file the PGPASSFILE environment variable names), where the PostgreSQL driver reads it; without a password file, 同步 asks for the password and remembers it only while the app runs.</translation>
    </message>
</context>
<context>
    <name>TableMenu</name>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TeamCard</name>
    <message>
        <source>已淘汰</source>
        <translation>Eliminated</translation>
    </message>
    <message>
        <source>第 %1 名</source>
        <translation>Rank %1</translation>
    </message>
    <message>
        <source>共 %1</source>
        <translation>%1 in all</translation>
    </message>
    <message>
        <source>按承诺完成里程碑</source>
        <translation>Milestones met as pledged</translation>
    </message>
    <message>
        <source>最近考核得分</source>
        <translation>Latest review score</translation>
    </message>
    <message>
        <source>最近考核</source>
        <translation>Latest review</translation>
    </message>
    <message>
        <source>累计延期</source>
        <translation>Total delay</translation>
    </message>
    <message>
        <source>%1 天</source>
        <translation>%1 day(s)</translation>
    </message>
    <message>
        <source>拨款</source>
        <translation>Funding</translation>
    </message>
    <message>
        <source>已拨 %1 / 计划 %2 万元</source>
        <translation>Disbursed %1 / planned %2 (10k CNY)</translation>
    </message>
    <message>
        <source>%1 淘汰：%2</source>
        <translation>Eliminated %1: %2</translation>
    </message>
    <message>
        <source>淘汰…</source>
        <translation>Eliminate…</translation>
    </message>
</context>
<context>
    <name>TeamsTab</name>
    <message>
        <source>删除揭榜方「%1」（及其里程碑、考核和拨款记录）？可以撤销。</source>
        <translation>Delete applicant team “%1” (and its milestones, reviews and funding records)? This can be undone.</translation>
    </message>
    <message>
        <source>删除揭榜方</source>
        <translation>Delete applicant team</translation>
    </message>
    <message>
        <source>删除揭榜方「%1」</source>
        <translation>Delete applicant team “%1”</translation>
    </message>
    <message>
        <source>按得分排名</source>
        <translation>Rank by score</translation>
    </message>
    <message>
        <source>无法修改状态</source>
        <translation>Cannot change status</translation>
    </message>
    <message>
        <source>%1 状态改为“%2”</source>
        <translation>Set status of %1 to “%2”</translation>
    </message>
    <message>
        <source>新增揭榜方</source>
        <translation>Add applicant team</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>状态 ▾</source>
        <translation>Status ▾</translation>
    </message>
    <message>
        <source>确定立项…</source>
        <translation>Select awarded teams…</translation>
    </message>
    <message>
        <source>签订军令状…</source>
        <translation>Sign pledge…</translation>
    </message>
    <message>
        <source>评审得分录入后可按得分排名；会议审议时“确定立项”（赛马可选多个团队），未选中的申报团队记为未通过。立项团队签订军令状后方可立项。</source>
        <translation>Once review scores are entered, teams can be ranked by score. At panel deliberation use “Select awarded teams” (a parallel race may select several teams); applicant teams not selected are marked Not approved. The challenge can be approved only after the selected teams have signed their pledges.</translation>
    </message>
</context>
<context>
    <name>Template</name>
    <message>
        <source>请填写日期，例如 2025-06-30</source>
        <translation>Enter a date, e.g. 2025-06-30</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>请从下拉列表中选择</source>
        <translation>Choose from the drop-down list</translation>
    </message>
    <message>
        <source>可选值</source>
        <translation>Allowed values</translation>
    </message>
    <message>
        <source>请填写不小于 0 的数字（万元）</source>
        <translation>Enter a number of at least 0 (10k CNY)</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>本周进展</source>
        <translation>Progress this week</translation>
    </message>
    <message>
        <source>存在问题（调整计划日期时写明原因）</source>
        <translation>Issues (give the reason if you change a planned date)</translation>
    </message>
    <message>
        <source>下周计划</source>
        <translation>Plan for next week</translation>
    </message>
    <message>
        <source>里程碑调度</source>
        <translation>Milestone progress</translation>
    </message>
    <message>
        <source>系统编号</source>
        <translation>System ID</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>所属项目/揭榜方</source>
        <translation>Project/applicant team</translation>
    </message>
    <message>
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>交付成果</source>
        <translation>Deliverable</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>基线日期</source>
        <translation>Baseline date</translation>
    </message>
    <message>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>实际完成日期</source>
        <translation>Actual completion date</translation>
    </message>
    <message>
        <source>项目调度</source>
        <translation>Project progress</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>牵头/责任单位</source>
        <translation>Lead/responsible unit</translation>
    </message>
    <message>
        <source>计划开工</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>计划完工</source>
        <translation>Planned completion</translation>
    </message>
    <message>
        <source>总投资（万元）</source>
        <translation>Total investment (10k CNY)</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>实际开工</source>
        <translation>Actual start</translation>
    </message>
    <message>
        <source>实际完工</source>
        <translation>Actual completion</translation>
    </message>
    <message>
        <source>累计完成投资（万元）</source>
        <translation>Cumulative investment completed (10k CNY)</translation>
    </message>
    <message>
        <source>年度已完成投资（万元）</source>
        <translation>Annual investment completed (10k CNY)</translation>
    </message>
    <message>
        <source>填写说明：① 只填写黄色底纹的列（状态、实际日期、进展、问题、下周计划等），灰色列只读，请勿插入或删除行列、请勿修改项目和里程碑名称；② 状态、阶段从下拉列表中选择，日期写成 2025-06-30；③ 修改“计划日期”即为调整计划，必须在“存在问题”列写明调整原因，否则该行不会导入；④ 填好后原样交回项目办，由项目办在“文件 › 导入台账…”中导入。</source>
        <translation>How to fill in: ① Fill in only the yellow-shaded columns (status, actual dates, progress, issues, next week’s plan, etc.); grey columns are read-only. Do not insert or delete rows or columns, and do not change project or milestone names. ② Choose status and stage from the drop-down lists; write dates as 2025-06-30. ③ Changing the “Planned date” is a re-plan: you must give the reason in the “Issues” column, otherwise the row will not be imported. ④ When done, return the sheet as it is to the project office, which imports it via “File › Import ledger…”.</translation>
    </message>
    <message>
        <source>{unit}调度表 · {sheet}</source>
        <translation>{unit} progress-report sheet · {sheet}</translation>
    </message>
    <message>
        <source>组合文件：{portfolio} · 导出日期：{date} · 共 {count} 条</source>
        <translation>Portfolio file: {portfolio} · Exported: {date} · {count} entries</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>【调度 {date}】</source>
        <translation>[Progress report {date}]</translation>
    </message>
    <message>
        <source>本周进展：{text}</source>
        <translation>Progress this week: {text}</translation>
    </message>
    <message>
        <source>存在问题：{text}</source>
        <translation>Issues: {text}</translation>
    </message>
    <message>
        <source>下周计划：{text}</source>
        <translation>Plan for next week: {text}</translation>
    </message>
    <message>
        <source>问题督办</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>督办编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>所属项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>问题描述</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>协调事项/诉求</source>
        <translation>Coordination requested</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>办理情况（退回、挂起时写明原因）</source>
        <translation>Progress (give the reason when returning or suspending)</translation>
    </message>
    <message>
        <source>办理结果（办结时必填）</source>
        <translation>Result (required to close)</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message numerus="yes">
        <source>%n 个项目的里程碑</source>
        <translation>
            <numerusform>Milestones of %n project</numerusform>
            <numerusform>Milestones of %n projects</numerusform>
        </translation>
    </message>
    <message>
        <source>&#x3000;—&#x3000;还没有里程碑；在项目详情中新增里程碑后显示在这里。</source>
        <translation> — no milestones yet; add milestones in the project details and they appear here.</translation>
    </message>
    <message>
        <source>在项目台账中选择项目，再点“时间轴”查看其里程碑。</source>
        <translation>Select projects in the register, then click “Timeline” to see their milestones.</translation>
    </message>
    <message>
        <source>◇ 基线日期&#x3000;● 计划日期（颜色 = 亮灯）&#x3000;▲ 实际完成&#x3000;— 基线到计划的调整&#x3000;┆ 今天&#x3000;（滚轮缩放日期，Shift+滚轮或右侧滚动条上下翻看，拖动平移，点击里程碑打开）</source>
        <translation>◇ baseline date   ● planned date (colour = status light)   ▲ actual completion   — slip from baseline to plan   ┆ today   (wheel to zoom the dates, Shift+wheel or the scroll bar on the right to scroll the rows, drag to pan, click a milestone to open it)</translation>
    </message>
</context>
<context>
    <name>TourDialog</name>
    <message>
        <source>使用指引</source>
        <translation>Quick Tour</translation>
    </message>
    <message>
        <source>查找项目</source>
        <translation>Find a project</translation>
    </message>
    <message>
        <source>在“项目”页顶部的搜索框输入名称的一部分（例如“超瞬态”），或按 Ctrl+F。可按类别、阶段、责任单位、片区、亮灯筛选，也可分组查看。</source>
        <translation>Type part of a name into the search box at the top of the Projects tab (e.g. “超瞬态”), or press Ctrl+F. You can filter by category, stage, responsible unit, zone and status light, or view projects in groups.</translation>
    </message>
    <message>
        <source>调整里程碑</source>
        <translation>Re-plan a milestone</translation>
    </message>
    <message>
        <source>打印简报</source>
        <translation>Print the brief</translation>
    </message>
    <message>
        <source>“文件 → 打印简报”按周生成 A4 工作简报，可预览、保存 PDF 或直接打印。</source>
        <translation>“File → Print brief” produces the weekly A4 work brief, which you can preview, save as PDF or print directly.</translation>
    </message>
    <message>
        <source>给责任单位发文件</source>
        <translation>Send files to responsible units</translation>
    </message>
    <message>
        <source>“文件 → 导出组合文件”可只导出某一责任单位的项目发给对方；对方更新后发回，用“合并组合文件”（或把文件拖到窗口上）合并，冲突会逐条列出。</source>
        <translation>“File → Export portfolio file” can export just one responsible unit’s projects to send to it; when the unit sends the file back updated, merge it with “Merge portfolio file” (or drag the file onto the window), and any conflicts are listed one by one.</translation>
    </message>
    <message>
        <source>不再显示</source>
        <translation>Don’t show again</translation>
    </message>
    <message>
        <source>上一条</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一条</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>在右侧里程碑表中双击计划日期（或按 F2）即可修改。改动已承诺的日期会要求填写原因，并如实记入调整记录；亮灯颜色和原因随即更新。任何修改都可用 Ctrl+Z 撤销。Ctrl+M 新增里程碑，F6 在项目表与里程碑表之间切换，右键（或菜单键）列出常用操作。</source>
        <translation>Double-click a planned date in the milestone table on the right (or press F2) to change it. Changing a committed date asks for a reason, which is recorded in the re-plan log; the status light and its reason update at once. Any change can be undone with Ctrl+Z. Ctrl+M adds a milestone, F6 switches between the project table and the milestone table, and a right-click (or the Menu key) lists the frequent actions.</translation>
    </message>
</context>
<context>
    <name>TrancheDialog</name>
    <message>
        <source>拨款批次 — %1</source>
        <translation>Funding tranche — %1</translation>
    </message>
    <message>
        <source>（不挂钩，如首笔拨付）</source>
        <translation>(Not linked, e.g. first tranche)</translation>
    </message>
    <message>
        <source>挂钩里程碑</source>
        <translation>Linked milestone</translation>
    </message>
    <message>
        <source>计划金额（万元）</source>
        <translation>Planned amount (10k CNY)</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>已拨金额（万元）</source>
        <translation>Amount disbursed (10k CNY)</translation>
    </message>
    <message>
        <source>拨付日期</source>
        <translation>Disbursement date</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>%1 拨款批次</source>
        <translation>%1: funding tranche</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>推进阶段 — %1</source>
        <translation>Advance stage — %1</translation>
    </message>
    <message>
        <source>（条件未满足）</source>
        <translation> (conditions not met)</translation>
    </message>
    <message>
        <source>当前阶段</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <source>转到</source>
        <translation>Move to</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>说明*</source>
        <translation>Note*</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>榜单转到“%1”</source>
        <translation>Move challenge to “%1”</translation>
    </message>
</context>
<context>
    <name>UnitAdder</name>
    <message>
        <source>输入单位名称后回车加入；没有的单位将新建</source>
        <translation>Type a unit name and press Enter to add it; a unit not yet known is created</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <source>新建单位「{name}」（{kind}）</source>
        <translation>New unit “{name}” ({kind})</translation>
    </message>
    <message>
        <source>选择或输入单位名称</source>
        <translation>Choose or type a unit name</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <source>单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>区县/片区</source>
        <translation>District/zone</translation>
    </message>
    <message>
        <source>引用</source>
        <translation>Used by</translation>
    </message>
    <message>
        <source>新建单位…</source>
        <translation>New unit…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>合并所选单位…</source>
        <translation>Merge selected units…</translation>
    </message>
    <message>
        <source>疑似重复（去掉“有限公司”、空格和全角写法后名称相同），可选中后合并：</source>
        <translation>Possible duplicates (the same name once 有限公司, spaces and full-width forms are ignored); select them to merge:</translation>
    </message>
    <message>
        <source>合并单位</source>
        <translation>Merge units</translation>
    </message>
    <message>
        <source>请先选中两个或更多要合并的单位。</source>
        <translation>Select two or more units to merge first.</translation>
    </message>
    <message>
        <source>保留哪个单位？其余单位的引用将改为它。</source>
        <translation>Which unit is kept? References to the others move to it.</translation>
    </message>
    <message>
        <source>将 %1 合并到「%2」：引用它们的项目、里程碑、榜单等改为「%2」，然后删除它们。可以撤销。</source>
        <translation>Merge %1 into “%2”: projects, milestones, challenges and other records naming them will name “%2”, then they are deleted. This can be undone.</translation>
    </message>
    <message>
        <source>合并单位到「%1」</source>
        <translation>Merge units into “%1”</translation>
    </message>
</context>
<context>
    <name>UnitsPage</name>
    <message>
        <source>确认新单位</source>
        <translation>Confirm new units</translation>
    </message>
    <message>
        <source>以下单位名称在组合中找不到。导入时会新建它们；如果其实是已有单位的另一种写法，请在右侧选择对应的单位。</source>
        <translation>The following unit names are not in the portfolio and will be created on import. If one is really another spelling of an existing unit, choose that unit on the right.</translation>
    </message>
    <message>
        <source>表中写法</source>
        <translation>As written in the sheet</translation>
    </message>
    <message>
        <source>出现在</source>
        <translation>Appears in</translation>
    </message>
    <message>
        <source>处理方式</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>新建单位（%1）</source>
        <translation>Create new unit (%1)</translation>
    </message>
    <message>
        <source>即已有单位：%1</source>
        <translation>Same as existing unit: %1</translation>
    </message>
    <message>
        <source>“%1”按已有单位“%2”处理</source>
        <translation>“%1” treated as the existing unit “%2”</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>欢迎使用科创项目台账</source>
        <translation>Welcome to Kechuang Project Ledger</translation>
    </message>
    <message>
        <source>新建空白组合</source>
        <translation>Create an empty portfolio</translation>
    </message>
    <message>
        <source>组合数据保存在本机文件：
%1
所有数据只在本机，离线可用；可用“文件 → 导出组合文件”发给其他单位。</source>
        <translation>Portfolio data is saved in a file on this computer:
%1
All data stays on this computer and works offline; use “File → Export Portfolio File” to send it to other units.</translation>
    </message>
    <message>
        <source>从规划文件开始：载入所选规划中的项目、里程碑和指标（推荐）</source>
        <translation>Start from the plans: load the projects, milestones and indicators of the plans chosen (recommended)</translation>
    </message>
    <message>
        <source>本单位使用的规划（可多选，以后可在“文件 → 添加内置规划”中补充）</source>
        <translation>The plans this office works with (any of them; more can be added later in File → Add built-in plans)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>科创项目台账</source>
        <translation>Kechuang Project Ledger</translation>
    </message>
</context>
<context>
    <name>attachments</name>
    <message>
        <source>{record}不能添加附件（只能添加到项目、里程碑、问题、考核或揭榜方）</source>
        <translation>{record} cannot take attachments (only a project, milestone, problem, review or team can)</translation>
    </message>
    <message>
        <source>附件总量将超过本组合文件的上限（已用 {used} MB，本文件 {size} MB，上限 {limit} MB）。可删除不需要的附件，或在设置中调高上限</source>
        <translation>Attachments would exceed this portfolio&apos;s budget ({used} MB used, this file {size} MB, budget {limit} MB). Delete attachments no longer needed, or raise the budget in the settings</translation>
    </message>
    <message>
        <source>无法读取“{name}”：{detail}</source>
        <translation>Cannot read “{name}”: {detail}</translation>
    </message>
    <message>
        <source>“{name}”不是文件</source>
        <translation>“{name}” is not a file</translation>
    </message>
    <message>
        <source>找不到编号为 {id} 的附件</source>
        <translation>No attachment with id {id}</translation>
    </message>
    <message>
        <source>附件“{name}”的内容不在本组合文件中（可能尚未随交换文件收到）</source>
        <translation>The content of attachment “{name}” is not in this portfolio (perhaps not yet received with an exchange file)</translation>
    </message>
    <message>
        <source>无法写入“{path}”：{detail}</source>
        <translation>Cannot write “{path}”: {detail}</translation>
    </message>
    <message>
        <source>拍摄日期 {date}</source>
        <translation>taken {date}</translation>
    </message>
    <message>
        <source>“{name}”的像素数过大（{detail}），可能是解压炸弹，不予接受</source>
        <translation>“{name}” has too many pixels ({detail}), possibly a decompression bomb; refused</translation>
    </message>
    <message>
        <source>“{name}”无法作为图片读取（{detail}）</source>
        <translation>“{name}” cannot be read as an image ({detail})</translation>
    </message>
    <message>
        <source>{record}：附件必须属于一个项目、里程碑、问题、考核或揭榜方（只选一个）</source>
        <translation>{record}: an attachment must belong to one project, milestone, problem, review or team (exactly one)</translation>
    </message>
    <message>
        <source>{record}：组合文件中没有内容摘要为 {sha256} 的文件；附件请用“添加附件”或 kechuang attach 添加</source>
        <translation>{record}: the portfolio holds no file with digest {sha256}; add attachments with “Add attachment” or kechuang attach</translation>
    </message>
    <message>
        <source>{record}：文件大小或类型与所存内容不符</source>
        <translation>{record}: the file&apos;s size or type does not match the stored content</translation>
    </message>
    <message>
        <source>“{name}”不是可接受的附件类型（只接受 JPEG/PNG/HEIC 照片、PDF、Word 和 Excel 文件，按文件内容判断，不看扩展名）</source>
        <translation>“{name}” is not an accepted attachment type (only JPEG/PNG/HEIC photos, PDF, Word and Excel files, judged by content, not by extension)</translation>
    </message>
    <message>
        <source>“{name}”过大（{size} MB），单个附件上限 {limit} MB</source>
        <translation>“{name}” is too large ({size} MB); an attachment may be at most {limit} MB</translation>
    </message>
    <message>
        <source>“{name}”是空文件</source>
        <translation>“{name}” is empty</translation>
    </message>
    <message>
        <source>“{name}”是 HEIC 照片，本机未安装读取 HEIC 的组件（pillow-heif），请先转换为 JPEG 再添加</source>
        <translation>“{name}” is a HEIC photo and the HEIC reader (pillow-heif) is not installed here; convert it to JPEG first</translation>
    </message>
    <message>
        <source>“{name}”解压后过大或压缩比异常（{detail}），可能是压缩炸弹，不予接受</source>
        <translation>“{name}” unpacks too large or compresses abnormally ({detail}), possibly a zip bomb; refused</translation>
    </message>
    <message>
        <source>“{name}”是损坏的 Word/Excel 文件（{detail}）</source>
        <translation>“{name}” is a damaged Word/Excel file ({detail})</translation>
    </message>
    <message>
        <source>“{name}”是含宏或其他类型的 Office 文件，只接受 .docx 和 .xlsx</source>
        <translation>“{name}” is a macro-enabled or other kind of Office file; only .docx and .xlsx are accepted</translation>
    </message>
</context>
<context>
    <name>brief</name>
    <message>
        <source>科创项目台账</source>
        <translation>Kechuang Project Ledger</translation>
    </message>
    <message>
        <source>{name}&#x3000;第{number}期</source>
        <translation>{name}, Issue {number}</translation>
    </message>
    <message>
        <source>内置公文字体（仿宋、黑体、楷体、宋体）</source>
        <translation>Bundled official-document fonts (FangSong, Hei, Kai, Song)</translation>
    </message>
    <message>
        <source>仿宋（系统字体）</source>
        <translation>Fangsong (system font)</translation>
    </message>
    <message>
        <source>宋体（系统字体）</source>
        <translation>Songti (system font)</translation>
    </message>
    <message>
        <source>黑体（系统字体）</source>
        <translation>Heiti (system font)</translation>
    </message>
    <message>
        <source>内部资料</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>第{number}期</source>
        <translation>Issue {number}</translation>
    </message>
    <message>
        <source>{issuer}编</source>
        <translation>Issued by {issuer}</translation>
    </message>
    <message>
        <source>全区科创项目推进情况</source>
        <translation>District-wide Progress of S&amp;T Innovation Projects</translation>
    </message>
    <message>
        <source>（{year}年第{week}周&#x3000;{start}—{end}）</source>
        <translation>(Week {week} of {year}: {start} – {end})</translation>
    </message>
    <message>
        <source>报：</source>
        <translation>To: </translation>
    </message>
    <message>
        <source>送：</source>
        <translation>Copy: </translation>
    </message>
    <message>
        <source>发：</source>
        <translation>Distribution: </translation>
    </message>
    <message>
        <source>重大科技基础设施</source>
        <translation>Major research facilities</translation>
    </message>
    <message>
        <source>揭榜挂帅进展</source>
        <translation>Open Challenges progress</translation>
    </message>
    <message>
        <source>亮灯情况</source>
        <translation>Status lights</translation>
    </message>
    <message>
        <source>本期主要变化</source>
        <translation>Main changes in this issue</translation>
    </message>
    <message>
        <source>需协调解决的事项</source>
        <translation>Matters needing coordination</translation>
    </message>
    <message>
        <source>总体进度</source>
        <translation>Overall progress</translation>
    </message>
    <message>
        <source>下周安排</source>
        <translation>Plans for next week</translation>
    </message>
    <message>
        <source>附表：规划指标完成情况</source>
        <translation>Appendix: progress on plan indicators</translation>
    </message>
    <message>
        <source>科创项目工作简报</source>
        <translation>S&amp;T Projects Work Brief</translation>
    </message>
    <message>
        <source>科创项目办公室</source>
        <translation>S&amp;T Projects Office</translation>
    </message>
    <message>
        <source>区委、区政府主要领导，分管领导</source>
        <translation>Principal leaders of the District Party Committee and District Government; leaders in charge</translation>
    </message>
    <message>
        <source>区委办公室，区人大常委会办公室，区政府办公室，区政协办公室</source>
        <translation>District Party Committee Office, Office of the District People’s Congress Standing Committee, District Government Office, District CPPCC Office</translation>
    </message>
    <message>
        <source>各责任单位，各园区公司</source>
        <translation>All responsible units; all park companies</translation>
    </message>
    <message>
        <source>截至{date}，台账共有项目{projects}个、里程碑{milestones}个、揭榜挂帅榜单{challenges}个、规划指标{indicators}个。</source>
        <translation>As of {date}, the ledger holds: projects {projects}, milestones {milestones}, Open Challenges {challenges}, plan indicators {indicators}.</translation>
    </message>
    <message>
        <source>快于序时进度{gap:.1f}个百分点</source>
        <translation>{gap:.1f} percentage points ahead of the pro-rata schedule</translation>
    </message>
    <message>
        <source>慢于序时进度{gap:.1f}个百分点</source>
        <translation>{gap:.1f} percentage points behind the pro-rata schedule</translation>
    </message>
    <message>
        <source>另有{n}个项目尚未填写所处阶段。</source>
        <translation>Stage not yet set for a further {n} project(s).</translation>
    </message>
    <message>
        <source>全部项目</source>
        <translation>All projects</translation>
    </message>
    <message>
        <source>纳入台账的重大科技基础设施共{n}个，其中红灯{red}个、黄灯{yellow}个。</source>
        <translation>Major research facilities in the ledger: {n}, of which red {red}, yellow {yellow}.</translation>
    </message>
    <message>
        <source>台账中暂无重大科技基础设施项目。</source>
        <translation>The ledger has no major research facility projects yet.</translation>
    </message>
    <message>
        <source>共有揭榜挂帅榜单{n}个，榜额合计{budget}；已发榜及以后阶段{published}个，已立项{selected}个。</source>
        <translation>Open Challenges: {n}, total award {budget}; published or later stage {published}, approved {selected}.</translation>
    </message>
    <message>
        <source>台账中暂无揭榜挂帅榜单。</source>
        <translation>The ledger has no Open Challenges yet.</translation>
    </message>
    <message>
        <source>本周榜单进展</source>
        <translation>Challenge progress this week</translation>
    </message>
    <message>
        <source>阶段：{from_}→{to}</source>
        <translation>Stage: {from_} → {to}</translation>
    </message>
    <message>
        <source>{team}里程碑考核：{result}</source>
        <translation>{team} milestone review: {result}</translation>
    </message>
    <message>
        <source>攻关里程碑</source>
        <translation>Research milestones</translation>
    </message>
    <message>
        <source>赛马比拼</source>
        <translation>Parallel races</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>下周</source>
        <translation>Next week</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>与上期简报（第{number}期，截至{date}）相比，</source>
        <translation>Compared with the last brief (issue {number}, as of {date}): </translation>
    </message>
    <message>
        <source>与一周前（{date}）相比，</source>
        <translation>Compared with a week ago ({date}): </translation>
    </message>
    <message>
        <source>新增红灯项目{red}个，恢复正常{back}个；调整里程碑计划{slipped}次，累计推迟{days}天；完成里程碑{completed}个；新增受阻里程碑{blocked}个。</source>
        <translation>{red} projects newly red, {back} back to normal; {slipped} milestone re-plans, {days} days of delay in all; {completed} milestones completed; {blocked} milestones newly blocked. </translation>
    </message>
    <message>
        <source>新录入项目{n}个。</source>
        <translation>{n} projects entered.</translation>
    </message>
    <message>
        <source>删除项目{n}个。</source>
        <translation>{n} projects deleted.</translation>
    </message>
    <message>
        <source>无新增红灯、恢复正常、计划调整、完成或受阻事项。</source>
        <translation>nothing newly red, back to normal, re-planned, completed or blocked.</translation>
    </message>
    <message>
        <source>新增红灯</source>
        <translation>Newly red</translation>
    </message>
    <message>
        <source>恢复正常</source>
        <translation>Back to normal</translation>
    </message>
    <message>
        <source>计划调整</source>
        <translation>Re-planned</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>新增受阻</source>
        <translation>Newly blocked</translation>
    </message>
    <message>
        <source>原为{colour}灯；{reason}</source>
        <translation>was {colour}; {reason}</translation>
    </message>
    <message>
        <source>“{name}”由{old}调整至{new}（{days}天）：{reason}</source>
        <translation>“{name}” moved from {old} to {new} ({days} days): {reason}</translation>
    </message>
    <message>
        <source>未说明原因</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <source>“{name}”于{date}完成</source>
        <translation>“{name}” completed on {date}</translation>
    </message>
    <message>
        <source>“{name}”受阻：{detail}</source>
        <translation>“{name}” blocked: {detail}</translation>
    </message>
    <message>
        <source>{names}等{n}家</source>
        <translation>{names} and others ({n})</translation>
    </message>
    <message>
        <source>本期变化明细</source>
        <translation>Changes in detail</translation>
    </message>
    <message>
        <source>需协调解决的事项{n}项：受阻里程碑{blocked}项，逾期滞后项目{late}项，投资滞后项目{pace}项。按紧迫程度列出如下。</source>
        <translation>{n} matters need coordination: {blocked} blocked milestones, {late} projects overdue, {pace} projects behind on investment. Most urgent first:</translation>
    </message>
    <message>
        <source>目前无受阻里程碑和红灯项目。</source>
        <translation>There are no blocked milestones and no red projects.</translation>
    </message>
    <message>
        <source>原计划{date}完成</source>
        <translation>planned for {date}</translation>
    </message>
    <message>
        <source>年度投资</source>
        <translation>Annual investment</translation>
    </message>
    <message>
        <source>{n}天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>另有{n}个里程碑（涉及{projects}个项目）逾期一年以上仍未填报完成情况，多为已结束规划期的目标，请责任单位核实后更新，详见附表{k}。</source>
        <translation>Another {n} milestones ({projects} projects) are more than a year overdue with no outcome recorded, mostly targets of plan periods already over; the responsible units are asked to verify and update them, see appendix {k}.</translation>
    </message>
    <message>
        <source>另有{n}个里程碑（涉及{projects}个项目）逾期一年以上仍未填报完成情况，多为已结束规划期的目标，请责任单位核实后更新。</source>
        <translation>Another {n} milestones ({projects} projects) are more than a year overdue with no outcome recorded, mostly targets of plan periods already over; the responsible units are asked to verify and update them.</translation>
    </message>
    <message>
        <source>需协调解决事项清单</source>
        <translation>Matters needing coordination</translation>
    </message>
    <message>
        <source>逾期一年以上待核实里程碑</source>
        <translation>Milestones more than a year overdue, to verify</translation>
    </message>
    <message>
        <source>各责任单位项目亮灯情况如下，红灯、黄灯多者在前，一个项目有几个责任单位时各计一次。</source>
        <translation>Colours by responsible unit, most red and yellow first; a project with several units counts for each:</translation>
    </message>
    <message>
        <source>其他{n}个单位</source>
        <translation>{n} other units</translation>
    </message>
    <message>
        <source>红灯、黄灯项目清单</source>
        <translation>Red and yellow projects</translation>
    </message>
    <message>
        <source>责任单位按期完成里程碑情况排名见附表{k}。</source>
        <translation>The ranking of units by milestones met on time is in appendix {k}.</translation>
    </message>
    <message>
        <source>投资进度</source>
        <translation>Investment</translation>
    </message>
    <message>
        <source>开工情况</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>年度计划投资{plan}，已完成{done}，完成率{pct}，序时进度{expected}，{relation}。</source>
        <translation>annual plan {plan}, invested {done}, {pct} complete against {expected} of the year elapsed, {relation}.</translation>
    </message>
    <message>
        <source>暂无填报年度计划投资的项目。</source>
        <translation>no project has an annual investment plan yet.</translation>
    </message>
    <message>
        <source>已开工（含在建、投产、达产）项目{started}个，占已明确阶段项目（{staged}个）的{rate}。</source>
        <translation>{started} projects started (building, in production or at capacity), {rate} of the {staged} with a stage.</translation>
    </message>
    <message>
        <source>逾期未完成{overdue}个，其中逾期一年以上{stale}个；本周到期未完成{due}个。</source>
        <translation>{overdue} overdue and open, {stale} of them more than a year; {due} due this week and open.</translation>
    </message>
    <message>
        <source>逾期未完成里程碑（逾期一年以内）</source>
        <translation>Overdue milestones (within a year)</translation>
    </message>
    <message>
        <source>本周到期未完成里程碑</source>
        <translation>Milestones due this week, open</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>逾期天数</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>设施名称</source>
        <translation>Facility name</translation>
    </message>
    <message>
        <source>牵头/责任单位</source>
        <translation>Lead/responsible unit</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>设施阶段</source>
        <translation>Facility phase</translation>
    </message>
    <message>
        <source>累计/总投资</source>
        <translation>Invested/total</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>{name}：{reason}，责任单位{units}。</source>
        <translation>{name}: {reason}; responsible: {units}. </translation>
    </message>
    <message>
        <source>各设施进展见附表{k}。</source>
        <translation>Each facility&apos;s progress is in appendix {k}.</translation>
    </message>
    <message>
        <source>重大科技基础设施进展</source>
        <translation>Major science facilities</translation>
    </message>
    <message>
        <source>本周榜单阶段变化{events}项、里程碑考核{reviews}次；攻关里程碑逾期{overdue}个、本周到期{due}个。</source>
        <translation>This week {events} stage changes and {reviews} milestone reviews; {overdue} research milestones overdue, {due} due this week. </translation>
    </message>
    <message>
        <source>赛马制榜单{n}个，参与赛马的揭榜方{teams}支，名次见附表{k}。</source>
        <translation>{n} challenges run as races with {teams} teams; standings in appendix {k}.</translation>
    </message>
    <message>
        <source>榜单清单见附表{k}。</source>
        <translation>The challenges are listed in appendix {k}. </translation>
    </message>
    <message>
        <source>揭榜挂帅榜单</source>
        <translation>Open-competition challenges</translation>
    </message>
    <message>
        <source>下周到期事项</source>
        <translation>Due next week</translation>
    </message>
    <message>
        <source>规划指标完成情况</source>
        <translation>Plan indicators</translation>
    </message>
    <message>
        <source>榜单名称</source>
        <translation>Challenge title</translation>
    </message>
    <message>
        <source>发榜单位</source>
        <translation>Issuing unit</translation>
    </message>
    <message>
        <source>榜额</source>
        <translation>Award</translation>
    </message>
    <message>
        <source>申报截止</source>
        <translation>Application deadline</translation>
    </message>
    <message>
        <source>揭榜方式</source>
        <translation>Award mode</translation>
    </message>
    <message>
        <source>揭榜方</source>
        <translation>Applicant team</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>榜单</source>
        <translation>Challenge</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>揭榜单位</source>
        <translation>Applicant unit</translation>
    </message>
    <message>
        <source>挂帅人</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <source>评审得分</source>
        <translation>Review score</translation>
    </message>
    <message>
        <source>最近考核</source>
        <translation>Latest review</translation>
    </message>
    <message>
        <source>责任单位赛马比拼</source>
        <translation>Responsible-unit race</translation>
    </message>
    <message>
        <source>受阻</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>（未填写受阻原因）</source>
        <translation>(no reason for the blockage given)</translation>
    </message>
    <message>
        <source>下周（{start}至{end}）需完成或推进的事项{n}项。</source>
        <translation>Items to complete or advance next week ({start} – {end}): {n}.</translation>
    </message>
    <message>
        <source>下周无到期的里程碑、申报截止和拨款事项。</source>
        <translation>No milestones, application deadlines or disbursements due next week.</translation>
    </message>
    <message>
        <source>榜单申报截止</source>
        <translation>Challenge application deadline</translation>
    </message>
    <message>
        <source>第{seq}批资金拨付</source>
        <translation>Disbursement of tranche {seq}</translation>
    </message>
    <message>
        <source>台账中暂无规划指标。</source>
        <translation>The ledger has no plan indicators yet.</translation>
    </message>
    <message>
        <source>（{year}年）</source>
        <translation>({year})</translation>
    </message>
    <message>
        <source>红灯</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>黄灯</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>绿灯</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>蓝灯</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>灰灯</source>
        <translation>Grey</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>项目数</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>按期</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>按期率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <source>延期天数</source>
        <translation>Days of delay</translation>
    </message>
    <message>
        <source>投资完成率</source>
        <translation>Investment completion</translation>
    </message>
    <message>
        <source>所属项目/榜单</source>
        <translation>Project/challenge</translation>
    </message>
    <message>
        <source>规划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>基期</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>最新实际</source>
        <translation>Latest actual</translation>
    </message>
    <message>
        <source>进度说明</source>
        <translation>Progress note</translation>
    </message>
    <message>
        <source>无。</source>
        <translation>None.</translation>
    </message>
    <message>
        <source>{y}年{m}月{d}日</source>
        <translation>{d}/{m}/{y}</translation>
    </message>
    <message>
        <source>{m}月{d}日</source>
        <translation>{d}/{m}</translation>
    </message>
    <message>
        <source>另有 {n} 项未列出，详见台账。</source>
        <translation>{n} more not listed here; see the ledger.</translation>
    </message>
    <message>
        <source>另有 {n} 项未列出，完整清单见简报附表（Excel）。</source>
        <translation>{n} more not listed; the full list is in the brief&apos;s appendices (Excel).</translation>
    </message>
    <message>
        <source>另有 {n} 项，见附表{k}。</source>
        <translation>{n} more, see appendix {k}.</translation>
    </message>
    <message>
        <source>明细见附表{k}。</source>
        <translation>Details in appendix {k}.</translation>
    </message>
    <message>
        <source>附表{k}</source>
        <translation>Appendix {k}</translation>
    </message>
    <message>
        <source>附表{k} {title}</source>
        <translation>App{k} {title}</translation>
    </message>
    <message>
        <source>本期简报没有附表。</source>
        <translation>This brief has no appendices.</translation>
    </message>
    <message>
        <source>{name}第{number}期（{week}）附表{k}：{title}</source>
        <translation>{name}, issue {number} ({week}), appendix {k}: {title}</translation>
    </message>
    <message>
        <source>{name}第{number}期（{week}）附表</source>
        <translation>{name}, issue {number} ({week}), appendices</translation>
    </message>
    <message>
        <source>说明：滞后按基线判断，里程碑调整计划后较基线推迟超过{days}天的，完成前至多为黄灯（原因写明较基线推迟的天数），不因调整计划转为绿灯。</source>
        <translation>Note: lateness is judged against the baseline. A milestone re-planned more than {days} days past its baseline is yellow at best until done (the reason gives the days past the baseline); a re-plan does not turn it green.</translation>
    </message>
    <message>
        <source>有 {count} 个字符无法显示（所用字体中没有，打印时会空缺）：{chars}</source>
        <translation>{count} character(s) cannot be shown (missing from the fonts used; they will be blank in print): {chars}</translation>
    </message>
    <message>
        <source>纳入台账的规划指标{n}个，其中已填报实际值{reported}个；按序时进度，红灯{red}个、黄灯{yellow}个、绿灯{green}个、蓝灯{blue}个；规划期已结束待核实{pending}个。</source>
        <translation>The ledger holds {n} plan indicators, {reported} with actual values; against the time-elapsed line {red} are red, {yellow} yellow, {green} green, {blue} blue; {pending} of plans whose period has ended are to verify.</translation>
    </message>
    <message>
        <source>全部{total}个项目中，红灯{red}个、黄灯{yellow}个、绿灯{green}个、蓝灯{blue}个、灰灯{grey}个，待核实{pending}个。</source>
        <translation>Of all {total} projects, {red} are red, {yellow} yellow, {green} green, {blue} blue, {grey} grey, and {pending} to verify.</translation>
    </message>
    <message>
        <source>另有专项计划{programmes}个、规划任务{tasks}个，不计入项目数和亮灯统计。</source>
        <translation> There are also {programmes} programmes and {tasks} plan tasks, not counted as projects nor in the colour counts.</translation>
    </message>
    <message>
        <source>规划期已结束、尚未填报完成情况的目标（待核实，不计入逾期）：里程碑{milestones}个、指标{indicators}个，其中{plans}。</source>
        <translation>Targets of plans whose period has ended, with no outcome recorded (to verify, not counted as overdue): {milestones} milestones and {indicators} indicators — {plans}.</translation>
    </message>
    <message>
        <source>{plan}里程碑{milestones}个、指标{indicators}个</source>
        <translation>{plan}: {milestones} milestones, {indicators} indicators</translation>
    </message>
    <message>
        <source>待核实</source>
        <translation>To verify</translation>
    </message>
    <message>
        <source>督办问题</source>
        <translation>Problems under supervision</translation>
    </message>
    <message>
        <source>本周新提出问题{new}个，办结{closed}个；在办问题{open}个，其中超过办理时限{overdue}个、3天内到期{soon}个。</source>
        <translation>This week {new} problem(s) were raised and {closed} closed; {open} are open, of which {overdue} past their deadline and {soon} due within 3 days.</translation>
    </message>
    <message>
        <source>另有挂起问题{n}个。</source>
        <translation>{n} more are suspended.</translation>
    </message>
    <message>
        <source>本周办结：{items}。</source>
        <translation>Closed this week: {items}.</translation>
    </message>
    <message>
        <source>“{what}”（{unit}，{result}）</source>
        <translation>“{what}” ({unit}: {result})</translation>
    </message>
    <message>
        <source>在办督办问题清单</source>
        <translation>Open problems under supervision</translation>
    </message>
    <message>
        <source>超期{n}天</source>
        <translation>{n} day(s) overdue</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>challenges</name>
    <message>
        <source>名次规则：在攻关的团队先比按军令状承诺日期（基线）完成的里程碑个数，多者在前；相同则比最近一次考核得分，高者在前；再同则累计延期天数少者在前；各项都相同的名次并列。已淘汰团队列于最后。</source>
        <translation>Ranking rule: teams still doing research are ranked first by the number of milestones completed by their pledged dates (baseline), more first; then by their latest review score, higher first; then by total days of delay, fewer first; teams equal on all of these share a rank. Eliminated teams are listed last.</translation>
    </message>
    <message>
        <source>团队淘汰，未拨付部分取消</source>
        <translation>Team eliminated; undisbursed amount cancelled</translation>
    </message>
    <message>
        <source>首笔拨付（{pct:g}%）</source>
        <translation>First tranche ({pct:g}%)</translation>
    </message>
    <message>
        <source>里程碑“{name}”考核通过后拨付</source>
        <translation>Paid once milestone “{name}” passes its review</translation>
    </message>
    <message>
        <source>确定立项</source>
        <translation>select the awarded team</translation>
    </message>
    <message>
        <source>里程碑考核淘汰</source>
        <translation>eliminate at a milestone review</translation>
    </message>
    <message>
        <source>签订军令状</source>
        <translation>sign the pledge</translation>
    </message>
    <message>
        <source>参加里程碑考核</source>
        <translation>take part in milestone reviews</translation>
    </message>
    <message>
        <source>安排拨款</source>
        <translation>schedule funding</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>文件“{path}”是一次被中断的新建留下的（{what}，没有任何记录）。要用新建的组合文件替换它，请加 --replace-partial 再运行。</source>
        <translation>The file “{path}” was left by an interrupted init ({what}, no record at all). To replace it with a new portfolio file, run again with --replace-partial.</translation>
    </message>
    <message>
        <source>参数“{arg}”应写成 字段=值</source>
        <translation>Argument “{arg}” must be written as field=value</translation>
    </message>
    <message>
        <source>未知的记录类型“{kind}”，可用：project, milestone, challenge, team, indicator, unit</source>
        <translation>Unknown record type “{kind}”; available: project, milestone, challenge, team, indicator, unit</translation>
    </message>
    <message>
        <source>已创建组合文件 {path}：{projects} 个项目，{milestones} 个里程碑，{indicators} 个指标</source>
        <translation>Created portfolio file {path}: {projects} projects, {milestones} milestones, {indicators} indicators</translation>
    </message>
    <message>
        <source>操作失败：{detail}</source>
        <translation>Operation failed: {detail}</translation>
    </message>
    <message>
        <source>没有需要修改的字段</source>
        <translation>No fields to change</translation>
    </message>
    <message>
        <source>已导出到 {path}：{projects} 个项目，{milestones} 个里程碑</source>
        <translation>Exported to {path}: {projects} projects, {milestones} milestones</translation>
    </message>
    <message>
        <source>--since-last 导出对方尚未收到的全部修改，不能与 --unit/--category 同用</source>
        <translation>--since-last exports everything the peer has not received yet; it cannot be combined with --unit/--category</translation>
    </message>
    <message>
        <source>同步完成：发出 {sent} 个增量，合并 {merged} 个（新增 {added}，更新 {updated}，删除 {deleted}，冲突 {conflicts}，疑似重复 {duplicates}），{waiting} 个尚未传完、下次再合并</source>
        <translation>Synced: sent {sent} changesets, merged {merged} (added {added}, updated {updated}, deleted {deleted}, conflicts {conflicts}, possible duplicates {duplicates}); {waiting} still arriving, merged next time</translation>
    </message>
    <message>
        <source>无法连接同步中心，本次未同步，可继续离线工作：{detail}</source>
        <translation>Cannot reach the sync hub; nothing was synced this time and you can keep working offline: {detail}</translation>
    </message>
    <message>
        <source>同步中心已就绪（本次执行的迁移：{versions}）</source>
        <translation>The sync hub is ready (migrations run now: {versions})</translation>
    </message>
    <message>
        <source>已授权账号 {role} 使用同步中心</source>
        <translation>Role {role} may now use the sync hub</translation>
    </message>
    <message>
        <source>已合并 {source}：新增 {added}，更新 {updated}，删除 {deleted}，冲突 {conflicts}，疑似重复 {duplicates}</source>
        <translation>Merged {source}: {added} added, {updated} updated, {deleted} deleted, {conflicts} conflicts, {duplicates} possible duplicates</translation>
    </message>
    <message>
        <source>预览合并 {source}（未写入）：新增 {added}，更新 {updated}，删除 {deleted}，冲突 {conflicts}，疑似重复 {duplicates}</source>
        <translation>Merge preview of {source} (nothing written): {added} added, {updated} updated, {deleted} deleted, {conflicts} conflicts, {duplicates} possible duplicates</translation>
    </message>
    <message>
        <source>已生成简报 {path}：{name}第{number}期（{week}），共 {pages} 页</source>
        <translation>Brief written to {path}: {name}, issue {number} ({week}), {pages} page(s)</translation>
    </message>
    <message>
        <source>已生成简报 {path}：{name}第{number}期（{week}）</source>
        <translation>Brief written to {path}: {name}, issue {number} ({week})</translation>
    </message>
    <message>
        <source>--unit 只用于调度表，请同时加 --template</source>
        <translation>--unit only applies to progress-report sheets; add --template as well</translation>
    </message>
    <message>
        <source>已导出调度表 {path}（{unit}）：{milestones} 个里程碑，{projects} 个项目</source>
        <translation>Exported progress-report sheet {path} ({unit}): {milestones} milestones, {projects} projects</translation>
    </message>
    <message>
        <source>已导出表格 {path}：{items}</source>
        <translation>Exported tables to {path}: {items}</translation>
    </message>
    <message>
        <source>{name} {count} 行</source>
        <translation>{name}: {count} rows</translation>
    </message>
    <message>
        <source>已导出日历 {path}：{count} 个里程碑</source>
        <translation>Exported calendar {path}: {count} milestones</translation>
    </message>
    <message>
        <source>预览结束，未写入任何数据。</source>
        <translation>Preview finished; no data was written.</translation>
    </message>
    <message>
        <source>已导入：新增 {added} 条，更新 {updated} 条，新建单位 {units} 个。</source>
        <translation>Imported: {added} added, {updated} updated, {units} new unit(s) created.</translation>
    </message>
    <message>
        <source>已按要求跳过 {count} 行无效数据（见上）。</source>
        <translation>Skipped {count} invalid row(s) as requested (see above).</translation>
    </message>
    <message>
        <source>--mode “{item}”无效，应为 字段=模式（模式：{modes}）</source>
        <translation>--mode “{item}” is invalid; write FIELD=MODE (modes: {modes})</translation>
    </message>
    <message>
        <source>已加入 {n} 条记录（已有的记录不重复加入）</source>
        <translation>Added {n} records (none the file already held)</translation>
    </message>
    <message>
        <source>已保存附件“{name}”到 {path}（{size} 字节）</source>
        <translation>Saved attachment “{name}” to {path} ({size} bytes)</translation>
    </message>
    <message>
        <source>同步中心已清理：删除 {deleted} 个各站点均已取得的旧版本记录，保留 {kept} 个</source>
        <translation>Sync hub pruned: {deleted} old record versions every site already has deleted, {kept} kept</translation>
    </message>
    <message>
        <source>已从交换文件夹清理 {n} 个各站点均已合并的本站变更集</source>
        <translation>Removed {n} of this site&apos;s changesets from the exchange folder (every site has merged them)</translation>
    </message>
</context>
<context>
    <name>cli_help</name>
    <message>
        <source>科创项目台账</source>
        <translation>Kechuang Project Ledger</translation>
    </message>
    <message>
        <source>自检：在后台打开每个界面、生成一期简报后退出</source>
        <translation>self-test: open every screen offscreen, write a brief, exit</translation>
    </message>
    <message>
        <source>打开图形界面并打开 FILE</source>
        <translation>open the GUI on FILE</translation>
    </message>
    <message>
        <source>把附件的文件另存出来</source>
        <translation>save an attachment&apos;s file out</translation>
    </message>
    <message>
        <source>附件的 UUID</source>
        <translation>the attachment&apos;s UUID</translation>
    </message>
    <message>
        <source>把组合或其中一部分导出为组合文件</source>
        <translation>export the portfolio or a slice as a portfolio file</translation>
    </message>
    <message>
        <source>责任单位名称（可重复）</source>
        <translation>responsible unit&apos;s name (repeatable)</translation>
    </message>
    <message>
        <source>项目类别（可重复）</source>
        <translation>project category (repeatable)</translation>
    </message>
    <message>
        <source>增量：只含站点 PEER 尚未确认收到的修改</source>
        <translation>a changeset: only what site PEER has not acknowledged yet</translation>
    </message>
    <message>
        <source>把收到的组合文件合并进 FILE</source>
        <translation>merge a received portfolio file into FILE</translation>
    </message>
    <message>
        <source>发出 FILE 的修改并合并其他各方的修改：经交换文件夹或同步中心</source>
        <translation>publish FILE&apos;s changes and merge everyone else&apos;s: an exchange folder or a hub</translation>
    </message>
    <message>
        <source>各方共用的交换文件夹（Syncthing、网络共享…）</source>
        <translation>the exchange folder shared by every site (Syncthing, network share…)</translation>
    </message>
    <message>
        <source>PostgreSQL 同步中心，postgresql://user@host/db</source>
        <translation>the PostgreSQL hub, postgresql://user@host/db</translation>
    </message>
    <message>
        <source>设置 PostgreSQL 同步中心</source>
        <translation>set up a PostgreSQL hub</translation>
    </message>
    <message>
        <source>创建或升级同步中心的数据表（按编号执行迁移）</source>
        <translation>create or upgrade the hub&apos;s tables (numbered hub migrations)</translation>
    </message>
    <message>
        <source>清理各站点都已拉取的旧记录版本（需集线库所有者账号）</source>
        <translation>prune old row versions every site has pulled (as the hub&apos;s owner)</translation>
    </message>
    <message>
        <source>授权已有的 PostgreSQL 登录账号为办公室或指定单位同步</source>
        <translation>let an existing PostgreSQL login role sync for the office or for units</translation>
    </message>
    <message>
        <source>单位 id（可重复）：该账号只写这些单位的记录</source>
        <translation>a unit&apos;s id (repeatable): the role writes only their records</translation>
    </message>
    <message>
        <source>该账号代表办公室写入（全部记录）</source>
        <translation>the role writes for the office (every record)</translation>
    </message>
    <message>
        <source>内置规划、其规划期及 FILE 是否已载入；--add 载入更多（不重复）</source>
        <translation>the built-in plans, their periods and whether FILE holds them; --add loads more of them (no duplicates)</translation>
    </message>
    <message>
        <source>要加入的文档编号，逗号分隔，如 001,003</source>
        <translation>comma-separated document ids to add, such as 001,003</translation>
    </message>
    <message>
        <source>新建组合文件（除非 --empty，载入内置数据）；从不覆盖</source>
        <translation>new portfolio file (built-in portfolio unless --empty); never overwrites</translation>
    </message>
    <message>
        <source>新建组合文件 FILE：先在旁边的临时文件中生成再改名就位，中断的新建不会留下残缺文件。FILE 已存在时拒绝（退出码 2）；加 --replace-partial 时，可替换早期版本中断新建留下的文件（0 字节，或没有任何记录的组合）。</source>
        <translation>Create FILE: built in a temp file beside it and renamed into place, so an interrupted init leaves no file or a complete one. An existing FILE is refused (exit 2), except with --replace-partial a leftover of an interrupted init of an earlier version: 0 bytes, or a portfolio with no record at all.</translation>
    </message>
    <message>
        <source>空白组合，不载入内置数据</source>
        <translation>a blank portfolio instead of the built-in one</translation>
    </message>
    <message>
        <source>要载入的内置规划，逗号分隔的文档编号，如 000,002（默认：全部；见 `kechuang plans`）</source>
        <translation>built-in plans to load, comma-separated document ids such as 000,002 (default: all; see `kechuang plans`)</translation>
    </message>
    <message>
        <source>FILE 是中断的新建留下的文件（0 字节，或没有任何记录的组合）时替换它；其他文件仍拒绝。不会询问：命令行运行没有标准输入</source>
        <translation>replace FILE if it is a leftover of an interrupted init (0 bytes, or a portfolio with no record at all); anything else is still refused. No prompt is shown: CLI runs have no stdin</translation>
    </message>
    <message>
        <source>完整性、结构版本、记录数</source>
        <translation>integrity, schema version, record counts</translation>
    </message>
    <message>
        <source>按类型列出全部有效记录</source>
        <translation>every live record, grouped by kind</translation>
    </message>
    <message>
        <source>新建记录：add FILE 类型 字段=值...</source>
        <translation>create a record: add FILE KIND field=value...</translation>
    </message>
    <message>
        <source>输出类型、id、记录和变化</source>
        <translation>print the kind, id, record and what changed</translation>
    </message>
    <message>
        <source>修改记录的字段：set FILE UUID 字段=值...</source>
        <translation>change fields of a record: set FILE UUID field=value...</translation>
    </message>
    <message>
        <source>调整原因（里程碑计划日期变动时必填）；对问题的 status=…，为该步的说明（退回、挂起须填写）</source>
        <translation>reason for the change (required when a milestone&apos;s planned date moves); for a problem&apos;s status=…, the step&apos;s note (returning or suspending needs one)</translation>
    </message>
    <message>
        <source>批准人；对问题的 status=…，为经办人</source>
        <translation>approved by; for a problem&apos;s status=…, who acted</translation>
    </message>
    <message>
        <source>删除记录（保留删除标记）</source>
        <translation>delete (tombstone) a record</translation>
    </message>
    <message>
        <source>输出类型、id 和变化（默认）</source>
        <translation>print the kind, id and what changed (the default)</translation>
    </message>
    <message>
        <source>每个里程碑、项目、团队、指标、问题的亮灯及原因</source>
        <translation>colour and reason of every milestone, project, team, indicator, problem</translation>
    </message>
    <message>
        <source>总览的各项数据（亮灯、漏斗、到期与逾期、单位排名、投资进度、指标）</source>
        <translation>the overview&apos;s figures (colours, funnels, due/overdue, unit ranking, investment pace, indicators)</translation>
    </message>
    <message>
        <source>ISO 周次，如 2026-W47（默认：本周）</source>
        <translation>ISO week such as 2026-W47 (default: this week)</translation>
    </message>
    <message>
        <source>可打印的揭榜挂帅榜单（PDF；--out 以 .xlsx 结尾时为 XLSX）</source>
        <translation>the printable notice of the published Open Challenges (PDF, or XLSX when --out ends in .xlsx)</translation>
    </message>
    <message>
        <source>榜单 UUID（可重复；默认：所有已发榜、申报中的榜单）</source>
        <translation>a challenge UUID (repeatable; default: every challenge published or open for applications)</translation>
    </message>
    <message>
        <source>榜单标题</source>
        <translation>title of the notice</translation>
    </message>
    <message>
        <source>可打印的问题督办单：按 --out 的扩展名生成 PDF 或 Word（.docx）</source>
        <translation>the printable supervision sheet of a problem: PDF or Word (.docx) by the extension of --out</translation>
    </message>
    <message>
        <source>每周简报：按 --out 的扩展名生成 PDF、Word（.docx）或完整附表（.xlsx）；记入已签发的期号</source>
        <translation>the weekly brief: PDF, Word (.docx) or its appendices in full (.xlsx) by the extension of --out; records its issue number as issued</translation>
    </message>
    <message>
        <source>简报名称</source>
        <translation>brief name</translation>
    </message>
    <message>
        <source>编印单位</source>
        <translation>issued by</translation>
    </message>
    <message>
        <source>期号（默认：上次签发的期号加一）</source>
        <translation>issue number (default: the last issued plus one)</translation>
    </message>
    <message>
        <source>栏目，逗号分隔：projects,issues,colours,overview,facilities,challenges,next_week,indicators（默认：全部）</source>
        <translation>comma-separated: projects,issues,colours,overview,facilities,challenges,next_week,indicators (default: all)</translation>
    </message>
    <message>
        <source>正文字体：内置（默认）、仿宋、宋体或黑体（系统已安装时）</source>
        <translation>body font: bundled (default), FangSong, SimSun or SimHei (system fonts, when installed)</translation>
    </message>
    <message>
        <source>报尾“报：”</source>
        <translation>distribution list: To</translation>
    </message>
    <message>
        <source>报尾“送：”</source>
        <translation>distribution list: Copy</translation>
    </message>
    <message>
        <source>报尾“发：”</source>
        <translation>distribution list: Distribution</translation>
    </message>
    <message>
        <source>导出 XLSX 表格，或调度表模板（--template [--unit 单位名称]）</source>
        <translation>tables as XLSX, or a progress-report sheet (--template [--unit NAME])</translation>
    </message>
    <message>
        <source>导出调度表，填写后可导回</source>
        <translation>a progress-report sheet to fill in and import back</translation>
    </message>
    <message>
        <source>责任单位名称（与 --template 同用）</source>
        <translation>responsible unit&apos;s name (with --template)</translation>
    </message>
    <message>
        <source>导入台账或填好的调度表（--dry-run 预览）</source>
        <translation>import a ledger or a filled-in progress-report sheet (preview with --dry-run)</translation>
    </message>
    <message>
        <source>有无效行时仍导入其余有效行</source>
        <translation>import the valid rows even if some are invalid</translation>
    </message>
    <message>
        <source>单元格无法识别时仍导入该行，该字段留空</source>
        <translation>import a row with an unreadable cell, leaving that field empty</translation>
    </message>
    <message>
        <source>更新时如何处理字段：overwrite（覆盖）、fill（仅填空）或 skip（跳过）；列表和备注默认 fill</source>
        <translation>how an update treats a field: overwrite, fill (only if empty) or skip; lists and notes default to fill</translation>
    </message>
    <message>
        <source>把里程碑导出为 iCalendar（.ics）日历文件</source>
        <translation>milestones as an iCalendar (.ics) file</translation>
    </message>
    <message>
        <source>给记录附加文件（照片、PDF、Word、Excel）</source>
        <translation>attach a file (photo, PDF, Word, Excel) to a record</translation>
    </message>
    <message>
        <source>把 PATH 附加到 UUID 所指的项目、里程碑、问题、评审或团队。按内容接受 JPEG、PNG、HEIC、PDF、.docx、.xlsx；每个文件至多 20 MB，且在台账的附件额度之内（设置 attachments.budget_mb，未设置时 500 MB）。被拒的文件以一行说明退出（代码 2）。</source>
        <translation>Attach PATH to the project, milestone, problem, review or team UUID. Accepted, by content: JPEG, PNG, HEIC, PDF, .docx, .xlsx; at most 20 MB a file and the portfolio&apos;s attachment budget (setting attachments.budget_mb, 500 MB unless set). A refused file exits 2 with one line.</translation>
    </message>
    <message>
        <source>附件的说明</source>
        <translation>a note on the attachment</translation>
    </message>
    <message>
        <source>列出一条记录的附件</source>
        <translation>list a record&apos;s attachments</translation>
    </message>
    <message>
        <source>不清理本站已被各站点合并的旧变更集（默认清理）</source>
        <translation>keep this site&apos;s old changesets even when every site has merged them (by default they are removed)</translation>
    </message>
    <message>
        <source>各站点都已合并的本站变更集满 N 天才清理（默认 7）</source>
        <translation>remove this site&apos;s changesets every site has merged only once they are N days old (default 7)</translation>
    </message>
</context>
<context>
    <name>colour</name>
    <message>
        <source>红</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>黄</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>绿</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>蓝</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>灰</source>
        <translation>Grey</translation>
    </message>
    <message>
        <source>滞后督办</source>
        <translation>Behind — escalate</translation>
    </message>
    <message>
        <source>超期预警</source>
        <translation>Overdue warning</translation>
    </message>
    <message>
        <source>推进正常</source>
        <translation>On track</translation>
    </message>
    <message>
        <source>超前示范</source>
        <translation>Ahead — exemplary</translation>
    </message>
    <message>
        <source>未启动/暂停/无数据</source>
        <translation>Not started / paused / no data</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>未设定计划日期</source>
        <translation>No planned date set</translation>
    </message>
    <message>
        <source>受阻</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>提前 {days} 天完成</source>
        <translation>Completed {days} day(s) early</translation>
    </message>
    <message>
        <source>按期完成</source>
        <translation>Completed on time</translation>
    </message>
    <message>
        <source>已完成（逾期 {days} 天）</source>
        <translation>Completed ({days} day(s) late)</translation>
    </message>
    <message>
        <source>逾期 {days} 天（超过 {limit} 天）</source>
        <translation>{days} day(s) overdue (more than {limit} days)</translation>
    </message>
    <message>
        <source>逾期 {days} 天</source>
        <translation>{days} day(s) overdue</translation>
    </message>
    <message>
        <source>{days} 天后到期（{date}），尚未完成</source>
        <translation>Due in {days} day(s) ({date}), not yet completed</translation>
    </message>
    <message>
        <source>今天到期，尚未完成</source>
        <translation>Due today, not yet completed</translation>
    </message>
    <message>
        <source>距计划日期还有 {days} 天</source>
        <translation>{days} day(s) until the planned date</translation>
    </message>
    <message>
        <source>年度投资完成 {done:.0f}%，序时进度 {expected:.0f}%，{sign}{gap:.0f} 个百分点</source>
        <translation>Annual investment {done:.0f}% complete; pro-rata schedule {expected:.0f}%; {sign}{gap:.0f} percentage points</translation>
    </message>
    <message>
        <source>里程碑“{name}”：{reason}</source>
        <translation>Milestone “{name}”: {reason}</translation>
    </message>
    <message>
        <source>无进行中的里程碑，也无年度投资计划</source>
        <translation>No milestones in progress and no annual investment plan</translation>
    </message>
    <message>
        <source>里程碑均已完成</source>
        <translation>All milestones completed</translation>
    </message>
    <message>
        <source>停缓建</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>已终止</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <source>揭榜方状态：{status}</source>
        <translation>Applicant team status: {status}</translation>
    </message>
    <message>
        <source>尚无进行中的军令状里程碑</source>
        <translation>No pledge milestones in progress yet</translation>
    </message>
    <message>
        <source>无实际值</source>
        <translation>No actual value</translation>
    </message>
    <message>
        <source>缺少基期或目标值，无法计算序时进度</source>
        <translation>Baseline or target value missing; cannot compute the pro-rata schedule</translation>
    </message>
    <message>
        <source>{year}年实际 {actual:g}，序时应达 {expected:g}，完成序时进度的 {share:.0f}%（{sign}{gap:.0f} 个百分点）</source>
        <translation>{year} actual {actual:g}; expected by now {expected:g}; {share:.0f}% of pro-rata schedule achieved ({sign}{gap:.0f} percentage points)</translation>
    </message>
    <message>
        <source>{year}年实际 {actual:g}，已达到目标 {target:g}</source>
        <translation>{year} actual {actual:g}; target {target:g} reached</translation>
    </message>
    <message>
        <source>榜单已{stage}</source>
        <translation>Challenge status: {stage}</translation>
    </message>
    <message>
        <source>已结题</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>尚未立项（{stage}）</source>
        <translation>Not yet awarded ({stage})</translation>
    </message>
    <message>
        <source>申报已于 {deadline} 截止 {days} 天，尚未进入评审</source>
        <translation>Applications closed on {deadline} ({days} day(s) ago); review not yet started</translation>
    </message>
    <message>
        <source>没有在攻关的团队</source>
        <translation>No team still competing</translation>
    </message>
    <message>
        <source>{team}：{reason}</source>
        <translation>{team}: {reason}</translation>
    </message>
    <message>
        <source>已调整计划，较基线推迟 {days} 天</source>
        <translation>re-planned, {days} days past the baseline</translation>
    </message>
    <message>
        <source>待核实</source>
        <translation>To verify</translation>
    </message>
    <message>
        <source>规划期已结束</source>
        <translation>plan period over</translation>
    </message>
    <message>
        <source>规划期已结束，尚未填报完成情况</source>
        <translation>The plan&apos;s period has ended; no outcome recorded yet</translation>
    </message>
    <message>
        <source>规划期内未完成（已填报）</source>
        <translation>Not achieved within the plan period (recorded)</translation>
    </message>
    <message>
        <source>已转入新规划</source>
        <translation>Carried into a new plan</translation>
    </message>
    <message>
        <source>已完成（{date}填报）</source>
        <translation>Achieved (recorded {date})</translation>
    </message>
    <message>
        <source>已挂起</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>未设定办理时限</source>
        <translation>No deadline set</translation>
    </message>
    <message>
        <source>超过办理时限 {days} 天，尚未办结</source>
        <translation>{days} day(s) past its deadline, not closed</translation>
    </message>
    <message>
        <source>今天到期，尚未办结</source>
        <translation>Due today, not closed</translation>
    </message>
    <message>
        <source>{days} 天后到期（{date}），尚未办结</source>
        <translation>Due in {days} day(s) ({date}), not closed</translation>
    </message>
    <message>
        <source>距办理时限还有 {days} 天</source>
        <translation>{days} day(s) to its deadline</translation>
    </message>
    <message>
        <source>已在时限内办结（{date}）</source>
        <translation>Closed within its deadline ({date})</translation>
    </message>
    <message>
        <source>已办结，超过时限 {days} 天</source>
        <translation>Closed {days} day(s) after its deadline</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>conflicts</name>
    <message>
        <source>本机</source>
        <translation>This office</translation>
    </message>
    <message>
        <source>{file}（对方）</source>
        <translation>{file} (the other office)</translation>
    </message>
    <message>
        <source>其他单位</source>
        <translation>Another office</translation>
    </message>
</context>
<context>
    <name>dubandan</name>
    <message>
        <source>督&#x3000;办&#x3000;单</source>
        <translation>SUPERVISION SHEET</translation>
    </message>
    <message>
        <source>编号：{code}</source>
        <translation>No.: {code}</translation>
    </message>
    <message>
        <source>交办单位</source>
        <translation>Assigned by</translation>
    </message>
    <message>
        <source>承办单位</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>{unit}（牵头）</source>
        <translation>{unit} (lead)</translation>
    </message>
    <message>
        <source>配合单位：{units}</source>
        <translation>Assisting: {units}</translation>
    </message>
    <message>
        <source>所属项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>督办事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>协调事项/诉求</source>
        <translation>Coordination requested</translation>
    </message>
    <message>
        <source>提出单位</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>{unit}&#x3000;{person}&#x3000;{date}</source>
        <translation>{unit}&#x3000;{person}&#x3000;{date}</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>交办意见</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>办理情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>请承办单位于{date}前办结，并将办理情况书面报送{office}。</source>
        <translation>The handling unit is asked to close this matter by {date} and report in writing to {office}.</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>科创项目台账</source>
        <translation>Kechuang Project Ledger</translation>
    </message>
    <message>
        <source>科创项目办公室</source>
        <translation>Science and Technology Projects Office</translation>
    </message>
    <message>
        <source>交办单位（盖章）</source>
        <translation>Assigning unit (seal)</translation>
    </message>
    <message>
        <source>承办单位签收人</source>
        <translation>Received by (handling unit)</translation>
    </message>
    <message>
        <source>承办单位负责人（签字、盖章）</source>
        <translation>Head of the handling unit (signature, seal)</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>签收日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>年&#x3000;&#x3000;月&#x3000;&#x3000;日</source>
        <translation>&#x3000;&#x3000;/&#x3000;&#x3000;/</translation>
    </message>
</context>
<context>
    <name>enum</name>
    <message>
        <source>政府部门</source>
        <translation>Government department</translation>
    </message>
    <message>
        <source>园区公司</source>
        <translation>Park company</translation>
    </message>
    <message>
        <source>高校</source>
        <translation>University</translation>
    </message>
    <message>
        <source>院所</source>
        <translation>Research institute</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>医院</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>联合体</source>
        <translation>Consortium</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>重大科技基础设施</source>
        <translation>Major research facility</translation>
    </message>
    <message>
        <source>科学研究中心</source>
        <translation>Science research centre</translation>
    </message>
    <message>
        <source>重点实验室</source>
        <translation>Key laboratory</translation>
    </message>
    <message>
        <source>交叉研究平台</source>
        <translation>Interdisciplinary research platform</translation>
    </message>
    <message>
        <source>新型研发机构</source>
        <translation>New-type R&amp;D institution</translation>
    </message>
    <message>
        <source>产业创新平台</source>
        <translation>Industrial innovation platform</translation>
    </message>
    <message>
        <source>孵化载体</source>
        <translation>Incubator</translation>
    </message>
    <message>
        <source>科技服务平台</source>
        <translation>S&amp;T service platform</translation>
    </message>
    <message>
        <source>科技园区</source>
        <translation>Science park</translation>
    </message>
    <message>
        <source>应用场景</source>
        <translation>Application scenario</translation>
    </message>
    <message>
        <source>国家级</source>
        <translation>National</translation>
    </message>
    <message>
        <source>市级</source>
        <translation>Municipal</translation>
    </message>
    <message>
        <source>区级</source>
        <translation>District</translation>
    </message>
    <message>
        <source>谋划</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>洽谈</source>
        <translation>Negotiation</translation>
    </message>
    <message>
        <source>签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>开工</source>
        <translation>Groundbreaking</translation>
    </message>
    <message>
        <source>建设</source>
        <translation>Under construction</translation>
    </message>
    <message>
        <source>投产</source>
        <translation>In operation</translation>
    </message>
    <message>
        <source>达产</source>
        <translation>Full capacity</translation>
    </message>
    <message>
        <source>停缓建</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>终止</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <source>预研</source>
        <translation>Pre-research</translation>
    </message>
    <message>
        <source>建议书</source>
        <translation>Project proposal</translation>
    </message>
    <message>
        <source>可研</source>
        <translation>Feasibility study</translation>
    </message>
    <message>
        <source>初设概算</source>
        <translation>Preliminary design &amp; cost estimate</translation>
    </message>
    <message>
        <source>安装调试</source>
        <translation>Installation &amp; commissioning</translation>
    </message>
    <message>
        <source>建成</source>
        <translation>Construction completed</translation>
    </message>
    <message>
        <source>国家验收</source>
        <translation>National acceptance</translation>
    </message>
    <message>
        <source>开放运行</source>
        <translation>Open operation</translation>
    </message>
    <message>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>受阻</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>政府发榜</source>
        <translation>Government-issued</translation>
    </message>
    <message>
        <source>企业出题</source>
        <translation>Enterprise-proposed</translation>
    </message>
    <message>
        <source>前资助</source>
        <translation>Upfront funding</translation>
    </message>
    <message>
        <source>分阶段拨付</source>
        <translation>Staged disbursement</translation>
    </message>
    <message>
        <source>后奖补</source>
        <translation>Post-completion award</translation>
    </message>
    <message>
        <source>单一揭榜</source>
        <translation>Single applicant</translation>
    </message>
    <message>
        <source>赛马</source>
        <translation>Parallel race</translation>
    </message>
    <message>
        <source>需求征集</source>
        <translation>Collecting needs</translation>
    </message>
    <message>
        <source>凝练论证</source>
        <translation>Refinement &amp; appraisal</translation>
    </message>
    <message>
        <source>已发榜</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>申报中</source>
        <translation>Applications open</translation>
    </message>
    <message>
        <source>评审中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>会议审议</source>
        <translation>Panel deliberation</translation>
    </message>
    <message>
        <source>公示</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <source>已立项</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>攻关中</source>
        <translation>Research under way</translation>
    </message>
    <message>
        <source>里程碑考核</source>
        <translation>Milestone review</translation>
    </message>
    <message>
        <source>验收</source>
        <translation>Acceptance</translation>
    </message>
    <message>
        <source>兑现奖补</source>
        <translation>Award disbursement</translation>
    </message>
    <message>
        <source>结题</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>流榜</source>
        <translation>Unclaimed</translation>
    </message>
    <message>
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>入围</source>
        <translation>Shortlisted</translation>
    </message>
    <message>
        <source>立项</source>
        <translation>Awarded</translation>
    </message>
    <message>
        <source>未通过</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>淘汰</source>
        <translation>Eliminated</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>整改</source>
        <translation>Rectification required</translation>
    </message>
    <message>
        <source>预期性</source>
        <translation>Anticipatory</translation>
    </message>
    <message>
        <source>约束性</source>
        <translation>Binding</translation>
    </message>
    <message>
        <source>higher</source>
        <translation>Higher is better</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>Lower is better</translation>
    </message>
    <message>
        <source>重大科研基础平台</source>
        <translation>Major research infrastructure platform</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Not achieved</translation>
    </message>
    <message>
        <source>转入新规划</source>
        <translation>Carried into new plan</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>专项计划</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>规划任务</source>
        <translation>Plan task</translation>
    </message>
    <message>
        <source>提出</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>交办</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>签收</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>挂起</source>
        <translation>Suspended</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>无法写入组合文件所在的文件夹“{path}”：{detail}</source>
        <translation>Cannot write to the folder of portfolio file “{path}”: {detail}</translation>
    </message>
    <message>
        <source>组合文件“{path}”已在另一个窗口或程序中打开。可以以只读方式打开，或先关闭另一个窗口。</source>
        <translation>Portfolio file “{path}” is already open in another window or program. You can open it read-only, or close the other window first.</translation>
    </message>
    <message>
        <source>“{path}”不是科创项目台账的组合文件（不是 SQLite 数据库）。</source>
        <translation>“{path}” is not a Kechuang Project Ledger portfolio file (not an SQLite database).</translation>
    </message>
    <message>
        <source>无法写入备份文件“{path}”：{detail}</source>
        <translation>Cannot write backup file “{path}”: {detail}</translation>
    </message>
    <message>
        <source>磁盘空间不足，无法保存组合文件：{detail}</source>
        <translation>Not enough disk space to save the portfolio file: {detail}</translation>
    </message>
    <message>
        <source>组合文件是只读的，无法保存：{detail}</source>
        <translation>The portfolio file is read-only and cannot be saved: {detail}</translation>
    </message>
    <message>
        <source>无法打开组合文件：{detail}</source>
        <translation>Cannot open the portfolio file: {detail}</translation>
    </message>
    <message>
        <source>组合文件已损坏：{detail}。请从备份恢复。</source>
        <translation>The portfolio file is corrupt: {detail}. Please restore it from a backup.</translation>
    </message>
    <message>
        <source>这不是一个数据库文件：{detail}</source>
        <translation>This is not a database file: {detail}</translation>
    </message>
    <message>
        <source>组合文件正被另一个程序使用：{detail}</source>
        <translation>The portfolio file is in use by another program: {detail}</translation>
    </message>
    <message>
        <source>读写组合文件时出错：{detail}</source>
        <translation>Error reading or writing the portfolio file: {detail}</translation>
    </message>
    <message>
        <source>找不到组合文件“{path}”</source>
        <translation>Portfolio file “{path}” not found</translation>
    </message>
    <message>
        <source>组合文件“{path}”以只读方式打开，不能修改。</source>
        <translation>Portfolio file “{path}” is open read-only and cannot be modified.</translation>
    </message>
    <message>
        <source>未知的记录类型“{kind}”，可用：{kinds}</source>
        <translation>Unknown record type “{kind}”; available: {kinds}</translation>
    </message>
    <message>
        <source>没有可打印的榜单：榜单须已发榜（已发榜或申报中阶段）</source>
        <translation>No challenges to print: a challenge must be published (stage Published or Applications open)</translation>
    </message>
    <message>
        <source>{record}尚未发榜（当前阶段：{stage}），不能列入榜单</source>
        <translation>{record} has not been published yet (current stage: {stage}) and cannot be included in the notice</translation>
    </message>
    <message>
        <source>无法写入榜单文件“{path}”：{detail}</source>
        <translation>Cannot write the challenge notice file “{path}”: {detail}</translation>
    </message>
    <message>
        <source>找不到编号为 {id} 的记录</source>
        <translation>No record with ID {id} found</translation>
    </message>
    <message>
        <source>“{path}”不是科创项目台账的组合文件（是其他程序的数据库）。</source>
        <translation>“{path}” is not a Kechuang Project Ledger portfolio file (it is another program’s database).</translation>
    </message>
    <message>
        <source>“{path}”由更新版本的科创项目台账创建（数据格式 {version}，本程序支持到 {supported}）。请升级程序后再打开。</source>
        <translation>“{path}” was created by a newer version of Kechuang Project Ledger (data format {version}; this version supports up to {supported}). Please upgrade the program before opening it.</translation>
    </message>
    <message>
        <source>{record}：「{field}」不能为空</source>
        <translation>{record}: “{field}” must not be empty</translation>
    </message>
    <message>
        <source>{record}：「{field}」应为数字，而不是“{value}”</source>
        <translation>{record}: “{field}” must be a number, not “{value}”</translation>
    </message>
    <message>
        <source>{record}：「{field}」应为整数，而不是“{value}”</source>
        <translation>{record}: “{field}” must be a whole number, not “{value}”</translation>
    </message>
    <message>
        <source>{record}：「{field}」不能为负数（“{value}”）</source>
        <translation>{record}: “{field}” cannot be negative (“{value}”)</translation>
    </message>
    <message>
        <source>{record}：「{field}」应在 0 到 100 之间（“{value}”）</source>
        <translation>{record}: “{field}” must be between 0 and 100 (“{value}”)</translation>
    </message>
    <message>
        <source>{record}：「{field}」不能为“{value}”，可选值：{choices}</source>
        <translation>{record}: “{field}” cannot be “{value}”; allowed values: {choices}</translation>
    </message>
    <message>
        <source>{record}：「{field}」应为 是/否（“{value}”）</source>
        <translation>{record}: “{field}” must be yes/no (“{value}”)</translation>
    </message>
    <message>
        <source>{record}：「{field}」应为记录编号（UUID），而不是“{value}”</source>
        <translation>{record}: “{field}” must be a record ID (UUID), not “{value}”</translation>
    </message>
    <message>
        <source>{record}：「{field}」应为列表（“{value}”）</source>
        <translation>{record}: “{field}” must be a list (“{value}”)</translation>
    </message>
    <message>
        <source>{record}：「{field}」应为 JSON 对象（“{value}”）</source>
        <translation>{record}: “{field}” must be a JSON object (“{value}”)</translation>
    </message>
    <message>
        <source>{record}：「{field}」应为文字且不超过 {max} 个字符</source>
        <translation>{record}: “{field}” must be text of at most {max} characters</translation>
    </message>
    <message>
        <source>{record}：「{field}」的时间“{value}”无效</source>
        <translation>{record}: “{field}” has an invalid time “{value}”</translation>
    </message>
    <message>
        <source>{record}：没有名为“{field}”的字段。可用字段：{fields}</source>
        <translation>{record}: there is no field named “{field}”. Available fields: {fields}</translation>
    </message>
    <message>
        <source>{record}：「{field}」由系统维护，不能直接修改</source>
        <translation>{record}: “{field}” is maintained by the system and cannot be changed directly</translation>
    </message>
    <message>
        <source>{record}：计划日期由 {old} 调整为 {new} 属于重新计划，必须填写调整原因</source>
        <translation>{record}: moving the planned date from {old} to {new} is a re-plan; a reason for the change is required</translation>
    </message>
    <message>
        <source>{record}：里程碑必须属于一个项目或一个揭榜方（二者选一）</source>
        <translation>{record}: a milestone must belong to either a project or an applicant team (exactly one of the two)</translation>
    </message>
    <message>
        <source>{record}：「{field}」引用的记录 {value} 不存在或已删除</source>
        <translation>{record}: the record {value} referenced by “{field}” does not exist or has been deleted</translation>
    </message>
    <message>
        <source>调整记录只能追加，不能修改或删除</source>
        <translation>Re-plan records can only be appended, not modified or deleted</translation>
    </message>
    <message>
        <source>{record} 仍被 {count} 条记录引用，不能删除</source>
        <translation>{record} is still referenced by {count} record(s) and cannot be deleted</translation>
    </message>
    <message>
        <source>{record} 已被删除，不能修改</source>
        <translation>{record} has been deleted and cannot be modified</translation>
    </message>
    <message>
        <source>{record}：计划日期已承诺（基线 {baseline}），不能清空；请改为新的日期并说明原因</source>
        <translation>{record}: the planned date was committed (baseline {baseline}) and cannot be cleared; set a new date and give a reason</translation>
    </message>
    <message>
        <source>未知的记录类型“{kind}”</source>
        <translation>Unknown record type “{kind}”</translation>
    </message>
    <message>
        <source>{record}：编号 {id} 已存在</source>
        <translation>{record}: ID {id} already exists</translation>
    </message>
    <message>
        <source>找不到编号为 {id} 的{kind}</source>
        <translation>{kind} with ID {id} not found</translation>
    </message>
    <message>
        <source>{record}：日期“{date}”无效，应为 YYYY-MM-DD</source>
        <translation>{record}: date “{date}” is not valid; use YYYY-MM-DD</translation>
    </message>
    <message>
        <source>{record}：只能在“评审中”或“会议审议”阶段确定立项团队（当前：{stage}）</source>
        <translation>{record}: awarded teams can only be chosen at the “Under review” or “Panel deliberation” stage (current: {stage})</translation>
    </message>
    <message>
        <source>{record}：{team}的状态为“{status}”，不能立项</source>
        <translation>{record}: {team} has status “{status}” and cannot be awarded</translation>
    </message>
    <message>
        <source>{record}：{team}不是本榜单的揭榜方</source>
        <translation>{record}: {team} is not an applicant team of this challenge</translation>
    </message>
    <message>
        <source>{record}：状态不能由“{old}”改为“{new}”。可改为：{allowed}</source>
        <translation>{record}: status cannot change from “{old}” to “{new}”. Allowed: {allowed}</translation>
    </message>
    <message>
        <source>{record}：“{new}”须通过{action}办理</source>
        <translation>{record}: “{new}” must be set through “{action}”</translation>
    </message>
    <message>
        <source>{record}：只有立项团队才能{action}（当前状态：{status}）</source>
        <translation>{record}: “{action}” is only for awarded teams (current status: {status})</translation>
    </message>
    <message>
        <source>{record}：只能在攻关中、里程碑考核或验收阶段考核（当前：{stage}）</source>
        <translation>{record}: reviews are only possible at the Research under way, Milestone review or Acceptance stage (current: {stage})</translation>
    </message>
    <message>
        <source>{record}：淘汰须写明原因</source>
        <translation>{record}: a reason is required for elimination</translation>
    </message>
    <message>
        <source>{record}：淘汰只用于赛马榜单；单一揭榜如需停止，请将榜单转为“终止”</source>
        <translation>{record}: elimination applies only to parallel-race challenges; to stop a single-applicant challenge, move it to “Terminated”</translation>
    </message>
    <message>
        <source>{record}：只能在攻关中或里程碑考核阶段淘汰（当前：{stage}）</source>
        <translation>{record}: teams can only be eliminated at the Research under way or Milestone review stage (current: {stage})</translation>
    </message>
    <message>
        <source>{record}：是赛马中最后一个在攻关的团队，不能淘汰；如需停止，请将榜单转为“终止”</source>
        <translation>{record}: this is the last team still competing in the race and cannot be eliminated; to stop, move the challenge to “Terminated”</translation>
    </message>
    <message>
        <source>{record}：已有拨款计划（{count} 批），请逐批修改</source>
        <translation>{record}: a funding plan already exists ({count} tranche(s)); edit the tranches one by one</translation>
    </message>
    <message>
        <source>{record}：无法确定资助额度：请填写申请资金或榜额</source>
        <translation>{record}: cannot determine the funding amount; enter the requested funding or the award</translation>
    </message>
    <message>
        <source>{record}：军令状尚无里程碑，无法按里程碑安排后续拨款</source>
        <translation>{record}: the pledge has no milestones yet, so later tranches cannot be scheduled by milestone</translation>
    </message>
    <message>
        <source>{record}：得分应为 0 到 100 之间的数字，而不是“{value}”</source>
        <translation>{record}: the score must be a number from 0 to 100, not “{value}”</translation>
    </message>
    <message>
        <source>指标「{name}」{year}年的实际值“{value}”不是数字</source>
        <translation>Indicator “{name}”: the actual value “{value}” for {year} is not a number</translation>
    </message>
    <message>
        <source>周次“{week}”无效，应写成 2026-W47 这样的 ISO 周</source>
        <translation>Week “{week}” is not valid; write an ISO week such as 2026-W47</translation>
    </message>
    <message>
        <source>无法用备份“{backup}”恢复“{path}”：{detail}</source>
        <translation>Cannot restore “{path}” from backup “{backup}”: {detail}</translation>
    </message>
    <message>
        <source>无法写入简报文件“{path}”：{detail}</source>
        <translation>Cannot write the brief file “{path}”: {detail}</translation>
    </message>
    <message>
        <source>简报文件“{path}”的格式无法识别：应以 .docx、.pdf 或 .xlsx 结尾</source>
        <translation>Brief file “{path}”: unknown format; the name should end in .docx, .pdf or .xlsx</translation>
    </message>
    <message>
        <source>简报栏目“{name}”无效，可用：{names}</source>
        <translation>Brief section “{name}” is not valid; available: {names}</translation>
    </message>
    <message>
        <source>简报期号“{value}”无效，应为正整数</source>
        <translation>Brief issue number “{value}” is not valid; it must be a positive whole number</translation>
    </message>
    <message>
        <source>简报至少要包含一个栏目，可用：{names}</source>
        <translation>A brief must include at least one section; available: {names}</translation>
    </message>
    <message>
        <source>简报字体“{value}”无效，可用：{names}</source>
        <translation>Brief font “{value}” is not valid; available: {names}</translation>
    </message>
    <message>
        <source>{record}：阶段不能为空</source>
        <translation>{record}: the stage must not be empty</translation>
    </message>
    <message>
        <source>{record}已“{stage}”，阶段不能再变更（误操作请撤销）</source>
        <translation>{record} is already “{stage}”; its stage can no longer change (use Undo if this was a mistake)</translation>
    </message>
    <message>
        <source>{record}：不能从“{from_stage}”转到“{to_stage}”。可转到：{allowed}</source>
        <translation>{record}: cannot move from “{from_stage}” to “{to_stage}”. Possible next stages: {allowed}</translation>
    </message>
    <message>
        <source>{record}：转到“{to_stage}”须填写说明（原因）</source>
        <translation>{record}: moving to “{to_stage}” requires a note (the reason)</translation>
    </message>
    <message>
        <source>{record}：阶段变更日期“{date}”无效，应为 YYYY-MM-DD</source>
        <translation>{record}: stage change date “{date}” is not valid; use YYYY-MM-DD</translation>
    </message>
    <message>
        <source>{record}：阶段变更日期 {date} 晚于今天（{today}），只能记录已发生的变更</source>
        <translation>{record}: stage change date {date} is after today ({today}); only changes that have already happened can be recorded</translation>
    </message>
    <message>
        <source>{record}：阶段变更日期 {date} 早于上一次变更（{last}）</source>
        <translation>{record}: stage change date {date} is before the previous change ({last})</translation>
    </message>
    <message>
        <source>{record}：发榜前须填写{missing}</source>
        <translation>{record}: before publishing, fill in {missing}</translation>
    </message>
    <message>
        <source>{record}：申报截止（{deadline}）早于发榜日期（{publish}）</source>
        <translation>{record}: the application deadline ({deadline}) is before the publication date ({publish})</translation>
    </message>
    <message>
        <source>{record}：进入评审须至少有一个揭榜方申报（目前没有）</source>
        <translation>{record}: review requires at least one applicant team (there are none yet)</translation>
    </message>
    <message>
        <source>{record}：提交会议审议前须录入评审得分（尚无得分：{teams}）</source>
        <translation>{record}: enter review scores before submitting to panel deliberation (no score yet: {teams})</translation>
    </message>
    <message>
        <source>{record}：单一揭榜须确定 1 个立项团队才能进入“{to_stage}”（目前 {count} 个）</source>
        <translation>{record}: a single-applicant challenge needs exactly 1 awarded team to move to “{to_stage}” (currently {count})</translation>
    </message>
    <message>
        <source>{record}：赛马须确定至少 2 个立项团队才能进入“{to_stage}”（目前 {count} 个）</source>
        <translation>{record}: a parallel race needs at least 2 awarded teams to move to “{to_stage}” (currently {count})</translation>
    </message>
    <message>
        <source>{record}：赛马队伍数为 {slots}，立项团队不能超过此数（目前 {count} 个）</source>
        <translation>{record}: the number of racing teams is {slots}; awarded teams cannot exceed it (currently {count})</translation>
    </message>
    <message>
        <source>{record}：立项须至少一个立项团队，且每个立项团队都已签订军令状（尚未签订：{teams}）</source>
        <translation>{record}: approval needs at least one awarded team, and every awarded team must have signed its pledge (not yet signed: {teams})</translation>
    </message>
    <message>
        <source>{record}：开始攻关前，军令状须列出至少一个里程碑（尚未列出：{teams}）</source>
        <translation>{record}: before research starts, each pledge must list at least one milestone (none listed yet: {teams})</translation>
    </message>
    <message>
        <source>{record}：已有 {count} 个揭榜方申报，不能流榜（流榜仅限申报截止时无人申报）</source>
        <translation>{record}: {count} applicant team(s) have already applied, so the challenge cannot be marked unclaimed (only when nobody has applied by the deadline)</translation>
    </message>
    <message>
        <source>{record}：申报截止日期为 {deadline}，截止之后（{date} 不在其后）才能流榜</source>
        <translation>{record}: the application deadline is {deadline}; the challenge can only be marked unclaimed after it ({date} is not later)</translation>
    </message>
    <message>
        <source>{record}：未填写申报截止日期，不能判定流榜</source>
        <translation>{record}: no application deadline is set, so the challenge cannot be judged unclaimed</translation>
    </message>
    <message>
        <source>{record}：没有在攻关的立项团队，不能进入“{to_stage}”</source>
        <translation>{record}: no awarded team is still competing, so the challenge cannot move to “{to_stage}”</translation>
    </message>
    <message>
        <source>{record}：已拨金额 {paid} 万元超过计划金额 {planned} 万元</source>
        <translation>{record}: amount disbursed {paid} (10k CNY) exceeds the planned amount {planned} (10k CNY)</translation>
    </message>
    <message>
        <source>{record}：{challenge}尚未填写榜额，不能安排拨款</source>
        <translation>{record}: {challenge} has no award amount yet, so no funding can be scheduled</translation>
    </message>
    <message>
        <source>{record}：{challenge}各批次计划金额合计 {total} 万元，超过榜额 {budget} 万元</source>
        <translation>{record}: the planned tranches of {challenge} total {total} (10k CNY), more than the award of {budget} (10k CNY)</translation>
    </message>
    <message>
        <source>{record}：已安排拨款合计 {total} 万元，榜额（财政 + 配套）不能低于此数</source>
        <translation>{record}: tranches totalling {total} (10k CNY) are already scheduled; the award (fiscal + matching) cannot be lower than that</translation>
    </message>
    <message>
        <source>{record}：挂钩里程碑须是该揭榜方军令状中的里程碑</source>
        <translation>{record}: the linked milestone must be a milestone in this applicant team’s pledge</translation>
    </message>
    <message>
        <source>{record}：挂钩里程碑“{milestone}”尚未考核通过，不能拨付</source>
        <translation>{record}: linked milestone “{milestone}” has not passed its review yet, so the tranche cannot be disbursed</translation>
    </message>
    <message>
        <source>{record}：{team}已有第 {seq} 批拨款</source>
        <translation>{record}: {team} already has tranche {seq}</translation>
    </message>
    <message>
        <source>{record}：考核的里程碑须属于该揭榜方</source>
        <translation>{record}: the reviewed milestone must belong to this applicant team</translation>
    </message>
    <message>
        <source>{record}：阶段记录的原阶段“{given}”与当前阶段“{stage}”不符</source>
        <translation>{record}: the stage record’s previous stage “{given}” does not match the current stage “{stage}”</translation>
    </message>
    <message>
        <source>冲突记录已处理或不存在</source>
        <translation>The conflict has already been resolved or does not exist</translation>
    </message>
    <message>
        <source>没有名为“{name}”的单位，无法按单位导出</source>
        <translation>There is no unit named “{name}”, so nothing can be exported for it</translation>
    </message>
    <message>
        <source>没有名为“{name}”的项目类别</source>
        <translation>There is no project category named “{name}”</translation>
    </message>
    <message>
        <source>无法写入导出文件“{path}”：{detail}</source>
        <translation>Cannot write the export file “{path}”: {detail}</translation>
    </message>
    <message>
        <source>没有可考核的立项团队</source>
        <translation>No awarded teams to review</translation>
    </message>
    <message>
        <source>期号第{number}期已用于 {week} 的简报，请换一个期号</source>
        <translation>Issue number {number} is already used by the brief of {week}; choose another number</translation>
    </message>
    <message>
        <source>0 字节的空文件</source>
        <translation>an empty file of 0 bytes</translation>
    </message>
    <message>
        <source>只有空的组合文件结构</source>
        <translation>only an empty portfolio structure</translation>
    </message>
    <message>
        <source>文件“{path}”已存在，不会覆盖。请换一个文件名。</source>
        <translation>The file “{path}” already exists and will not be overwritten. Please choose another file name.</translation>
    </message>
    <message>
        <source>文件“{path}”是一次被中断的新建留下的（{what}，没有任何记录），未替换。</source>
        <translation>The file “{path}” was left by an interrupted creation ({what}, no record at all); it was not replaced.</translation>
    </message>
    <message>
        <source>无法新建组合文件“{path}”：{detail}</source>
        <translation>Cannot create the portfolio file “{path}”: {detail}</translation>
    </message>
    <message>
        <source>从未收到过站点“{peer}”的文件，无法导出增量（已知站点：{known}）</source>
        <translation>No file from site “{peer}” was ever merged, so there is nothing to base a changeset on (known sites: {known})</translation>
    </message>
    <message>
        <source>站点编号“{peer}”不唯一，请写全（可能是：{known}）</source>
        <translation>Site id “{peer}” is ambiguous; write it in full (could be: {known})</translation>
    </message>
    <message>
        <source>找不到交换文件夹“{path}”</source>
        <translation>Exchange folder “{path}” not found</translation>
    </message>
    <message>
        <source>无法使用交换文件夹“{path}”：{detail}</source>
        <translation>Cannot use the exchange folder “{path}”: {detail}</translation>
    </message>
    <message>
        <source>内置组合文件没有站点编号，不能参与同步；请先另存为自己的组合文件</source>
        <translation>The built-in portfolio has no site id and cannot sync; save it as a portfolio file of your own first</translation>
    </message>
    <message>
        <source>未安装 PostgreSQL 驱动 psycopg，无法使用同步中心</source>
        <translation>The PostgreSQL driver psycopg is not installed; the sync hub cannot be used</translation>
    </message>
    <message>
        <source>同步中心拒绝了本次上传（本单位账号只能修改本单位的记录）：{detail}</source>
        <translation>The sync hub refused this upload (a unit&apos;s account may only change its own unit&apos;s records): {detail}</translation>
    </message>
    <message>
        <source>同步中心尚未初始化，请先运行 kechuang hub init</source>
        <translation>The sync hub is not set up yet; run kechuang hub init first</translation>
    </message>
    <message>
        <source>同步中心中有更新版本程序写入的数据（{kind}），请先升级本程序</source>
        <translation>The sync hub holds data written by a newer version ({kind}); please upgrade this program first</translation>
    </message>
    <message>
        <source>无法连接同步中心：{detail}</source>
        <translation>Cannot reach the sync hub: {detail}</translation>
    </message>
    <message>
        <source>同步中心拒绝了授权：{detail}</source>
        <translation>The sync hub refused the grant: {detail}</translation>
    </message>
    <message>
        <source>{record}：「{field}」的日期“{value}”无效，可写作 2025-06-30、2025/6/30、2025年6月30日、2025年6月 或 2025年二季度</source>
        <translation>{record}: “{value}” is not a valid date for “{field}”; write it as 2025-06-30, 2025/6/30, 2025年6月30日, 2025年6月 or 2025年二季度</translation>
    </message>
    <message>
        <source>磁盘空间不足（“{folder}”只剩 {free} KB），无法打开组合文件“{path}”。请先腾出空间。</source>
        <translation>Not enough disk space (&quot;{folder}&quot; has {free} KB left) to open the portfolio file &quot;{path}&quot;. Free some space first.</translation>
    </message>
    <message>
        <source>组合文件“{path}”是只读的（文件或它所在的位置不允许写入），不能修改。可以以只读方式打开它，或复制一份再修改。</source>
        <translation>The portfolio file &quot;{path}&quot; is read-only (the file or its location cannot be written), so it cannot be changed. Open it read-only, or make a copy and change that.</translation>
    </message>
    <message>
        <source>“{path}”是正在使用的组合文件，不能写入输出文件覆盖它。请换一个文件名。</source>
        <translation>&quot;{path}&quot; is the portfolio file in use; an output file cannot be written over it. Choose another file name.</translation>
    </message>
    <message>
        <source>“{path}”是组合文件“{portfolio}”的附属文件，不能写入。请换一个文件名。</source>
        <translation>&quot;{path}&quot; belongs to the portfolio file &quot;{portfolio}&quot; and cannot be written. Choose another file name.</translation>
    </message>
    <message>
        <source>“{path}”在组合文件“{portfolio}”的备份文件夹里，不能写入。请换一个文件夹。</source>
        <translation>&quot;{path}&quot; is in the backups folder of the portfolio file &quot;{portfolio}&quot; and cannot be written. Choose another folder.</translation>
    </message>
    <message>
        <source>“{path}”旁边的 {side} 里还有没写回的修改：它是正在使用或没有正常关闭的数据库，不会覆盖。请换一个文件名。</source>
        <translation>{side} beside &quot;{path}&quot; still holds changes not written back: it is a database in use or not closed cleanly, and will not be overwritten. Choose another file name.</translation>
    </message>
    <message>
        <source>“{path}”正在另一个窗口或程序中打开，不会覆盖。请换一个文件名。</source>
        <translation>&quot;{path}&quot; is open in another window or program and will not be overwritten. Choose another file name.</translation>
    </message>
    <message>
        <source>“{path}”是一个数据库文件（可能是组合文件），不会用文档覆盖它。请换一个文件名。</source>
        <translation>&quot;{path}&quot; is a database file (perhaps a portfolio) and will not be overwritten with a document. Choose another file name.</translation>
    </message>
    <message>
        <source>“{path}”是文件夹，请给出文件名。</source>
        <translation>&quot;{path}&quot; is a folder; give a file name.</translation>
    </message>
    <message>
        <source>{record}：「{field}」的日期“{value}”超出可用范围（{low} 至 {high}）</source>
        <translation>{record}: the date &quot;{value}&quot; of &quot;{field}&quot; is out of range ({low} to {high})</translation>
    </message>
    <message>
        <source>{record}：「{field}」的数值“{value}”超出可用范围（{low} 至 {high}）</source>
        <translation>{record}: the number &quot;{value}&quot; of &quot;{field}&quot; is out of range ({low} to {high})</translation>
    </message>
    <message>
        <source>{record}：「{field}」含有无法显示的控制字符（{code}），请删除后再保存</source>
        <translation>{record}: &quot;{field}&quot; contains a control character that cannot be shown ({code}); remove it and save again</translation>
    </message>
    <message>
        <source>{record}：编号 {id} 已被一条{other}记录使用</source>
        <translation>{record}: the id {id} is already used by a record of kind {other}</translation>
    </message>
    <message>
        <source>没有编号为“{ids}”的内置规划；可选：{known}</source>
        <translation>No built-in plan numbered &quot;{ids}&quot;; choose from: {known}</translation>
    </message>
    <message>
        <source>规划名称不能为空</source>
        <translation>The plan needs a name</translation>
    </message>
    <message>
        <source>规划“{name}”的规划期 {start}—{end} 无效：起止年份应在 1949—2100 之间且起年不晚于止年</source>
        <translation>Plan &quot;{name}&quot;: the period {start}–{end} is not valid (years between 1949 and 2100, the first not after the last)</translation>
    </message>
    <message>
        <source>完成日期“{date}”无效，应写成 2020-12-31 这样的日期</source>
        <translation>Completion date &quot;{date}&quot; is not valid; write a date such as 2020-12-31</translation>
    </message>
    <message>
        <source>转入新规划需要选择一个规划期未结束的规划（可先新增规划）</source>
        <translation>Carrying into a new plan needs a plan whose period has not ended (add one first)</translation>
    </message>
    <message>
        <source>未知的完成情况“{outcome}”</source>
        <translation>Unknown outcome &quot;{outcome}&quot;</translation>
    </message>
    <message>
        <source>备份“{path}”已损坏，不能用它恢复（{detail}）。</source>
        <translation>The backup “{path}” is damaged and cannot be restored ({detail}).</translation>
    </message>
    <message>
        <source>同步中心的结构是旧版本（{version}，本程序需要 {needed}），请先运行 kechuang hub init 升级</source>
        <translation>The hub’s structure is older (version {version}; this program needs {needed}); run kechuang hub init to upgrade it first</translation>
    </message>
    <message>
        <source>无法写入督办单文件“{path}”：{detail}</source>
        <translation>Cannot write the supervision sheet “{path}”: {detail}</translation>
    </message>
    <message>
        <source>督办单文件“{path}”的格式无法识别：应以 .pdf 或 .docx 结尾</source>
        <translation>Unknown format for the supervision sheet “{path}”: the name should end in .pdf or .docx</translation>
    </message>
    <message>
        <source>{record}：新问题的状态只能是“提出”或“交办”，而不是“{status}”</source>
        <translation>{record}: a new problem’s status can only be “Raised” or “Assigned”, not “{status}”</translation>
    </message>
    <message>
        <source>{record}：交办须指定责任单位（牵头）</source>
        <translation>{record}: assigning needs a (lead) responsible unit</translation>
    </message>
    <message>
        <source>{record}：交办须填写办理时限</source>
        <translation>{record}: assigning needs a deadline</translation>
    </message>
    <message>
        <source>{record}：办结须填写办理结果</source>
        <translation>{record}: closing needs a result</translation>
    </message>
    <message>
        <source>{record}：“{status}”须写明原因</source>
        <translation>{record}: “{status}” needs a reason</translation>
    </message>
    <message>
        <source>{record}：重新办理已办结的问题须写明原因</source>
        <translation>{record}: reopening a closed problem needs a reason</translation>
    </message>
    <message>
        <source>{record}：办理日期 {date} 晚于今天，不能预先登记</source>
        <translation>{record}: the date {date} is after today; a step cannot be recorded in advance</translation>
    </message>
    <message>
        <source>{record}：办理日期 {date} 早于上一次办理（{last}）</source>
        <translation>{record}: the date {date} is before the previous step ({last})</translation>
    </message>
    <message>
        <source>{record}：办理记录的原状态“{given}”与问题当前状态“{status}”不符</source>
        <translation>{record}: the step’s previous status “{given}” does not match the problem’s status “{status}”</translation>
    </message>
    <message>
        <source>{record}：办理时限 {due} 早于提出日期 {raised}</source>
        <translation>{record}: the deadline {due} is before the date raised {raised}</translation>
    </message>
    <message>
        <source>{record}：牵头责任单位不能同时列为配合单位</source>
        <translation>{record}: the lead responsible unit cannot also be an assisting unit</translation>
    </message>
    <message>
        <source>同步中心的结构较旧，请先运行 kechuang hub init 升级</source>
        <translation>The sync hub&apos;s schema is older; run kechuang hub init to upgrade it first</translation>
    </message>
    <message>
        <source>只有同步中心数据库的所有者可以清理：{detail}</source>
        <translation>Only the owner of the sync hub&apos;s database can prune it: {detail}</translation>
    </message>
    <message>
        <source>同步中心地址中不要写密码（会以明文保存在组合文件里）：请把密码写入 PostgreSQL 密码文件（~/.pgpass，或环境变量 PGPASSFILE 指定的文件）</source>
        <translation>Do not put a password in the sync hub address (it would be stored in plain text in the portfolio file): write it into the PostgreSQL password file (~/.pgpass, or the file the PGPASSFILE environment variable names)</translation>
    </message>
    <message>
        <source>同步中心地址应以 postgresql:// 开头，例如 postgresql://单位账号@主机/数据库</source>
        <translation>The sync hub address must start with postgresql://, e.g. postgresql://unit_role@host/database</translation>
    </message>
    <message>
        <source>尚未设置交换文件夹或同步中心（文件 → 同步设置）</source>
        <translation>No exchange folder or sync hub set yet (File → Sync settings)</translation>
    </message>
    <message>
        <source>无法写入交换文件夹中的回执“{path}”：{detail}</source>
        <translation>Cannot write the receipts “{path}” in the exchange folder: {detail}</translation>
    </message>
    <message>
        <source>站点 {site} 已从交换文件夹清理了本文件尚未合并的变更集（至第 {through} 号）：请向办公室要一份最新的组合文件（完整导出），用“合并”并入本文件后再同步</source>
        <translation>Site {site} has removed changesets this file has not merged yet (up to number {through}) from the exchange folder: ask the office for an up-to-date portfolio file (a full export), merge it into this file, then sync again</translation>
    </message>
    <message>
        <source>同步中心要求账号“{user}”的密码，但没有找到：请写入 PostgreSQL 密码文件（~/.pgpass，或 PGPASSFILE 指定的文件），或设置环境变量 PGPASSWORD</source>
        <translation>The hub asks for the password of the account “{user}” and none was found: write it into the PostgreSQL password file (~/.pgpass, or the file PGPASSFILE names), or set the PGPASSWORD environment variable</translation>
    </message>
    <message>
        <source>同步中心拒绝了账号“{user}”的登录（密码不对，或该账号无权连接此数据库）：{detail}</source>
        <translation>The hub refused the login of the account “{user}” (a wrong password, or the account may not connect to this database): {detail}</translation>
    </message>
</context>
<context>
    <name>field</name>
    <message>
        <source>来源文件</source>
        <translation>Source document</translation>
    </message>
    <message>
        <source>来源条目</source>
        <translation>Source item</translation>
    </message>
    <message>
        <source>来源原文</source>
        <translation>Source text</translation>
    </message>
    <message>
        <source>内置编号</source>
        <translation>Built-in key</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>上级单位</source>
        <translation>Parent unit</translation>
    </message>
    <message>
        <source>区县/片区</source>
        <translation>District/zone</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>项目编号</source>
        <translation>Project code</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>片区/区县</source>
        <translation>Zone/district</translation>
    </message>
    <message>
        <source>产业方向</source>
        <translation>Industry sector</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>设施阶段</source>
        <translation>Facility phase</translation>
    </message>
    <message>
        <source>总投资（万元）</source>
        <translation>Total investment (10k CNY)</translation>
    </message>
    <message>
        <source>累计完成投资（万元）</source>
        <translation>Cumulative investment completed (10k CNY)</translation>
    </message>
    <message>
        <source>年度计划投资（万元）</source>
        <translation>Annual planned investment (10k CNY)</translation>
    </message>
    <message>
        <source>年度已完成投资（万元）</source>
        <translation>Annual investment completed (10k CNY)</translation>
    </message>
    <message>
        <source>计划开工</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>计划完工</source>
        <translation>Planned completion</translation>
    </message>
    <message>
        <source>实际开工</source>
        <translation>Actual start</translation>
    </message>
    <message>
        <source>实际完工</source>
        <translation>Actual completion</translation>
    </message>
    <message>
        <source>建设内容</source>
        <translation>Scope of construction</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>示例</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>所属项目</source>
        <translation>Parent project</translation>
    </message>
    <message>
        <source>所属揭榜方</source>
        <translation>Parent applicant team</translation>
    </message>
    <message>
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>交付成果</source>
        <translation>Deliverable</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>基线日期</source>
        <translation>Baseline date</translation>
    </message>
    <message>
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>实际完成日期</source>
        <translation>Actual completion date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>备注/佐证</source>
        <translation>Notes/evidence</translation>
    </message>
    <message>
        <source>原计划日期</source>
        <translation>Original planned date</translation>
    </message>
    <message>
        <source>新计划日期</source>
        <translation>New planned date</translation>
    </message>
    <message>
        <source>延期天数</source>
        <translation>Days of delay</translation>
    </message>
    <message>
        <source>调整原因</source>
        <translation>Reason for change</translation>
    </message>
    <message>
        <source>批准人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>记录时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <source>榜单名称</source>
        <translation>Challenge title</translation>
    </message>
    <message>
        <source>榜单编号</source>
        <translation>Challenge code</translation>
    </message>
    <message>
        <source>发榜方式</source>
        <translation>Issuing mode</translation>
    </message>
    <message>
        <source>发榜单位</source>
        <translation>Issuing unit</translation>
    </message>
    <message>
        <source>专项/领域</source>
        <translation>Programme/field</translation>
    </message>
    <message>
        <source>需求概述</source>
        <translation>Summary of need</translation>
    </message>
    <message>
        <source>技术指标（验收标准）</source>
        <translation>Technical indicators (acceptance criteria)</translation>
    </message>
    <message>
        <source>财政榜额（万元）</source>
        <translation>Fiscal award (10k CNY)</translation>
    </message>
    <message>
        <source>配套榜额（万元）</source>
        <translation>Matching award (10k CNY)</translation>
    </message>
    <message>
        <source>揭榜条件</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <source>发榜日期</source>
        <translation>Publication date</translation>
    </message>
    <message>
        <source>申报截止</source>
        <translation>Application deadline</translation>
    </message>
    <message>
        <source>攻关周期（月）</source>
        <translation>Research period (months)</translation>
    </message>
    <message>
        <source>资助方式</source>
        <translation>Funding mode</translation>
    </message>
    <message>
        <source>首笔拨付比例（%）</source>
        <translation>First tranche share (%)</translation>
    </message>
    <message>
        <source>揭榜方式</source>
        <translation>Award mode</translation>
    </message>
    <message>
        <source>赛马队伍数</source>
        <translation>Number of racing teams</translation>
    </message>
    <message>
        <source>榜单</source>
        <translation>Challenge</translation>
    </message>
    <message>
        <source>原阶段</source>
        <translation>Previous stage</translation>
    </message>
    <message>
        <source>新阶段</source>
        <translation>New stage</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>揭榜单位</source>
        <translation>Applicant unit</translation>
    </message>
    <message>
        <source>团队名称</source>
        <translation>Team name</translation>
    </message>
    <message>
        <source>挂帅人</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <source>团队成员</source>
        <translation>Team members</translation>
    </message>
    <message>
        <source>联合体成员</source>
        <translation>Consortium members</translation>
    </message>
    <message>
        <source>技术路线</source>
        <translation>Technical approach</translation>
    </message>
    <message>
        <source>申请资金（万元）</source>
        <translation>Requested funding (10k CNY)</translation>
    </message>
    <message>
        <source>自筹资金（万元）</source>
        <translation>Self-raised funding (10k CNY)</translation>
    </message>
    <message>
        <source>评审得分</source>
        <translation>Review score</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>军令状签订日期</source>
        <translation>Pledge signing date</translation>
    </message>
    <message>
        <source>军令状承诺</source>
        <translation>Pledge commitments</translation>
    </message>
    <message>
        <source>揭榜方</source>
        <translation>Applicant team</translation>
    </message>
    <message>
        <source>考核日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>考核结果</source>
        <translation>Review result</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>评审专家</source>
        <translation>Reviewers</translation>
    </message>
    <message>
        <source>评审意见</source>
        <translation>Review comments</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Tranche no.</translation>
    </message>
    <message>
        <source>挂钩里程碑</source>
        <translation>Linked milestone</translation>
    </message>
    <message>
        <source>计划金额（万元）</source>
        <translation>Planned amount (10k CNY)</translation>
    </message>
    <message>
        <source>已拨金额（万元）</source>
        <translation>Amount disbursed (10k CNY)</translation>
    </message>
    <message>
        <source>拨付日期</source>
        <translation>Disbursement date</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>所属规划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>所属表格</source>
        <translation>Source table</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>计量单位</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <source>指标属性</source>
        <translation>Indicator attribute</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>基期年份</source>
        <translation>Baseline year</translation>
    </message>
    <message>
        <source>基期值</source>
        <translation>Baseline value</translation>
    </message>
    <message>
        <source>基期值（原文）</source>
        <translation>Baseline value (original text)</translation>
    </message>
    <message>
        <source>目标年份</source>
        <translation>Target year</translation>
    </message>
    <message>
        <source>目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <source>目标值（原文）</source>
        <translation>Target value (original text)</translation>
    </message>
    <message>
        <source>其他列</source>
        <translation>Other columns</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>实际值</source>
        <translation>Actual value</translation>
    </message>
    <message>
        <source>实际值（原文）</source>
        <translation>Actual value (original text)</translation>
    </message>
    <message>
        <source>设置项</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>条目类型</source>
        <translation>Entry type</translation>
    </message>
    <message>
        <source>合作单位</source>
        <translation>Partner units</translation>
    </message>
    <message>
        <source>转自里程碑</source>
        <translation>Carried from milestone</translation>
    </message>
    <message>
        <source>完成情况</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>完成情况填报日期</source>
        <translation>Outcome recorded on</translation>
    </message>
    <message>
        <source>转自指标</source>
        <translation>Carried from indicator</translation>
    </message>
    <message>
        <source>督办编号</source>
        <translation>Supervision number</translation>
    </message>
    <message>
        <source>相关里程碑</source>
        <translation>Milestone concerned</translation>
    </message>
    <message>
        <source>相关榜单</source>
        <translation>Challenge concerned</translation>
    </message>
    <message>
        <source>相关揭榜方</source>
        <translation>Team concerned</translation>
    </message>
    <message>
        <source>问题描述</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>协调事项/诉求</source>
        <translation>Coordination requested</translation>
    </message>
    <message>
        <source>提出单位</source>
        <translation>Raised by (unit)</translation>
    </message>
    <message>
        <source>提出人</source>
        <translation>Raised by (person)</translation>
    </message>
    <message>
        <source>提出日期</source>
        <translation>Raised on</translation>
    </message>
    <message>
        <source>交办单位</source>
        <translation>Assigned by</translation>
    </message>
    <message>
        <source>责任单位（牵头）</source>
        <translation>Responsible unit (lead)</translation>
    </message>
    <message>
        <source>配合单位</source>
        <translation>Assisting units</translation>
    </message>
    <message>
        <source>办理时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>办理情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>原状态</source>
        <translation>Previous status</translation>
    </message>
    <message>
        <source>新状态</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>办理单位</source>
        <translation>Acting unit</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>所属里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>所属问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>所属考核</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>内容摘要（SHA-256）</source>
        <translation>Digest (SHA-256)</translation>
    </message>
    <message>
        <source>文件类型</source>
        <translation>File type</translation>
    </message>
    <message>
        <source>大小（字节）</source>
        <translation>Size (bytes)</translation>
    </message>
    <message>
        <source>拍摄日期</source>
        <translation>Date taken</translation>
    </message>
    <message>
        <source>添加日期</source>
        <translation>Date added</translation>
    </message>
</context>
<context>
    <name>ics</name>
    <message>
        <source>无法写入日历文件“{path}”：{detail}</source>
        <translation>Cannot write calendar file “{path}”: {detail}</translation>
    </message>
    <message>
        <source>科创项目台账 · {name}</source>
        <translation>Kechuang Project Ledger · {name}</translation>
    </message>
    <message>
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>【{colour}】{name}（{project}）</source>
        <translation>[{colour}] {name} ({project})</translation>
    </message>
    <message>
        <source>项目：{value}</source>
        <translation>Project: {value}</translation>
    </message>
    <message>
        <source>责任单位：{value}</source>
        <translation>Responsible unit: {value}</translation>
    </message>
    <message>
        <source>状态：{value}</source>
        <translation>Status: {value}</translation>
    </message>
    <message>
        <source>亮灯：{colour}（{meaning}）— {reason}</source>
        <translation>Status light: {colour} ({meaning}) — {reason}</translation>
    </message>
    <message>
        <source>基线日期：{value}</source>
        <translation>Baseline date: {value}</translation>
    </message>
    <message>
        <source>实际完成：{value}</source>
        <translation>Actual completion: {value}</translation>
    </message>
    <message>
        <source>已调整计划 {count} 次，累计延期 {days} 天</source>
        <translation>Re-planned {count} time(s), {days} day(s) slipped in total</translation>
    </message>
    <message>
        <source>交付成果：{value}</source>
        <translation>Deliverable: {value}</translation>
    </message>
    <message>
        <source>备注：{value}</source>
        <translation>Notes: {value}</translation>
    </message>
</context>
<context>
    <name>kind</name>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>调整记录</source>
        <translation>Re-plan record</translation>
    </message>
    <message>
        <source>揭榜挂帅榜单</source>
        <translation>Challenge</translation>
    </message>
    <message>
        <source>榜单阶段记录</source>
        <translation>Challenge stage record</translation>
    </message>
    <message>
        <source>揭榜方</source>
        <translation>Applicant team</translation>
    </message>
    <message>
        <source>里程碑考核</source>
        <translation>Milestone review</translation>
    </message>
    <message>
        <source>拨款批次</source>
        <translation>Funding tranche</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>指标实际值</source>
        <translation>Indicator actual value</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>问题办理记录</source>
        <translation>Problem history record</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
</context>
<context>
    <name>merge</name>
    <message>
        <source>找不到文件“{path}”</source>
        <translation>File “{path}” not found</translation>
    </message>
    <message>
        <source>文件“{path}”过大（{size} MB，上限 {limit} MB），不予合并</source>
        <translation>File “{path}” is too large ({size} MB; the limit is {limit} MB) and will not be merged</translation>
    </message>
    <message>
        <source>“{path}”不是组合文件（不是 SQLite 数据库）</source>
        <translation>“{path}” is not a portfolio file (not an SQLite database)</translation>
    </message>
    <message>
        <source>“{path}”已损坏或不完整（文件长度与数据库页数不符），不予合并</source>
        <translation>“{path}” is damaged or incomplete (the file length does not match the database page count) and will not be merged</translation>
    </message>
    <message>
        <source>“{path}”是其他程序的数据库，不是科创项目台账的组合文件</source>
        <translation>“{path}” is another program’s database, not a Kechuang Project Ledger portfolio file</translation>
    </message>
    <message>
        <source>“{path}”来自更新版本的科创项目台账（数据格式 {version}），请先升级本程序</source>
        <translation>“{path}” comes from a newer version of Kechuang Project Ledger (data format {version}); please upgrade this program first</translation>
    </message>
    <message>
        <source>“{path}”的数据结构与组合文件不符（{detail}），可能被篡改，不予合并</source>
        <translation>The data structure of “{path}” does not match a portfolio file ({detail}); it may have been tampered with and will not be merged</translation>
    </message>
    <message>
        <source>“{path}”已损坏（{detail}），不予合并</source>
        <translation>“{path}” is damaged ({detail}) and will not be merged</translation>
    </message>
    <message>
        <source>读取“{path}”超时，文件可能被构造为拖慢程序，不予合并</source>
        <translation>Reading “{path}” timed out; the file may have been crafted to slow the program down and will not be merged</translation>
    </message>
    <message>
        <source>“{path}”中的数据无效：{detail}</source>
        <translation>Invalid data in “{path}”: {detail}</translation>
    </message>
    <message>
        <source>“{path}”中的修改时间比现在晚一天以上（{when}），对方电脑时钟可能有误，不予合并</source>
        <translation>“{path}” contains modification times more than a day in the future ({when}); the sender’s computer clock may be wrong, so it will not be merged</translation>
    </message>
    <message>
        <source>“{path}”中{record}的修改时间戳无效</source>
        <translation>{record} in “{path}” has an invalid modification timestamp</translation>
    </message>
    <message>
        <source>“{path}”中{record}引用了不存在的记录 {ref}</source>
        <translation>{record} in “{path}” refers to a record that does not exist: {ref}</translation>
    </message>
    <message>
        <source>无法读取“{path}”：{detail}</source>
        <translation>Cannot read “{path}”: {detail}</translation>
    </message>
    <message>
        <source>“{path}”是文件夹，不是组合文件</source>
        <translation>“{path}” is a folder, not a portfolio file</translation>
    </message>
    <message>
        <source>{record}的编号不是有效的 UUID</source>
        <translation>The ID of {record} is not a valid UUID</translation>
    </message>
    <message>
        <source>{record}的删除标记无效</source>
        <translation>The deletion flag of {record} is invalid</translation>
    </message>
    <message>
        <source>“{path}”还有修改没有写回文件（在旁边的 {side} 里）：它可能正在另一个窗口中打开，或上次没有正常关闭。请用科创项目台账打开它再关闭，然后再合并</source>
        <translation>“{path}” has changes not yet written back into the file (in {side} beside it): it may be open in another window, or was not closed properly last time. Open it in Kechuang Project Ledger and close it again, then merge</translation>
    </message>
    <message>
        <source>多出 {items}</source>
        <translation>unexpected: {items}</translation>
    </message>
    <message>
        <source>缺少 {items}</source>
        <translation>missing: {items}</translation>
    </message>
    <message>
        <source>“{path}”就是要合并进去的组合文件本身，不能把它合并到自己</source>
        <translation>&quot;{path}&quot; is the very portfolio file being merged into; a file cannot be merged into itself</translation>
    </message>
    <message>
        <source>“{path}”中{first}和{second}使用同一个编号 {id}，文件可能被篡改，不予合并</source>
        <translation>In &quot;{path}&quot;, {first} and {second} use the same id {id}; the file may have been tampered with and will not be merged</translation>
    </message>
    <message>
        <source>“{path}”中{record}的编号 {id} 在本组合文件中属于一条{other}记录，不予合并</source>
        <translation>In &quot;{path}&quot;, the id {id} of {record} belongs to a record of kind {other} in this portfolio; the file will not be merged</translation>
    </message>
    <message>
        <source>“{path}”中的附件被拒绝：{detail}，不予合并</source>
        <translation>An attachment in “{path}” was refused: {detail}; not merged</translation>
    </message>
    <message>
        <source>附件“{name}”的内容是 {found}，而文件中记为 {said}</source>
        <translation>the content of attachment “{name}” is {found}, but the file says {said}</translation>
    </message>
    <message>
        <source>“{path}”中有超长的值（超过 {limit} MB），不予合并</source>
        <translation>“{path}” holds an over-long value (over {limit} MB); not merged</translation>
    </message>
    <message>
        <source>附件内容 {sha256} 无效（{detail}）</source>
        <translation>attached content {sha256} is invalid ({detail})</translation>
    </message>
    <message>
        <source>附件内容 {sha256} 与其摘要不符，可能被篡改</source>
        <translation>attached content {sha256} does not match its digest, possibly tampered with</translation>
    </message>
    <message>
        <source>附件内容 {sha256} 过大（{size} MB，单个附件上限 {limit} MB）</source>
        <translation>attached content {sha256} is too large ({size} MB; an attachment may be at most {limit} MB)</translation>
    </message>
    <message>
        <source>附件内容 {sha256} 不属于文件中的任何附件</source>
        <translation>attached content {sha256} belongs to no attachment in the file</translation>
    </message>
    <message>
        <source>{record}的内容（{sha256}）不在文件中</source>
        <translation>the content of {record} ({sha256}) is not in the file</translation>
    </message>
    <message>
        <source>{record}的大小或类型与其内容不符</source>
        <translation>the size or type of {record} does not match its content</translation>
    </message>
</context>
<context>
    <name>notice</name>
    <message>
        <source>“揭榜挂帅”项目榜单</source>
        <translation>“Open Challenges” Project List</translation>
    </message>
    <message>
        <source>{issuer}&#x3000;{date}</source>
        <translation>{issuer}&#x3000;{date}</translation>
    </message>
    <message>
        <source>现将{count}项“揭榜挂帅”榜单予以发布，榜额合计{budget}。英雄不论出处，谁有本事谁揭榜。符合条件的单位可在申报截止前揭榜申报。</source>
        <translation>We hereby publish the following “Open Challenges” ({count} in total), with awards totalling {budget}. Ability counts, not background: whoever can solve the problem may take up the challenge. Eligible organisations may apply before the application deadline.</translation>
    </message>
    <message>
        <source>榜单一览</source>
        <translation>Challenges at a glance</translation>
    </message>
    <message>
        <source>榜单{n}：{title}</source>
        <translation>Challenge {n}: {title}</translation>
    </message>
    <message>
        <source>{total}（财政 {fiscal} 万元，配套 {matching} 万元）</source>
        <translation>{total} (fiscal {fiscal}, matching {matching}; in 10k CNY)</translation>
    </message>
    <message>
        <source>{n} 个月</source>
        <translation>{n} months</translation>
    </message>
    <message>
        <source>赛马（最多 {n} 支队伍并行攻关，里程碑考核择优）</source>
        <translation>Parallel race (up to {n} teams work in parallel; the best are selected at milestone reviews)</translation>
    </message>
    <message>
        <source>{mode}，首笔拨付 {pct}%</source>
        <translation>{mode}; first tranche {pct}%</translation>
    </message>
    <message>
        <source>{date}（{state}）</source>
        <translation>{date} ({state})</translation>
    </message>
    <message>
        <source>距截止还有 {days} 天</source>
        <translation>{days} day(s) left</translation>
    </message>
    <message>
        <source>今日截止</source>
        <translation>closes today</translation>
    </message>
    <message>
        <source>已截止</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <source>科创项目台账</source>
        <translation>Kechuang Project Ledger</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>榜单名称</source>
        <translation>Challenge title</translation>
    </message>
    <message>
        <source>发榜单位</source>
        <translation>Issuing unit</translation>
    </message>
    <message>
        <source>专项/领域</source>
        <translation>Programme/field</translation>
    </message>
    <message>
        <source>榜额</source>
        <translation>Award</translation>
    </message>
    <message>
        <source>申报截止</source>
        <translation>Application deadline</translation>
    </message>
    <message>
        <source>攻关周期</source>
        <translation>Research period</translation>
    </message>
    <message>
        <source>榜单编号</source>
        <translation>Challenge code</translation>
    </message>
    <message>
        <source>发榜方式</source>
        <translation>Issuing mode</translation>
    </message>
    <message>
        <source>需求概述</source>
        <translation>Summary of need</translation>
    </message>
    <message>
        <source>技术指标（验收标准）</source>
        <translation>Technical indicators (acceptance criteria)</translation>
    </message>
    <message>
        <source>资助方式</source>
        <translation>Funding mode</translation>
    </message>
    <message>
        <source>揭榜方式</source>
        <translation>Award mode</translation>
    </message>
    <message>
        <source>揭榜条件</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <source>发榜日期</source>
        <translation>Publication date</translation>
    </message>
</context>
<context>
    <name>overview</name>
    <message>
        <source>（未填）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>排名规则：先比按期完成率（到期里程碑中按期或提前完成的比例），高者在前；相同则红灯项目少者在前；再同则累计延期天数少者在前；再同则年度投资完成率高者在前；各项都相同的单位名次并列。</source>
        <translation>Ranking rule: first the on-time rate (share of due milestones completed on or before their planned date), higher first; then fewer red projects; then fewer days slipped; then a higher annual investment completion; units equal on all of these share a rank.</translation>
    </message>
</context>
<context>
    <name>sheets</name>
    <message>
        <source>“{value}”不是可识别的日期（可写作 2025-06-30、2025/6/30、2025.6.30、2025年6月30日、2025年6月 或 2025年二季度）</source>
        <translation>“{value}” is not a recognisable date (write e.g. 2025-06-30, 2025/6/30, 2025.6.30, 2025年6月30日, 2025年6月 or 2025年二季度)</translation>
    </message>
    <message>
        <source>“{value}”不是有效日期（{year}年{month}月没有{day}日）</source>
        <translation>“{value}” is not a valid date (month {month} of {year} has no day {day})</translation>
    </message>
    <message>
        <source>“{value}”不是有效日期（月份应为 1–12）</source>
        <translation>“{value}” is not a valid date (the month must be 1–12)</translation>
    </message>
    <message>
        <source>“{value}”不是数字</source>
        <translation>“{value}” is not a number</translation>
    </message>
    <message>
        <source>金额不能为负数（“{value}”）</source>
        <translation>Amounts cannot be negative (“{value}”)</translation>
    </message>
    <message>
        <source>只写到月份，按该月最后一天 {date} 读取</source>
        <translation>Only a month given; read as the last day of that month, {date}</translation>
    </message>
    <message>
        <source>按该旬最后一天 {date} 读取</source>
        <translation>Read as the last day of that ten-day period, {date}</translation>
    </message>
    <message>
        <source>只写到季度，按该季度最后一天 {date} 读取</source>
        <translation>Only a quarter given; read as the last day of that quarter, {date}</translation>
    </message>
    <message>
        <source>只写到半年，按半年最后一天 {date} 读取</source>
        <translation>Only a half-year given; read as the last day of that half-year, {date}</translation>
    </message>
    <message>
        <source>只写到年份，按该年最后一天 {date} 读取</source>
        <translation>Only a year given; read as the last day of that year, {date}</translation>
    </message>
    <message>
        <source>按亿元换算为 {value} 万元</source>
        <translation>Converted from 100M CNY to {value} (10k CNY)</translation>
    </message>
    <message>
        <source>按元换算为 {value} 万元</source>
        <translation>Converted from CNY to {value} (10k CNY)</translation>
    </message>
    <message>
        <source>单元格注明万元，读作 {value} 万元</source>
        <translation>Cell states 10k CNY; read as {value} (10k CNY)</translation>
    </message>
    <message>
        <source>没有名为“{name}”的表格，可导出：{names}</source>
        <translation>No table named “{name}”; tables that can be exported: {names}</translation>
    </message>
    <message>
        <source>系统编号（UUID）</source>
        <translation>System ID (UUID)</translation>
    </message>
    <message>
        <source>在“{name}”中找不到项目台账的表头：需要一行列名，其中有“项目名称”（或“名称”）一列。</source>
        <translation>No project-ledger header found in “{name}”: a row of column names is needed, including a “项目名称” (project name) or “名称” (name) column.</translation>
    </message>
    <message>
        <source>工作表「{sheet}」没有可识别的项目台账表头，已跳过。</source>
        <translation>Worksheet “{sheet}” has no recognisable project-ledger header; skipped.</translation>
    </message>
    <message>
        <source>工作表「{sheet}」的表头中没有“项目名称/名称”列，已跳过（可在导入向导中指定）。</source>
        <translation>The header of worksheet “{sheet}” has no “项目名称/名称” (project name) column; skipped (you can specify it in the import wizard).</translation>
    </message>
    <message>
        <source>缺少项目名称</source>
        <translation>Project name missing</translation>
    </message>
    <message>
        <source>与第 {row} 行是同一个项目（“{name}”），重复</source>
        <translation>Duplicate: same project as row {row} (“{name}”)</translation>
    </message>
    <message>
        <source>组合中有 {count} 个名为“{name}”的项目，无法确定更新哪一个；请加一列系统编号（UUID）</source>
        <translation>The portfolio has {count} projects named “{name}”, so it is unclear which one to update; add a System ID (UUID) column</translation>
    </message>
    <message>
        <source>系统编号 {id} 对应的项目已被删除</source>
        <translation>The project with system ID {id} has been deleted</translation>
    </message>
    <message>
        <source>系统编号 {id} 对应的不是项目，而是{kind}</source>
        <translation>System ID {id} is not a project (record type: {kind})</translation>
    </message>
    <message>
        <source>分组标题：以下各行的类别按“{category}”读取</source>
        <translation>Group heading: the following rows are read as category “{category}”</translation>
    </message>
    <message>
        <source>有 {count} 行无效，未写入任何数据。请修正后重新导入，或明确选择只导入其余有效行（命令行加 --partial）。</source>
        <translation>{count} row(s) are invalid; nothing was written. Fix them and import again, or explicitly choose to import only the remaining valid rows (add --partial on the command line).</translation>
    </message>
    <message>
        <source>工作表「{sheet}」第 {row} 行 {column} 列「{header}」：{reason}</source>
        <translation>Worksheet “{sheet}”, row {row}, column {column} (“{header}”): {reason}</translation>
    </message>
    <message>
        <source>工作表「{sheet}」第 {row} 行：{reason}</source>
        <translation>Worksheet “{sheet}”, row {row}: {reason}</translation>
    </message>
    <message>
        <source>「{sheet}」第 {row} 行</source>
        <translation>“{sheet}” row {row}</translation>
    </message>
    <message>
        <source>空行</source>
        <translation>blank row(s)</translation>
    </message>
    <message>
        <source>合计/小计行</source>
        <translation>total/subtotal row(s)</translation>
    </message>
    <message>
        <source>分组标题行</source>
        <translation>group heading row(s)</translation>
    </message>
    <message>
        <source>注释/落款行</source>
        <translation>note/signature row(s)</translation>
    </message>
    <message>
        <source>与组合一致、无需更新的行</source>
        <translation>row(s) already matching the portfolio</translation>
    </message>
    <message>
        <source>导入预览：{file}</source>
        <translation>Import preview: {file}</translation>
    </message>
    <message>
        <source>调度表：{unit}，从“{portfolio}”导出于 {date}</source>
        <translation>Progress-report sheet: {unit}, exported from “{portfolio}” on {date}</translation>
    </message>
    <message>
        <source>工作表「{sheet}」：表头在第 {rows} 行，数据从第 {first} 行开始</source>
        <translation>Worksheet “{sheet}”: header in row(s) {rows}, data starts at row {first}</translation>
    </message>
    <message>
        <source>  列对应：{items}</source>
        <translation>  Column mapping: {items}</translation>
    </message>
    <message>
        <source>  未导入的列：{items}</source>
        <translation>  Columns not imported: {items}</translation>
    </message>
    <message>
        <source>（亿元 ×10000）</source>
        <translation> (100M CNY ×10000)</translation>
    </message>
    <message>
        <source>（元 ÷10000）</source>
        <translation> (CNY ÷10000)</translation>
    </message>
    <message>
        <source>新建单位 {count} 个（导入时创建，请确认）：{names}</source>
        <translation>{count} new unit(s) will be created on import (please check): {names}</translation>
    </message>
    <message>
        <source>  “{written}”按已有单位“{name}”处理</source>
        <translation>  “{written}” treated as the existing unit “{name}”</translation>
    </message>
    <message>
        <source>新增 {count} 条：</source>
        <translation>{count} to add:</translation>
    </message>
    <message>
        <source>更新 {count} 条：</source>
        <translation>{count} to update:</translation>
    </message>
    <message>
        <source>无效 {count} 行（不会导入）：</source>
        <translation>{count} invalid row(s) (will not be imported):</translation>
    </message>
    <message>
        <source>读法说明：</source>
        <translation>How values were read:</translation>
    </message>
    <message>
        <source>跳过：{items}</source>
        <translation>Skipped: {items}</translation>
    </message>
    <message>
        <source>{label} {count} 行</source>
        <translation>{count} {label}</translation>
    </message>
    <message>
        <source>没有需要导入的变化。</source>
        <translation>No changes to import.</translation>
    </message>
    <message>
        <source>  {where} {column} 列「{header}」“{value}”：{reading}</source>
        <translation>  {where}, column {column} (“{header}”) “{value}”: {reading}</translation>
    </message>
    <message>
        <source>「{sheet}」第 {rows} 行等 {count} 行</source>
        <translation>“{sheet}” rows {rows}… ({count} rows in all)</translation>
    </message>
    <message>
        <source>{where}“{value}”：{reading}</source>
        <translation>{where} “{value}”: {reading}</translation>
    </message>
    <message>
        <source>{label} {old} → {new}</source>
        <translation>{label}: {old} → {new}</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>无法写入“{path}”：{detail}</source>
        <translation>Cannot write “{path}”: {detail}</translation>
    </message>
    <message>
        <source>找不到单位“{name}”。{hint}</source>
        <translation>Unit “{name}” not found. {hint}</translation>
    </message>
    <message>
        <source>名称相近的单位：{names}</source>
        <translation>Units with similar names: {names}</translation>
    </message>
    <message>
        <source>请使用组合中单位的全称或简称。</source>
        <translation>Use the full name or short name of a unit in the portfolio.</translation>
    </message>
    <message>
        <source>“{unit}”名下没有进行中的项目或未完成的里程碑，没有可导出的调度表。</source>
        <translation>“{unit}” has no projects in progress and no unfinished milestones, so there is no progress-report sheet to export.</translation>
    </message>
    <message>
        <source>这份调度表是从另一个组合文件“{source}”导出的，不是当前的“{name}”，不能导入。请在导出它的组合文件中导入。</source>
        <translation>This progress-report sheet was exported from another portfolio file, “{source}”, not the current “{name}”, and cannot be imported. Import it in the portfolio file it was exported from.</translation>
    </message>
    <message>
        <source>调度表“{name}”的隐藏校验信息已被改动或损坏，不能导入。请使用项目办原样导出的调度表。</source>
        <translation>The hidden check data in progress-report sheet “{name}” has been altered or damaged, so it cannot be imported. Use the sheet exactly as exported by the project office.</translation>
    </message>
    <message>
        <source>调度表“{name}”由更新版本的软件导出（格式版本 {version}），请先升级本软件。</source>
        <translation>Progress-report sheet “{name}” was exported by a newer version of the software (format version {version}); please upgrade this software first.</translation>
    </message>
    <message>
        <source>调度表中找不到工作表「{sheet}」（被删除或改名），不能导入。</source>
        <translation>Worksheet “{sheet}” is missing from the progress-report sheet (deleted or renamed), so it cannot be imported.</translation>
    </message>
    <message>
        <source>调度表工作表「{sheet}」的列被改动（第 {column} 列应为“{header}”），不能导入。请勿插入、删除或移动列。</source>
        <translation>The columns of worksheet “{sheet}” in the progress-report sheet have been changed (column {column} should be “{header}”), so it cannot be imported. Do not insert, delete or move columns.</translation>
    </message>
    <message>
        <source>调度表工作表「{sheet}」第 {row} 行的身份列（隐藏的系统编号或项目/里程碑名称）被改动，不能导入。请使用原样导出的调度表，只填写黄色的列。</source>
        <translation>The identity columns (hidden system ID or project/milestone name) in row {row} of worksheet “{sheet}” have been changed, so it cannot be imported. Use the sheet exactly as exported and fill in only the yellow columns.</translation>
    </message>
    <message>
        <source>这一行不是导出时就有的，调度表不能新增记录；请在软件中新增，或用台账导入</source>
        <translation>This row was not in the exported sheet, and a progress-report sheet cannot add records; add it in the software, or use a ledger import</translation>
    </message>
    <message>
        <source>与第 {row} 行是同一条记录，重复</source>
        <translation>Duplicate: same record as row {row}</translation>
    </message>
    <message>
        <source>这条记录在导出后已被删除，不能更新</source>
        <translation>This record was deleted after export and cannot be updated</translation>
    </message>
    <message>
        <source>计划日期由 {old} 改为 {new} 属于调整计划，请在“存在问题”列写明调整原因后再导入</source>
        <translation>Changing the planned date from {old} to {new} is a re-plan; give the reason in the “Issues” column, then import again</translation>
    </message>
    <message>
        <source>填写了实际完成日期，状态随之改为已完成</source>
        <translation>Actual completion date filled in; status changed to Completed</translation>
    </message>
    <message>
        <source>未填实际完成日期，按导入当天记</source>
        <translation>No actual completion date given; the import date is used</translation>
    </message>
    <message>
        <source>导出后已改为“{value}”，将以调度表为准</source>
        <translation>Changed to “{value}” since export; the sheet’s value will be used</translation>
    </message>
    <message>
        <source>调整计划，原因：{reason}</source>
        <translation>Re-plan; reason: {reason}</translation>
    </message>
    <message>
        <source>“{value}”不是可选的{field}；可选：{choices}</source>
        <translation>“{value}” is not a valid option for {field}; options: {choices}</translation>
    </message>
    <message>
        <source>“{value}”不是有效的系统编号（UUID）</source>
        <translation>“{value}” is not a valid system ID (UUID)</translation>
    </message>
    <message>
        <source>内容太长（{count} 个字符，最多 {limit} 个）</source>
        <translation>Too long ({count} characters; at most {limit})</translation>
    </message>
    <message>
        <source>按“{choice}”读取</source>
        <translation>Read as “{choice}”</translation>
    </message>
    <message>
        <source>找不到文件“{path}”</source>
        <translation>File “{path}” not found</translation>
    </message>
    <message>
        <source>“{name}”不是 Excel 工作簿（.xlsx）。如果是旧版 .xls 或 .et 文件，请先在 Excel/WPS 中另存为 .xlsx 再导入。</source>
        <translation>“{name}” is not an Excel workbook (.xlsx). If it is an older .xls or .et file, save it as .xlsx in Excel/WPS first, then import it.</translation>
    </message>
    <message>
        <source>无法读取工作簿“{name}”：文件已损坏或不是有效的 .xlsx（{detail}）</source>
        <translation>Cannot read workbook “{name}”: the file is damaged or not a valid .xlsx ({detail})</translation>
    </message>
    <message>
        <source>工作簿“{name}”太大（{size} MB），最多可导入 {limit} MB</source>
        <translation>Workbook “{name}” is too large ({size} MB); at most {limit} MB can be imported</translation>
    </message>
    <message>
        <source>工作簿“{name}”解压后太大（{size} MB），最多可导入 {limit} MB</source>
        <translation>Workbook “{name}” is too large once unpacked ({size} MB); at most {limit} MB can be imported</translation>
    </message>
    <message>
        <source>工作表「{sheet}」太大（{rows} 行 × {cols} 列），无法导入</source>
        <translation>Worksheet “{sheet}” is too large to import ({rows} rows × {cols} columns)</translation>
    </message>
    <message>
        <source>覆盖</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <source>只补空白</source>
        <translation>Fill if empty</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>“{value}”的年份超出范围（应在 {low}–{high} 年之间）</source>
        <translation>The year of &quot;{value}&quot; is out of range (it should be between {low} and {high})</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>已创建您的组合文件：%1</source>
        <translation>Created your portfolio file: %1</translation>
    </message>
</context>
</TS>
