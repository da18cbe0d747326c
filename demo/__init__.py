"""Demo content built from the facts of the institute's 2017 annual report (Jaarbericht 2017).

Each module adds one area of the site; ``load_demo_content`` runs them in order. Every step
is idempotent: it finds what an earlier run made (by slug or natural key) and leaves it.
"""
