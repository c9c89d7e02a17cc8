"""The anonymous page cache and its precise purge, split by job:

- `versions`: keys, path and site versions, the shared generation and each process's copies;
- `lifetime`: how long a page may be kept (never past the next flash change);
- `pages`: the one rule for what is public, the middleware and the WSGI wrapper;
- `fragments`: rendered parts of a page (`{% fragment %}`) under per-path scopes;
- `purge`: `purge_paths` / `purge_site` and the frontend (nginx) purge;
- `restrictions`: `CachedPageMixin` and the shortcut past view restrictions;
"""
