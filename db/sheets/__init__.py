"""Spreadsheet round-trips (XLSX): importing an office's 台账, 调度表 templates, table exports.

headers.py finds and maps header rows, cells.py reads messy cell values, importer.py turns a
台账 into a preview (ImportPlan) and ops, template_export.py / template_import.py do the 调度表
round trip, export.py writes the app's tables. Everything here is Qt-free core code.
"""
