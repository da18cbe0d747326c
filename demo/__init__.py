"""Demo content built from the facts of the 2017 annual report (seed/kis-jaarbericht-2017.txt).

Each module adds one area of the site; ``load_demo_content`` runs them in order. Every step
is idempotent: it finds what an earlier run made (by slug or natural key) and leaves it.
"""
