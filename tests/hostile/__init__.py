"""Hostile input and crash safety: seeds built to break ingest, the site or the browser."""
