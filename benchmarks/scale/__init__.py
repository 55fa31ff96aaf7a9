"""The scale benchmark: seed a city of any size, then time every staff page over HTTP.

    python -m benchmarks.scale seed --suggestions 100000
    python -m benchmarks.scale measure

Both read DATABASE_URL (or --database-url). Results: benchmarks/results/scale.md.
"""
