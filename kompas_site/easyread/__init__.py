"""The begrijpelijke versie (easy-read): readability of Dutch text, and the woordenlijst.

Plain Python, no site engine: ``readability`` measures a page, ``woordenlijst`` explains hard words.
Import the module you need; this package imports nothing itself, so loading one does not load the other.
"""
