"""Storage: the only code that opens the file, takes its lock, runs a transaction or an SQL statement
(tests/test_architecture.py enforces it). Portfolio.read()/write() in db/portfolio.py are the door
every other module goes through."""
