"""Turns agencies' Category 3 reports into a bilingual static site.

Flow: content files -> ``loader`` -> ``model`` (via ``validate``) -> ``render`` -> ``mkdocs_hook``.
"""
