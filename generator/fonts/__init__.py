"""The fonts briefpack ships with: files, which characters they cover, metrics, reportlab registration.

Shared by every stage that measures or draws text; imports no stage.
"""
