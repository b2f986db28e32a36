"""Compiled modules kept between test runs, also where PYTHONDONTWRITEBYTECODE is set.

Where the environment sets PYTHONDONTWRITEBYTECODE (this project's machines do, so that
nothing writes __pycache__ beside the sources), every test run compiles every module it
imports again, and pytest rewrites the asserts of every test module again: about 10 CPU
seconds of each run. Loaded first by `-p jobbro.tests.bytecode` in pyproject.toml's addopts
(before Django, the apps and the test modules are imported), this keeps the compiled files
in a folder of the user's own under the temporary directory instead (`sys.pycache_prefix`),
away from the sources. JOBBRO_TEST_NO_BYTECODE=1 leaves Python as the environment says.
"""

import os
import sys
import tempfile

if sys.dont_write_bytecode and not os.environ.get("JOBBRO_TEST_NO_BYTECODE"):
    if not sys.pycache_prefix:
        prefix = os.path.join(tempfile.gettempdir(), f"jobbro-pycache-{os.getuid()}")
        os.makedirs(prefix, mode=0o700, exist_ok=True)
        sys.pycache_prefix = prefix
    sys.dont_write_bytecode = False
