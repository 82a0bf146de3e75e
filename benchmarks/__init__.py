"""iCanal Desktop's benchmarks: `python -m benchmarks` (or `python3 dev.py bench`).

Every figure is printed next to a baseline measured in the same run, on the same machine,
interleaved with it, so a busy machine slows both. Benchmarks print; they never fail.
"""
