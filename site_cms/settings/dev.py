"""Local development: the settings `make run` uses (SQLite unless DATABASE_URL says otherwise)."""

from .base import *  # noqa: F403
from .env import env, env_int, env_list

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
# Pages are not cached while developing unless asked for (PAGE_CACHE_SECONDS=600 make run).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
