"""scripts/bench: the handbook's benchmark (build speed, scale, page weight,
Lighthouse and axe-core), measured side by side and held to budgets.

Not part of the test suite: timings on shared machines are noisy, and no
correctness test may depend on them. tests/test_bench.py runs it on a tiny input.
"""
