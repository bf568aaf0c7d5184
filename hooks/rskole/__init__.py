"""The recovery school portal's core: plain functions over typed data.

Nothing in this package imports MkDocs; ``hooks/portal.py`` is the only adapter.
"""
