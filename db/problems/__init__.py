"""Problems to coordinate (问题/督办, issue #18): the workflow's rules (rules.py), the operations
the GUI and CLI call (ops.py), their colours (colour.py) and the 督办单 (dubandan.py)."""
