<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ChallengeList</name>
    <message>
        <location filename="../../desktop/views/screens.py" line="12" />
        <source>榜单名称</source>
        <translation>Challenge title</translation>
    </message>
    <message>
        <location filename="../../desktop/views/screens.py" line="13" />
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../desktop/views/screens.py" line="14" />
        <source>专项/领域</source>
        <translation>Programme/field</translation>
    </message>
    <message>
        <location filename="../../desktop/views/screens.py" line="15" />
        <source>发榜单位</source>
        <translation>Issuing unit</translation>
    </message>
    <message>
        <location filename="../../desktop/views/screens.py" line="16" />
        <source>榜额（万元）</source>
        <translation>Award (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/screens.py" line="17" />
        <source>申报截止</source>
        <translation>Application deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/views/screens.py" line="18" />
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location filename="../../desktop/views/screens.py" line="19" />
        <source>揭榜方式</source>
        <translation>Award mode</translation>
    </message>
    <message>
        <location filename="../../desktop/views/screens.py" line="20" />
        <source>申报团队</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <location filename="../../desktop/views/screens.py" line="21" />
        <source>立项团队</source>
        <translation>Selected</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/screens.py" line="27" />
        <source>%n 个榜单</source>
        <translation>
            <numerusform>%n challenge</numerusform>
            <numerusform>%n challenges</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/screens.py" line="31" />
        <source>搜索榜单名称、领域、发榜单位…</source>
        <translation>Search challenge title, field, issuing unit…</translation>
    </message>
</context>
<context>
    <name>IndicatorScreen</name>
    <message>
        <location filename="../../desktop/views/indicators.py" line="154" />
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="158" />
        <source>%1 %2年实际值</source>
        <translation>%1: actual value for %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="185" />
        <source>序时（基期到目标的直线）</source>
        <translation>Pro-rata line (baseline to target)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="186" />
        <source>基期</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="188" />
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="193" />
        <source>实际值</source>
        <translation>Actual value</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="197" />
        <source>搜索指标…</source>
        <translation>Search indicators…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="198" />
        <source>新增指标</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="199" />
        <source>编辑指标</source>
        <translation>Edit indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="201" />
        <source>双击年份单元格填写实际值（清空即删除）；颜色按基期到目标的直线计算序时进度，“越低越好”的指标方向相反。</source>
        <translation>Double-click a year cell to enter the actual value (clear it to delete). Colours compare progress with the straight line from baseline to target; for lower-is-better indicators the direction is reversed.</translation>
    </message>
</context>
<context>
    <name>IndicatorTable</name>
    <message>
        <location filename="../../desktop/views/indicators.py" line="17" />
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="18" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="19" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="20" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="21" />
        <source>基期值</source>
        <translation>Baseline value</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="22" />
        <source>目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="23" />
        <source>指标属性</source>
        <translation>Indicator attribute</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="25" />
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desktop/views/indicators.py" line="26" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="84" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="86" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="148" />
        <location filename="../../desktop/main_window.py" line="151" />
        <source>科创项目台账</source>
        <translation>Kechuang Project Ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="150" />
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="154" />
        <source>%1 · %2 个项目 · %3 个里程碑 · %4 个榜单 · %5 个指标</source>
        <translation>%1 · %2 projects · %3 milestones · %4 challenges · %5 indicators</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/main_window.py" line="183" />
        <source>删除 %n 个项目（及其里程碑）？可以撤销。</source>
        <translation>
            <numerusform>Delete %n project (and its milestones)? This can be undone.</numerusform>
            <numerusform>Delete %n projects (and their milestones)? This can be undone.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="184" />
        <location filename="../../desktop/main_window.py" line="290" />
        <source>删除项目</source>
        <translation>Delete project</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="187" />
        <source>删除项目：%1</source>
        <translation>Delete projects: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="227" />
        <source>打开组合文件</source>
        <translation>Open Portfolio File</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="228" />
        <source>组合文件 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>Portfolio files (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="233" />
        <location filename="../../desktop/main_window.py" line="238" />
        <source>新建组合文件</source>
        <translation>New Portfolio File</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="234" />
        <location filename="../../desktop/main_window.py" line="247" />
        <source>组合文件 (*.sqlite)</source>
        <translation>Portfolio files (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="238" />
        <source>是否载入内置项目组合（来自规划文件的项目、里程碑和指标）？
选“否”则新建空白组合。</source>
        <translation>Load the built-in portfolio (projects, milestones and indicators from the plan documents)?
Choose “No” to create an empty portfolio.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="247" />
        <location filename="../../desktop/main_window.py" line="253" />
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="268" />
        <source>关于科创项目台账</source>
        <translation>About Kechuang Project Ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="272" />
        <source>&lt;h3&gt;科创项目台账&lt;/h3&gt;&lt;p&gt;重大科技项目、揭榜挂帅与指标体系的台账工具。&lt;/p&gt;&lt;p&gt;数据文件：%1&lt;br&gt;数据格式版本：%2&lt;/p&gt;&lt;p&gt;内置字体：文泉驿微米黑（Apache-2.0 或 GPL-3.0+ 字体例外）&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kechuang Project Ledger&lt;/h3&gt;&lt;p&gt;A ledger tool for major science and technology projects, Open Challenges and indicator systems.&lt;/p&gt;&lt;p&gt;Data file: %1&lt;br&gt;Data format version: %2&lt;/p&gt;&lt;p&gt;Bundled font: WenQuanYi Micro Hei (Apache-2.0 or GPL-3.0+ with font exception)&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="277" />
        <source>项目</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="277" />
        <source>揭榜挂帅</source>
        <translation>Open Challenges</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="277" />
        <source>指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="277" />
        <source>时间轴</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="278" />
        <source>总览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="280" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="281" />
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="282" />
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="283" />
        <source>最近打开</source>
        <translation>Open Recent</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="284" />
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="285" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="286" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="287" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="288" />
        <source>新建项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="289" />
        <source>编辑项目…</source>
        <translation>Edit project…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="291" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="292" />
        <source>语言 / Language</source>
        <translation>Language / 语言</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="293" />
        <source>筛选结果的时间轴</source>
        <translation>Timeline of filtered projects</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="294" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="296" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="297" />
        <source>关于</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <location filename="../../desktop/views/overview.py" line="19" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="20" />
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="21" />
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="22" />
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="23" />
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="24" />
        <location filename="../../desktop/views/overview.py" line="29" />
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="25" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="28" />
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="30" />
        <source>项目数</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="31" />
        <source>到期里程碑</source>
        <translation>Milestones due</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="32" />
        <source>按期完成</source>
        <translation>Completed on time</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="33" />
        <source>按期率%</source>
        <translation>On-time %</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="34" />
        <source>累计延期天数</source>
        <translation>Days slipped</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="35" />
        <source>红灯项目</source>
        <translation>Red projects</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="36" />
        <source>黄灯项目</source>
        <translation>Yellow projects</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="37" />
        <source>投资完成%</source>
        <translation>Invested %</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="38" />
        <source>较序时（百分点）</source>
        <translation>vs pro-rata (points)</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <location filename="../../desktop/views/overview.py" line="140" />
        <source>%1 个项目　</source>
        <translation>%1 projects   </translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="156" />
        <source>项目阶段（七个一批）</source>
        <translation>Project stages</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="157" />
        <source>揭榜挂帅榜单阶段</source>
        <translation>Challenge stages</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="162" />
        <source>未填</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="168" />
        <source>数量</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="175" />
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="175" />
        <source>本周到期</source>
        <translation>Due this week</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="176" />
        <source>下周到期</source>
        <translation>Due next week</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="180" />
        <source>到期与逾期（%1）</source>
        <translation>Due and overdue (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="189" />
        <source>尚无项目填报年度计划投资，无法计算投资进度。</source>
        <translation>No project has an annual investment plan yet, so investment pace cannot be computed.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="192" />
        <source>全部项目：年度计划投资 %1 万元，已完成 %2 万元（%3%），序时进度 %4%。</source>
        <translation>All projects: annual plan %1 (10k CNY), invested %2 (%3%), pro-rata schedule %4%.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="196" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="203" />
        <source>年度投资完成率（%，颜色 = 亮灯）</source>
        <translation>Annual investment completed (%, colour = status light)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="206" />
        <source>序时进度</source>
        <translation>Pro-rata schedule</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="225" />
        <source>按类别</source>
        <translation>By category</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="226" />
        <source>按责任单位</source>
        <translation>By responsible unit</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="227" />
        <source>按片区</source>
        <translation>By zone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="230" />
        <source>五色图</source>
        <translation>Five-colour map</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="231" />
        <source>阶段漏斗</source>
        <translation>Stage funnel</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="231" />
        <source>到期与逾期</source>
        <translation>Due and overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="231" />
        <source>赛马比拼</source>
        <translation>Unit race</translation>
    </message>
    <message>
        <location filename="../../desktop/views/overview.py" line="232" />
        <source>投资进度</source>
        <translation>Investment pace</translation>
    </message>
</context>
<context>
    <name>ProjectDetail</name>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="26" />
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="27" />
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="28" />
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="29" />
        <source>基线</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="30" />
        <source>计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="31" />
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="32" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="33" />
        <source>调整</source>
        <translation>Re-plans</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="34" />
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="35" />
        <source>亮灯原因</source>
        <translation>Why this colour</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="115" />
        <source>选择一个项目查看详情；双击打开编辑。</source>
        <translation>Select a project to see its details; double-click to edit it.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="129" />
        <source>里程碑 %1 个 · 重新计划 %2 次 · 累计延期 %3 天</source>
        <translation>%1 milestone(s) · re-planned %2 time(s) · %3 day(s) slipped in total</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="164" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="197" />
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="221" />
        <location filename="../../desktop/views/project_detail.py" line="236" />
        <source>删除里程碑</source>
        <translation>Delete milestone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="221" />
        <source>删除%1？可以撤销。</source>
        <translation>Delete %1? This can be undone.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="223" />
        <source>删除%1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="235" />
        <source>编辑项目 (F2)</source>
        <translation>Edit project (F2)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="235" />
        <source>新增里程碑</source>
        <translation>Add milestone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="236" />
        <source>编辑里程碑</source>
        <translation>Edit milestone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="237" />
        <source>调整记录</source>
        <translation>Re-plan log</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_detail.py" line="238" />
        <source>时间轴</source>
        <translation>Timeline</translation>
    </message>
</context>
<context>
    <name>ProjectRegister</name>
    <message>
        <location filename="../../desktop/views/project_register.py" line="19" />
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="20" />
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="21" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="22" />
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="23" />
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="24" />
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="25" />
        <source>片区/区县</source>
        <translation>Zone/district</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="26" />
        <source>下一里程碑</source>
        <translation>Next milestone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="27" />
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="28" />
        <source>投资完成</source>
        <translation>Invested</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="29" />
        <source>产业方向</source>
        <translation>Industry sector</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="30" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="142" />
        <source>正在计算亮灯…</source>
        <translation>Computing status lights…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="190" />
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="190" />
        <source>全部阶段</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="191" />
        <source>全部责任单位</source>
        <translation>All responsible units</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="191" />
        <source>全部片区</source>
        <translation>All zones</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="192" />
        <source>全部亮灯</source>
        <translation>All status lights</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/project_register.py" line="201" />
        <source>%n 个项目</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="231" />
        <source>（未填）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="274" />
        <source>不分组</source>
        <translation>No grouping</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="275" />
        <source>按类别分组</source>
        <translation>Group by category</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="275" />
        <source>按责任单位分组</source>
        <translation>Group by responsible unit</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="276" />
        <source>按阶段分组</source>
        <translation>Group by stage</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="276" />
        <source>按片区分组</source>
        <translation>Group by zone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/project_register.py" line="280" />
        <source>搜索项目名称、单位、片区、方向…（Ctrl+F）</source>
        <translation>Search project name, unit, zone, sector… (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../desktop/views/record_dialog.py" line="62" />
        <location filename="../../desktop/views/record_dialog.py" line="91" />
        <source>新建%1</source>
        <translation>New %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_dialog.py" line="105" />
        <source>修改%1</source>
        <translation>Edit %1</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../desktop/forms.py" line="82" />
        <source>多项用顿号分隔，如：甲、乙</source>
        <translation>Separate several items with 、 or commas, e.g. A, B</translation>
    </message>
</context>
<context>
    <name>ReplanDialog</name>
    <message>
        <location filename="../../desktop/views/record_dialog.py" line="20" />
        <source>重新计划</source>
        <translation>Re-plan</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_dialog.py" line="24" />
        <source>里程碑“%1”的计划日期由 %2 调整为 %3。</source>
        <translation>The planned date of milestone “%1” moves from %2 to %3.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_dialog.py" line="26" />
        <source>调整原因*</source>
        <translation>Reason*</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_dialog.py" line="27" />
        <source>批准人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../desktop/views/record_dialog.py" line="40" />
        <source>必须填写调整原因</source>
        <translation>A reason is required</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../desktop/session.py" line="61" />
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="18" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="37" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="38" />
        <source>亮灯规则（保存在组合文件中）</source>
        <translation>Status-light rules (saved in the portfolio file)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="40" />
        <source>临期预警：距计划日期不超过（天）黄灯</source>
        <translation>Yellow when due within (days)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="41" />
        <source>逾期不超过（天）黄灯，超过则红灯</source>
        <translation>Yellow when overdue up to (days), red beyond</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="42" />
        <source>投资/指标进度领先序时进度（百分点）蓝灯</source>
        <translation>Blue when investment/indicator progress leads the pro-rata schedule by (points)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="43" />
        <source>不低于序时进度（百分点）绿灯</source>
        <translation>Green when at or above the pro-rata schedule by (points)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="44" />
        <source>落后不超过（百分点）黄灯，更低则红灯</source>
        <translation>Yellow when behind by no more than (points), red below</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="45" />
        <source>受阻的里程碑为红灯；已取消、未设日期或停缓建为灰灯。</source>
        <translation>Blocked milestones are red; cancelled, undated or suspended ones are grey.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="65" />
        <source>修改亮灯规则</source>
        <translation>Change status-light rules</translation>
    </message>
</context>
<context>
    <name>SlipLog</name>
    <message>
        <location filename="../../desktop/views/slip_log.py" line="13" />
        <source>记录时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <location filename="../../desktop/views/slip_log.py" line="14" />
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/slip_log.py" line="15" />
        <source>原计划</source>
        <translation>Old date</translation>
    </message>
    <message>
        <location filename="../../desktop/views/slip_log.py" line="16" />
        <source>新计划</source>
        <translation>New date</translation>
    </message>
    <message>
        <location filename="../../desktop/views/slip_log.py" line="17" />
        <source>变动天数</source>
        <translation>Days moved</translation>
    </message>
    <message>
        <location filename="../../desktop/views/slip_log.py" line="18" />
        <source>调整原因</source>
        <translation>Reason for change</translation>
    </message>
    <message>
        <location filename="../../desktop/views/slip_log.py" line="19" />
        <source>批准人</source>
        <translation>Approved by</translation>
    </message>
</context>
<context>
    <name>SlipLogDialog</name>
    <message>
        <location filename="../../desktop/views/slip_log.py" line="28" />
        <source>调整记录</source>
        <translation>Re-plan log</translation>
    </message>
    <message>
        <location filename="../../desktop/views/slip_log.py" line="37" />
        <source>所选里程碑</source>
        <translation>Selected milestone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/slip_log.py" line="38" />
        <source>本项目全部里程碑</source>
        <translation>All milestones of this project</translation>
    </message>
    <message>
        <location filename="../../desktop/views/slip_log.py" line="39" />
        <source>%1：重新计划 %2 次，累计延期 %3 天，提前 %4 天</source>
        <translation>%1: re-planned %2 time(s), %3 day(s) slipped in total, %4 day(s) pulled in</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message numerus="yes">
        <location filename="../../desktop/views/timeline.py" line="82" />
        <source>%n 个项目的里程碑</source>
        <translation>
            <numerusform>Milestones of %n project</numerusform>
            <numerusform>Milestones of %n projects</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline.py" line="118" />
        <source>◇ 基线日期　● 计划日期（颜色 = 亮灯）　▲ 实际完成　— 基线到计划的调整　┆ 今天　（滚轮缩放，拖动平移，点击里程碑打开）</source>
        <translation>◇ baseline date   ● planned date (colour = status light)   ▲ actual completion   — slip from baseline to plan   ┆ today   (wheel to zoom, drag to pan, click a milestone to open it)</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../desktop/cli.py" line="25" />
        <source>文件“{path}”已存在，不会覆盖。请换一个文件名。</source>
        <translation>File “{path}” already exists and will not be overwritten. Please choose another file name.</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="26" />
        <source>参数“{arg}”应写成 字段=值</source>
        <translation>Argument “{arg}” must be written as field=value</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="27" />
        <source>未知的记录类型“{kind}”，可用：project, milestone, challenge, team, indicator, unit</source>
        <translation>Unknown record type “{kind}”; available: project, milestone, challenge, team, indicator, unit</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="28" />
        <source>已创建组合文件 {path}：{projects} 个项目，{milestones} 个里程碑，{indicators} 个指标</source>
        <translation>Created portfolio file {path}: {projects} projects, {milestones} milestones, {indicators} indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="29" />
        <source>操作失败：{detail}</source>
        <translation>Operation failed: {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop/cli.py" line="30" />
        <source>没有需要修改的字段</source>
        <translation>No fields to change</translation>
    </message>
</context>
<context>
    <name>colour</name>
    <message>
        <location filename="../../db/colours.py" line="19" />
        <source>红</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="19" />
        <source>黄</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="20" />
        <source>绿</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="20" />
        <source>蓝</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="21" />
        <source>灰</source>
        <translation>Grey</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="24" />
        <source>滞后督办</source>
        <translation>Behind — escalate</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="24" />
        <source>超期预警</source>
        <translation>Overdue warning</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="25" />
        <source>推进正常</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="25" />
        <source>超前示范</source>
        <translation>Ahead — exemplary</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="26" />
        <source>未启动/暂停/无数据</source>
        <translation>Not started / paused / no data</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="38" />
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="39" />
        <source>未设定计划日期</source>
        <translation>No planned date set</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="40" />
        <source>受阻</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="41" />
        <source>提前 {days} 天完成</source>
        <translation>Completed {days} day(s) early</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="42" />
        <source>按期完成</source>
        <translation>Completed on time</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="43" />
        <source>已完成（逾期 {days} 天）</source>
        <translation>Completed ({days} day(s) late)</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="44" />
        <source>逾期 {days} 天（超过 {limit} 天）</source>
        <translation>{days} day(s) overdue (more than {limit} days)</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="45" />
        <source>逾期 {days} 天</source>
        <translation>{days} day(s) overdue</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="46" />
        <source>{days} 天后到期（{date}），尚未完成</source>
        <translation>Due in {days} day(s) ({date}), not yet completed</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="47" />
        <source>今天到期，尚未完成</source>
        <translation>Due today, not yet completed</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="48" />
        <source>距计划日期还有 {days} 天</source>
        <translation>{days} day(s) until the planned date</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="49" />
        <source>年度投资完成 {done:.0f}%，序时进度 {expected:.0f}%，{sign}{gap:.0f} 个百分点</source>
        <translation>Annual investment {done:.0f}% complete; time-elapsed schedule {expected:.0f}%; {sign}{gap:.0f} percentage points</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="50" />
        <source>里程碑“{name}”：{reason}</source>
        <translation>Milestone “{name}”: {reason}</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="51" />
        <source>无进行中的里程碑，也无年度投资计划</source>
        <translation>No milestones in progress and no annual investment plan</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="52" />
        <source>里程碑均已完成</source>
        <translation>All milestones completed</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="53" />
        <source>停缓建</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="54" />
        <source>已终止</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="55" />
        <source>揭榜方状态：{status}</source>
        <translation>Applicant team status: {status}</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="56" />
        <source>无实际值</source>
        <translation>No actual value</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="57" />
        <source>缺少基期或目标值，无法计算序时进度</source>
        <translation>Baseline or target value missing; cannot compute the time-elapsed schedule</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="58" />
        <source>{year}年实际 {actual:g}，序时应达 {expected:g}，完成序时进度的 {share:.0f}%（{sign}{gap:.0f} 个百分点）</source>
        <translation>{year} actual {actual:g}; expected by now {expected:g}; {share:.0f}% of time-elapsed schedule achieved ({sign}{gap:.0f} percentage points)</translation>
    </message>
    <message>
        <location filename="../../db/colours.py" line="59" />
        <source>{year}年实际 {actual:g}，已达到目标 {target:g}</source>
        <translation>{year} actual {actual:g}; target {target:g} reached</translation>
    </message>
</context>
<context>
    <name>enum</name>
    <message>
        <location filename="../../db/model.py" line="17" />
        <source>政府部门</source>
        <translation>Government department</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="18" />
        <source>园区公司</source>
        <translation>Park company</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="19" />
        <source>高校</source>
        <translation>University</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="20" />
        <source>院所</source>
        <translation>Research institute</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="21" />
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="22" />
        <source>医院</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="23" />
        <source>联合体</source>
        <translation>Consortium</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="24" />
        <location filename="../../db/model.py" line="37" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="27" />
        <source>重大科技基础设施</source>
        <translation>Major research facility</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="28" />
        <source>科学研究中心</source>
        <translation>Science research centre</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="29" />
        <source>重点实验室</source>
        <translation>Key laboratory</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="30" />
        <source>交叉研究平台</source>
        <translation>Interdisciplinary research platform</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="31" />
        <source>新型研发机构</source>
        <translation>New-type R&amp;D institution</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="32" />
        <source>产业创新平台</source>
        <translation>Industrial innovation platform</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="33" />
        <source>孵化载体</source>
        <translation>Incubator</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="34" />
        <source>科技服务平台</source>
        <translation>S&amp;T service platform</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="35" />
        <source>科技园区</source>
        <translation>Science park</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="36" />
        <source>应用场景</source>
        <translation>Application scenario</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="40" />
        <source>国家级</source>
        <translation>National</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="41" />
        <source>市级</source>
        <translation>Municipal</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="42" />
        <source>区级</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="45" />
        <source>谋划</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="46" />
        <source>洽谈</source>
        <translation>Negotiation</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="47" />
        <source>签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="48" />
        <location filename="../../db/model.py" line="60" />
        <source>开工</source>
        <translation>Groundbreaking</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="49" />
        <source>建设</source>
        <translation>Under construction</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="50" />
        <source>投产</source>
        <translation>In operation</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="51" />
        <source>达产</source>
        <translation>Full capacity</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="52" />
        <source>停缓建</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="53" />
        <location filename="../../db/model.py" line="95" />
        <source>终止</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="56" />
        <source>预研</source>
        <translation>Pre-research</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="57" />
        <source>建议书</source>
        <translation>Project proposal</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="58" />
        <source>可研</source>
        <translation>Feasibility study</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="59" />
        <source>初设概算</source>
        <translation>Preliminary design &amp; cost estimate</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="61" />
        <source>安装调试</source>
        <translation>Installation &amp; commissioning</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="62" />
        <source>建成</source>
        <translation>Construction completed</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="63" />
        <source>国家验收</source>
        <translation>National acceptance</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="64" />
        <source>开放运行</source>
        <translation>Open operation</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="67" />
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="68" />
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="69" />
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="70" />
        <source>受阻</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="71" />
        <source>取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="73" />
        <source>政府发榜</source>
        <translation>Government-issued</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="73" />
        <source>企业出题</source>
        <translation>Enterprise-proposed</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="75" />
        <source>前资助</source>
        <translation>Upfront funding</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="76" />
        <source>分阶段拨付</source>
        <translation>Staged disbursement</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="77" />
        <source>后奖补</source>
        <translation>Post-completion award</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="79" />
        <source>单一揭榜</source>
        <translation>Single applicant</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="79" />
        <source>赛马</source>
        <translation>Parallel race</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="81" />
        <source>需求征集</source>
        <translation>Collecting needs</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="82" />
        <source>凝练论证</source>
        <translation>Refinement &amp; appraisal</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="83" />
        <source>已发榜</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="84" />
        <source>申报中</source>
        <translation>Applications open</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="85" />
        <source>评审中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="86" />
        <source>会议审议</source>
        <translation>Panel deliberation</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="87" />
        <source>公示</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="88" />
        <source>已立项</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="89" />
        <source>攻关中</source>
        <translation>Research under way</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="90" />
        <source>里程碑考核</source>
        <translation>Milestone review</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="91" />
        <source>验收</source>
        <translation>Acceptance</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="92" />
        <source>兑现奖补</source>
        <translation>Award disbursement</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="93" />
        <source>结题</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="94" />
        <source>流榜</source>
        <translation>Unclaimed</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="98" />
        <source>已提交</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="99" />
        <source>入围</source>
        <translation>Shortlisted</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="100" />
        <source>立项</source>
        <translation>Awarded</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="101" />
        <source>未通过</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="102" />
        <source>撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="103" />
        <location filename="../../db/model.py" line="108" />
        <source>淘汰</source>
        <translation>Eliminated</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="106" />
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="107" />
        <source>整改</source>
        <translation>Rectification required</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="110" />
        <source>预期性</source>
        <translation>Anticipatory</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="110" />
        <source>约束性</source>
        <translation>Binding</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="111" />
        <source>higher</source>
        <translation>Higher is better</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="111" />
        <source>lower</source>
        <translation>Lower is better</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../db/connection.py" line="42" />
        <source>组合文件“{path}”已在另一个窗口或程序中打开。可以以只读方式打开，或先关闭另一个窗口。</source>
        <translation>Portfolio file “{path}” is already open in another window or program. You can open it read-only, or close the other window first.</translation>
    </message>
    <message>
        <location filename="../../db/connection.py" line="64" />
        <source>“{path}”不是科创项目台账的组合文件（不是 SQLite 数据库）。</source>
        <translation>“{path}” is not a Kechuang Project Ledger portfolio file (not an SQLite database).</translation>
    </message>
    <message>
        <location filename="../../db/connection.py" line="148" />
        <source>无法写入备份文件“{path}”：{detail}</source>
        <translation>Cannot write backup file “{path}”: {detail}</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="52" />
        <source>磁盘空间不足，无法保存组合文件：{detail}</source>
        <translation>Not enough disk space to save the portfolio file: {detail}</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="53" />
        <source>组合文件是只读的，无法保存：{detail}</source>
        <translation>The portfolio file is read-only and cannot be saved: {detail}</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="54" />
        <source>无法打开组合文件：{detail}</source>
        <translation>Cannot open the portfolio file: {detail}</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="55" />
        <source>组合文件已损坏：{detail}。请从备份恢复。</source>
        <translation>The portfolio file is corrupt: {detail}. Please restore it from a backup.</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="56" />
        <source>这不是一个数据库文件：{detail}</source>
        <translation>This is not a database file: {detail}</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="57" />
        <source>组合文件正被另一个程序使用：{detail}</source>
        <translation>The portfolio file is in use by another program: {detail}</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="58" />
        <source>读写组合文件时出错：{detail}</source>
        <translation>Error reading or writing the portfolio file: {detail}</translation>
    </message>
    <message>
        <location filename="../../db/portfolio.py" line="50" />
        <location filename="../../db/portfolio.py" line="52" />
        <source>找不到组合文件“{path}”</source>
        <translation>Portfolio file “{path}” not found</translation>
    </message>
    <message>
        <location filename="../../db/portfolio.py" line="116" />
        <source>组合文件“{path}”以只读方式打开，不能修改。</source>
        <translation>Portfolio file “{path}” is open read-only and cannot be modified.</translation>
    </message>
    <message>
        <location filename="../../db/portfolio.py" line="158" />
        <source>未知的记录类型“{kind}”，可用：{kinds}</source>
        <translation>Unknown record type “{kind}”; available: {kinds}</translation>
    </message>
    <message>
        <location filename="../../db/portfolio.py" line="170" />
        <source>找不到编号为 {id} 的记录</source>
        <translation>No record with ID {id} found</translation>
    </message>
    <message>
        <location filename="../../db/schema.py" line="58" />
        <source>“{path}”不是科创项目台账的组合文件（是其他程序的数据库）。</source>
        <translation>“{path}” is not a Kechuang Project Ledger portfolio file (it is another program’s database).</translation>
    </message>
    <message>
        <location filename="../../db/schema.py" line="62" />
        <source>“{path}”由更新版本的科创项目台账创建（数据格式 {version}，本程序支持到 {supported}）。请升级程序后再打开。</source>
        <translation>“{path}” was created by a newer version of Kechuang Project Ledger (data format {version}; this version supports up to {supported}). Please upgrade the program before opening it.</translation>
    </message>
    <message>
        <location filename="../../db/values.py" line="22" />
        <source>{record}：「{field}」不能为空</source>
        <translation>{record}: “{field}” must not be empty</translation>
    </message>
    <message>
        <location filename="../../db/values.py" line="23" />
        <source>{record}：「{field}」的日期“{value}”无效，应为 YYYY-MM-DD（例如 2025-06-30）</source>
        <translation>{record}: “{field}” has an invalid date “{value}”; use YYYY-MM-DD (e.g. 2025-06-30)</translation>
    </message>
    <message>
        <location filename="../../db/values.py" line="24" />
        <source>{record}：「{field}」应为数字，而不是“{value}”</source>
        <translation>{record}: “{field}” must be a number, not “{value}”</translation>
    </message>
    <message>
        <location filename="../../db/values.py" line="25" />
        <source>{record}：「{field}」应为整数，而不是“{value}”</source>
        <translation>{record}: “{field}” must be a whole number, not “{value}”</translation>
    </message>
    <message>
        <location filename="../../db/values.py" line="26" />
        <source>{record}：「{field}」不能为负数（“{value}”）</source>
        <translation>{record}: “{field}” cannot be negative (“{value}”)</translation>
    </message>
    <message>
        <location filename="../../db/values.py" line="27" />
        <source>{record}：「{field}」应在 0 到 100 之间（“{value}”）</source>
        <translation>{record}: “{field}” must be between 0 and 100 (“{value}”)</translation>
    </message>
    <message>
        <location filename="../../db/values.py" line="28" />
        <source>{record}：「{field}」不能为“{value}”，可选值：{choices}</source>
        <translation>{record}: “{field}” cannot be “{value}”; allowed values: {choices}</translation>
    </message>
    <message>
        <location filename="../../db/values.py" line="29" />
        <source>{record}：「{field}」应为 是/否（“{value}”）</source>
        <translation>{record}: “{field}” must be yes/no (“{value}”)</translation>
    </message>
    <message>
        <location filename="../../db/values.py" line="30" />
        <source>{record}：「{field}」应为记录编号（UUID），而不是“{value}”</source>
        <translation>{record}: “{field}” must be a record ID (UUID), not “{value}”</translation>
    </message>
    <message>
        <location filename="../../db/values.py" line="31" />
        <source>{record}：「{field}」应为列表（“{value}”）</source>
        <translation>{record}: “{field}” must be a list (“{value}”)</translation>
    </message>
    <message>
        <location filename="../../db/values.py" line="32" />
        <source>{record}：「{field}」应为 JSON 对象（“{value}”）</source>
        <translation>{record}: “{field}” must be a JSON object (“{value}”)</translation>
    </message>
    <message>
        <location filename="../../db/values.py" line="33" />
        <source>{record}：「{field}」应为文字且不超过 {max} 个字符</source>
        <translation>{record}: “{field}” must be text of at most {max} characters</translation>
    </message>
    <message>
        <location filename="../../db/values.py" line="34" />
        <source>{record}：「{field}」的时间“{value}”无效</source>
        <translation>{record}: “{field}” has an invalid time “{value}”</translation>
    </message>
    <message>
        <location filename="../../db/writes.py" line="23" />
        <source>{record}：没有名为“{field}”的字段。可用字段：{fields}</source>
        <translation>{record}: there is no field named “{field}”. Available fields: {fields}</translation>
    </message>
    <message>
        <location filename="../../db/writes.py" line="24" />
        <source>{record}：「{field}」由系统维护，不能直接修改</source>
        <translation>{record}: “{field}” is maintained by the system and cannot be changed directly</translation>
    </message>
    <message>
        <location filename="../../db/writes.py" line="25" />
        <source>{record}：计划日期由 {old} 调整为 {new} 属于重新计划，必须填写调整原因</source>
        <translation>{record}: moving the planned date from {old} to {new} is a re-plan; a reason for the change is required</translation>
    </message>
    <message>
        <location filename="../../db/writes.py" line="26" />
        <source>{record}：里程碑必须属于一个项目或一个揭榜方（二者选一）</source>
        <translation>{record}: a milestone must belong to either a project or an applicant team (exactly one of the two)</translation>
    </message>
    <message>
        <location filename="../../db/writes.py" line="27" />
        <source>{record}：「{field}」引用的记录 {value} 不存在或已删除</source>
        <translation>{record}: the record {value} referenced by “{field}” does not exist or has been deleted</translation>
    </message>
    <message>
        <location filename="../../db/writes.py" line="28" />
        <source>调整记录只能追加，不能修改或删除</source>
        <translation>Re-plan records can only be appended, not modified or deleted</translation>
    </message>
    <message>
        <location filename="../../db/writes.py" line="29" />
        <source>{record} 仍被 {count} 条记录引用，不能删除</source>
        <translation>{record} is still referenced by {count} record(s) and cannot be deleted</translation>
    </message>
    <message>
        <location filename="../../db/writes.py" line="30" />
        <source>{record} 已被删除，不能修改</source>
        <translation>{record} has been deleted and cannot be modified</translation>
    </message>
    <message>
        <location filename="../../db/writes.py" line="33" />
        <source>{record}：计划日期已承诺（基线 {baseline}），不能清空；请改为新的日期并说明原因</source>
        <translation>{record}: the planned date was committed (baseline {baseline}) and cannot be cleared; set a new date and give a reason</translation>
    </message>
    <message>
        <location filename="../../db/writes.py" line="69" />
        <source>未知的记录类型“{kind}”</source>
        <translation>Unknown record type “{kind}”</translation>
    </message>
    <message>
        <location filename="../../db/writes.py" line="133" />
        <source>{record}：编号 {id} 已存在</source>
        <translation>{record}: ID {id} already exists</translation>
    </message>
    <message>
        <location filename="../../db/writes.py" line="151" />
        <location filename="../../db/writes.py" line="179" />
        <source>找不到编号为 {id} 的{kind}</source>
        <translation>{kind} with ID {id} not found</translation>
    </message>
    <message>
        <location filename="../../db/indicators.py" line="67" />
        <source>指标「{name}」{year}年的实际值“{value}”不是数字</source>
        <translation>Indicator “{name}”: the actual value “{value}” for {year} is not a number</translation>
    </message>
    <message>
        <location filename="../../db/overview.py" line="39" />
        <source>周次“{week}”无效，应写成 2026-W47 这样的 ISO 周</source>
        <translation>Week “{week}” is not valid; write an ISO week such as 2026-W47</translation>
    </message>
</context>
<context>
    <name>field</name>
    <message>
        <location filename="../../db/model.py" line="147" />
        <source>来源文件</source>
        <translation>Source document</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="148" />
        <source>来源条目</source>
        <translation>Source item</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="149" />
        <source>来源原文</source>
        <translation>Source text</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="150" />
        <location filename="../../db/model.py" line="161" />
        <location filename="../../db/model.py" line="311" />
        <source>内置编号</source>
        <translation>Built-in key</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="154" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="155" />
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="156" />
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="157" />
        <source>上级单位</source>
        <translation>Parent unit</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="158" />
        <source>区县/片区</source>
        <translation>District/zone</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="159" />
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="160" />
        <location filename="../../db/model.py" line="185" />
        <location filename="../../db/model.py" line="233" />
        <location filename="../../db/model.py" line="260" />
        <location filename="../../db/model.py" line="302" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="165" />
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="166" />
        <source>项目编号</source>
        <translation>Project code</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="167" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="168" />
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="169" />
        <source>牵头单位</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="170" />
        <location filename="../../db/model.py" line="194" />
        <location filename="../../db/model.py" line="301" />
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="171" />
        <source>片区/区县</source>
        <translation>Zone/district</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="172" />
        <source>产业方向</source>
        <translation>Industry sector</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="173" />
        <location filename="../../db/model.py" line="232" />
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="174" />
        <source>设施阶段</source>
        <translation>Facility phase</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="175" />
        <source>总投资（万元）</source>
        <translation>Total investment (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="176" />
        <source>累计完成投资（万元）</source>
        <translation>Cumulative investment completed (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="177" />
        <source>年度计划投资（万元）</source>
        <translation>Annual planned investment (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="178" />
        <source>年度已完成投资（万元）</source>
        <translation>Annual investment completed (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="179" />
        <source>计划开工</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="180" />
        <source>计划完工</source>
        <translation>Planned completion</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="181" />
        <source>实际开工</source>
        <translation>Actual start</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="182" />
        <source>实际完工</source>
        <translation>Actual completion</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="183" />
        <source>建设内容</source>
        <translation>Scope of construction</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="184" />
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="186" />
        <location filename="../../db/model.py" line="201" />
        <location filename="../../db/model.py" line="234" />
        <location filename="../../db/model.py" line="261" />
        <source>示例</source>
        <translation>Example</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="190" />
        <source>所属项目</source>
        <translation>Parent project</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="191" />
        <source>所属揭榜方</source>
        <translation>Parent applicant team</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="192" />
        <location filename="../../db/model.py" line="205" />
        <location filename="../../db/model.py" line="266" />
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="193" />
        <source>交付成果</source>
        <translation>Deliverable</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="195" />
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="196" />
        <source>基线日期</source>
        <translation>Baseline date</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="197" />
        <location filename="../../db/model.py" line="279" />
        <source>计划日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="198" />
        <source>实际完成日期</source>
        <translation>Actual completion date</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="199" />
        <location filename="../../db/model.py" line="257" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="200" />
        <source>备注/佐证</source>
        <translation>Notes/evidence</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="206" />
        <source>原计划日期</source>
        <translation>Original planned date</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="207" />
        <source>新计划日期</source>
        <translation>New planned date</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="208" />
        <source>延期天数</source>
        <translation>Days of delay</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="209" />
        <source>调整原因</source>
        <translation>Reason for change</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="210" />
        <source>批准人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="211" />
        <source>记录时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="215" />
        <source>榜单名称</source>
        <translation>Challenge title</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="216" />
        <source>榜单编号</source>
        <translation>Challenge code</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="217" />
        <source>发榜方式</source>
        <translation>Issuing mode</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="218" />
        <source>发榜单位</source>
        <translation>Issuing unit</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="219" />
        <source>专项/领域</source>
        <translation>Programme/field</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="220" />
        <source>需求概述</source>
        <translation>Summary of need</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="221" />
        <source>技术指标（验收标准）</source>
        <translation>Technical indicators (acceptance criteria)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="222" />
        <source>财政榜额（万元）</source>
        <translation>Fiscal award (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="223" />
        <source>配套榜额（万元）</source>
        <translation>Matching award (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="224" />
        <source>揭榜条件</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="225" />
        <source>发榜日期</source>
        <translation>Publication date</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="226" />
        <source>申报截止</source>
        <translation>Application deadline</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="227" />
        <source>攻关周期（月）</source>
        <translation>Research period (months)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="228" />
        <source>资助方式</source>
        <translation>Funding mode</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="229" />
        <source>首笔拨付比例（%）</source>
        <translation>First tranche share (%)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="230" />
        <source>揭榜方式</source>
        <translation>Award mode</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="231" />
        <source>赛马队伍数</source>
        <translation>Number of racing teams</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="238" />
        <location filename="../../db/model.py" line="246" />
        <source>榜单</source>
        <translation>Challenge</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="239" />
        <source>原阶段</source>
        <translation>Previous stage</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="240" />
        <source>新阶段</source>
        <translation>New stage</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="241" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="242" />
        <location filename="../../db/model.py" line="282" />
        <location filename="../../db/model.py" line="310" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="247" />
        <source>揭榜单位</source>
        <translation>Applicant unit</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="248" />
        <source>团队名称</source>
        <translation>Team name</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="249" />
        <source>挂帅人</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="250" />
        <source>团队成员</source>
        <translation>Team members</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="251" />
        <source>联合体成员</source>
        <translation>Consortium members</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="252" />
        <source>技术路线</source>
        <translation>Technical approach</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="253" />
        <source>申请资金（万元）</source>
        <translation>Requested funding (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="254" />
        <source>自筹资金（万元）</source>
        <translation>Self-raised funding (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="255" />
        <source>评审得分</source>
        <translation>Review score</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="256" />
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="258" />
        <source>军令状签订日期</source>
        <translation>Pledge signing date</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="259" />
        <source>军令状承诺</source>
        <translation>Pledge commitments</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="265" />
        <location filename="../../db/model.py" line="275" />
        <source>揭榜方</source>
        <translation>Applicant team</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="267" />
        <source>考核日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="268" />
        <source>考核结果</source>
        <translation>Review result</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="269" />
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="270" />
        <source>评审专家</source>
        <translation>Reviewers</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="271" />
        <source>评审意见</source>
        <translation>Review comments</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="276" />
        <source>批次</source>
        <translation>Tranche no.</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="277" />
        <source>挂钩里程碑</source>
        <translation>Linked milestone</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="278" />
        <source>计划金额（万元）</source>
        <translation>Planned amount (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="280" />
        <source>已拨金额（万元）</source>
        <translation>Amount disbursed (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="281" />
        <source>拨付日期</source>
        <translation>Disbursement date</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="286" />
        <location filename="../../db/model.py" line="306" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="287" />
        <source>所属规划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="288" />
        <source>所属表格</source>
        <translation>Source table</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="289" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="290" />
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="291" />
        <source>计量单位</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="292" />
        <source>指标属性</source>
        <translation>Indicator attribute</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="293" />
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="294" />
        <source>基期年份</source>
        <translation>Baseline year</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="295" />
        <source>基期值</source>
        <translation>Baseline value</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="296" />
        <source>基期值（原文）</source>
        <translation>Baseline value (original text)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="297" />
        <source>目标年份</source>
        <translation>Target year</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="298" />
        <source>目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="299" />
        <source>目标值（原文）</source>
        <translation>Target value (original text)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="300" />
        <source>其他列</source>
        <translation>Other columns</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="307" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="308" />
        <source>实际值</source>
        <translation>Actual value</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="309" />
        <source>实际值（原文）</source>
        <translation>Actual value (original text)</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="315" />
        <source>设置项</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="316" />
        <source>值</source>
        <translation>Value</translation>
    </message>
</context>
<context>
    <name>kind</name>
    <message>
        <location filename="../../db/model.py" line="153" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="164" />
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="189" />
        <source>里程碑</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="204" />
        <source>调整记录</source>
        <translation>Re-plan record</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="214" />
        <source>揭榜挂帅榜单</source>
        <translation>Challenge</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="237" />
        <source>榜单阶段记录</source>
        <translation>Challenge stage record</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="245" />
        <source>揭榜方</source>
        <translation>Applicant team</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="264" />
        <source>里程碑考核</source>
        <translation>Milestone review</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="274" />
        <source>拨款批次</source>
        <translation>Funding tranche</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="285" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="305" />
        <source>指标实际值</source>
        <translation>Indicator actual value</translation>
    </message>
    <message>
        <location filename="../../db/model.py" line="314" />
        <source>设置</source>
        <translation>Setting</translation>
    </message>
</context>
<context>
    <name>overview</name>
    <message>
        <location filename="../../db/overview.py" line="20" />
        <source>（未填）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../db/overview.py" line="26" />
        <source>排名规则：先比按期完成率（到期里程碑中按期或提前完成的比例），高者在前；相同则红灯项目少者在前；再同则累计延期天数少者在前；再同则年度投资完成率高者在前；各项都相同的单位名次并列。</source>
        <translation>Ranking rule: first the on-time rate (share of due milestones completed on or before their planned date), higher first; then fewer red projects; then fewer days slipped; then a higher annual investment completion; units equal on all of these share a rank.</translation>
    </message>
</context>
</TS>