"""Deploy settings: absolute URLs for feeds, sitemaps and canonical links."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://example.org")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
