# The generator, the runner and their helper modules are tools run on demand, not tests:
# only test_bench_smoke.py is collected here.
collect_ignore_glob = ["generate.py", "run.py", "bench_*.py"]
